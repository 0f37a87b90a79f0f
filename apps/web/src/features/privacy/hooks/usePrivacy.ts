import type { ActionName } from '@siso/shared';
import { useAction, useActionMutation } from '../../../lib/query';

/** A privacy write changes the panel and the privacy status shown on the scheda and in searches. */
const privacyViews: ActionName[] = ['consents.get', 'intakeRecords.get', 'persons.find'];

export const usePrivacy = (personId: string) => useAction('consents.get', { personId }, { staleTime: 0 });
export const useRecordConsents = () => useActionMutation('consents.record', privacyViews);
export const useWithdrawConsent = () => useActionMutation('consents.withdraw', privacyViews);
