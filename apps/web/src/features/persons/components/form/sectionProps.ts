import type { MaskableField, PersonFormState } from '../../lib/personForm';

export type SetField = <K extends keyof PersonFormState>(key: K, value: PersonFormState[K]) => void;

/** What every section of the person form receives. */
export interface SectionProps {
  state: PersonFormState;
  set: SetField;
  creating: boolean;
  masked: ReadonlySet<MaskableField>;
}
