import type { IntakeView } from '@siso/shared';

/** The sections of the scheda in page order; those after `outcome` need a saved scheda. */
export const formSections = ['access', 'interlocutor', 'user', 'references', 'social', 'foreigner', 'needs', 'services', 'outcome'] as const;
export type PageSection = (typeof formSections)[number] | 'custom' | 'privacy' | 'requests' | 'diary';

/** The sections shown for a scheda (null: a new one, not yet saved). */
export function pageSections(intake: IntakeView | null, options: { privacy: boolean }): PageSection[] {
  if (!intake) return [...formSections];
  return [
    ...formSections.slice(0, 3),
    ...(options.privacy && intake.person ? (['privacy'] as const) : []),
    ...formSections.slice(3),
    ...(intake.customFields.length ? (['custom'] as const) : []),
    'requests',
    'diary',
  ];
}
