import type { ActionName } from '@siso/shared';
import { useAction, useActionMutation } from '../../../lib/query';

/** Every administrative write refreshes the views it can change. */
const organisationViews: ActionName[] = ['organisation.tree', 'operators.find', 'operators.get', 'profiles.find'];

export const useOrganisationTree = () => useAction('organisation.tree', {});
export const useOperators = (q: string) => useAction('operators.find', q ? { q, limit: 50 } : { limit: 50 });
export const useOperator = (id: string) => useAction('operators.get', { id });
export const useProfiles = () => useAction('profiles.find', {});

export const useUpsertAmbito = () => useActionMutation('ambiti.upsert', organisationViews);
export const useUpsertEnte = () => useActionMutation('entes.upsert', organisationViews);
export const useUpsertOffice = () => useActionMutation('offices.upsert', organisationViews);
export const useUpsertContactPoint = () => useActionMutation('contactPoints.upsert', organisationViews);
export const useCreateOperator = () => useActionMutation('operators.create', organisationViews);
export const useUpdateOperator = () => useActionMutation('operators.update', organisationViews);
export const useUnlockOperator = () => useActionMutation('operators.unlock', organisationViews);
export const useResetPassword = () => useActionMutation('operators.resetPassword', organisationViews);
export const useResetTotp = () => useActionMutation('operators.resetTotp', organisationViews);
export const useUpsertProfile = () => useActionMutation('profiles.upsert', organisationViews);
