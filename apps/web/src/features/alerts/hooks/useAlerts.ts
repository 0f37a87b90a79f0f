import { useAction, useActionMutation } from '../../../lib/query';

/** New alerts are looked for every minute while the page is open. */
const pollMs = 60_000;

export function useAlerts(enabled: boolean) {
  return useAction('alerts.find', { limit: 20 }, { enabled, refetchInterval: pollMs });
}

export function useMarkAlertsRead() {
  return useActionMutation('alerts.markRead', ['alerts.find']);
}
