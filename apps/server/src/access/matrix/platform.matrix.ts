import crypto from 'node:crypto';
import type { MatrixRow, Outcome, Persona, Relation } from './types.js';

const adminsOnly: Record<Persona, Outcome> = {
  sysadmin: 'ok',
  admin: 'ok',
  dpo: 'forbidden',
  sportello: 'forbidden',
  assistente: 'forbidden',
  responsabile: 'forbidden',
  regione: 'forbidden',
  terzosettore: 'forbidden',
};
const everyone: Record<Persona, Outcome> = {
  sysadmin: 'ok',
  admin: 'ok',
  dpo: 'ok',
  sportello: 'ok',
  assistente: 'ok',
  responsabile: 'ok',
  regione: 'ok',
  terzosettore: 'ok',
};
const forbiddenEverywhere: Record<Relation, Outcome> = { sameOffice: 'forbidden', sameEnte: 'forbidden', otherEnte: 'forbidden', otherAmbito: 'forbidden' };
const okEverywhere: Record<Relation, Outcome> = { sameOffice: 'ok', sameEnte: 'ok', otherEnte: 'ok', otherAmbito: 'ok' };

/** Hand-written expectations for the foundation's actions (system, jobs, alerts). */
export const platformMatrix: MatrixRow[] = [
  { action: 'system.get', targeted: false, input: async () => ({}), expect: adminsOnly },
  { action: 'jobs.find', targeted: false, input: async () => ({}), expect: adminsOnly },
  { action: 'jobs.findRuns', targeted: false, input: async () => ({ limit: 5 }), expect: adminsOnly },
  {
    action: 'jobs.getRun',
    targeted: true,
    // Job runs are installation-wide system records (no personal data): administrators see them all.
    input: async (f) => {
      const id = crypto.randomUUID();
      await f.db.insertInto('job_run').values({ id, job_name: 'maintenance.cleanup', job_version: 1, trigger: 'schedule', status: 'succeeded' }).execute();
      return { id };
    },
    expect: {
      sysadmin: okEverywhere,
      admin: okEverywhere,
      dpo: forbiddenEverywhere,
      sportello: forbiddenEverywhere,
      assistente: forbiddenEverywhere,
      responsabile: forbiddenEverywhere,
      regione: forbiddenEverywhere,
      terzosettore: forbiddenEverywhere,
    },
  },
  // Queued but never dispatched here (the matrix app runs without the job worker).
  { action: 'jobs.start', targeted: false, input: async () => ({ name: 'maintenance.cleanup' }), expect: adminsOnly },
  { action: 'alerts.find', targeted: false, input: async () => ({}), expect: everyone },
  { action: 'alerts.markRead', targeted: false, input: async () => ({ all: true }), expect: everyone },
  // Every operator tunes their own notifications.
  { action: 'alerts.getPreferences', targeted: false, input: async () => ({}), expect: everyone },
  { action: 'alerts.setPreferences', targeted: false, input: async () => ({ items: [{ type: 'job.failed', inApp: true, email: false }] }), expect: everyone },
];
