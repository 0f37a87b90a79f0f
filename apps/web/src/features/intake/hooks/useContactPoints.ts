import type { IntakeView } from '@siso/shared';
import { useAction } from '../../../lib/query';

/**
 * The contact points (punti di contatto) the Accesso section offers: the scheda's own desk on a saved
 * scheda; on a new one the current desk, as `desks.home` has it (cached by the desk home the operator
 * usually comes from). The server accepts only contact points of the scheda's office.
 */
export function useContactPoints(intake: IntakeView | null): { points: ReadonlyArray<{ id: string; name: string }>; pending: boolean } {
  const home = useAction('desks.home', {}, { enabled: intake === null });
  if (intake) return { points: intake.desk.contactPoints, pending: false };
  return { points: home.data?.desk.contactPoints ?? [], pending: home.isPending };
}
