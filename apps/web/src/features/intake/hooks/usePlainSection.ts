import { useState } from 'react';
import type { IntakeView } from '@siso/shared';
import { sectionFields, type PlainSection } from '../lib/fieldSpecs';
import { sectionPayload, sectionState, type FieldValue, type SectionState } from '../lib/sectionValues';

/** The local state of a plain section, started from the scheda (or empty on a new one). */
export function usePlainSection(section: PlainSection, intake: IntakeView | null, defaults: Record<string, FieldValue> = {}) {
  const fields = sectionFields[section];
  const [state, setState] = useState<SectionState>(() => sectionState(fields, (intake?.[section] as Record<string, unknown> | null | undefined) ?? null, defaults));
  const set = (key: string, value: FieldValue) => setState((s) => ({ ...s, values: { ...s.values, [key]: value } }));
  const build = () => sectionPayload(section, fields, state);
  return { fields, state, set, build };
}
