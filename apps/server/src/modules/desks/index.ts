import { findDesks } from './actions/find-desks.js';
import { configureDesk } from './actions/configure-desk.js';
import { deskHome } from './actions/desk-home.js';
import { deskCounters } from './actions/desk-counters.js';

/** Desk configuration, desk home and counters (issue 5, points 1, 6 and 8). */
export const desksHandlers = {
  'desks.find': findDesks,
  'desks.configure': configureDesk,
  'desks.home': deskHome,
  'desks.counters': deskCounters,
} as const;
