import { alertsGetPreferences } from '@siso/shared';
import { defineHandler } from '../../http/action.js';
import { preferencesOf } from '../preferences.js';

/** alerts.getPreferences: in-app / e-mail for each alert type, the operator's own. */
export const getAlertPreferences = defineHandler(alertsGetPreferences, async (ctx) => ({
  items: await preferencesOf(ctx.tx, ctx.actor!.operatorId),
}));
