import { useNavigate } from 'react-router';
import type { IntakeSectionsInput, IntakeView } from '@siso/shared';
import { useCreateIntake, useRememberIntake, useUpdateIntake } from './useIntake';

/**
 * Saves one section (issue 5, point 2: progressive sections, each saved on its own): the first save
 * creates the scheda (intakeRecords.create) and moves to its address; later ones update only the
 * section sent (intakeRecords.update with the version read, 409 if someone saved meanwhile).
 */
export function useSectionSave(intake: IntakeView | null) {
  const create = useCreateIntake();
  const update = useUpdateIntake();
  const remember = useRememberIntake();
  const navigate = useNavigate();
  const save = async (section: string, payload: IntakeSectionsInput): Promise<IntakeView> => {
    if (!intake) {
      const created = await create.mutateAsync(payload);
      remember(created);
      void navigate(`/sportello/schede/${created.id}`, { state: { savedSection: section } });
      return created;
    }
    const saved = await update.mutateAsync({ ...payload, id: intake.id, version: intake.version });
    remember(saved);
    return saved;
  };
  return { save, pending: create.isPending || update.isPending };
}
