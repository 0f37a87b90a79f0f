import { useQueryClient } from '@tanstack/react-query';
import type { ActionName, IntakeView } from '@siso/shared';
import { actionKey, useAction, useActionMutation } from '../../../lib/query';

/** Every write on a scheda refreshes the lists and inboxes it can appear in. */
const intakeViews: ActionName[] = ['intakeRecords.get', 'intakeRecords.find', 'desks.home', 'desks.counters', 'proposals.find'];

export const useIntakeRecord = (id: string) => useAction('intakeRecords.get', { id }, { enabled: id !== '', staleTime: 0 });
export const useCreateIntake = () => useActionMutation('intakeRecords.create', intakeViews);
export const useUpdateIntake = () => useActionMutation('intakeRecords.update', intakeViews);
export const useCompleteIntake = () => useActionMutation('intakeRecords.complete', intakeViews);
export const useCopyIntake = () => useActionMutation('intakeRecords.copy', intakeViews);
export const useDeleteIntake = () => useActionMutation('intakeRecords.delete', intakeViews);
export const useCreateIntakeNote = () => useActionMutation('intakeNotes.create', ['intakeRecords.get']);
export const useCreateServiceRequest = () => useActionMutation('serviceRequests.create', ['intakeRecords.get']);
export const useUpdateServiceRequest = () => useActionMutation('serviceRequests.update', ['intakeRecords.get']);

/** The service catalogue changes with configuration only: cached for the session. */
export const useServiceCatalogue = () => useAction('serviceCatalogue.find', { includeDisabled: false }, { staleTime: Infinity });

/** Offices a scheda may be sent to, also the offices that may have sent the user ("inviato da"). */
export const useDeskDestinations = (enabled: boolean) => useAction('desks.find', { purpose: 'destinations', limit: 100 }, { enabled, staleTime: 5 * 60_000 });

/** Puts a scheda answered by a write in the cache, so the page shows it at once. */
export function useRememberIntake() {
  const client = useQueryClient();
  return (v: IntakeView) => client.setQueryData(actionKey('intakeRecords.get', { id: v.id }), v);
}
