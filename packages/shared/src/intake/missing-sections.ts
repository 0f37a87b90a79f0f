import type { IntakeSection } from '../contracts/intake-common.js';

/**
 * Which mandatory sections of a scheda are still missing (issue 5, point 1: a scheda may be saved
 * incomplete; it is completed only when the sections its desk requires are filled). Pure: the server
 * refuses `intakeRecords.complete` with this list, the form shows the same list before trying.
 */
export interface StoredIntakeSections {
  access?: Record<string, unknown> | null;
  interlocutor?: Record<string, unknown> | null;
  personId?: string | null;
  references?: readonly unknown[] | null;
  social?: Record<string, unknown> | null;
  foreigner?: Record<string, unknown> | null;
  needs?: { codes?: readonly string[] | null } | null;
  services?: { requested?: readonly string[] | null; deskInterventions?: readonly unknown[] | null } | null;
  outcome?: Record<string, unknown> | null;
  custom?: Record<string, unknown> | null;
}

export interface MissingSection {
  section: IntakeSection | 'custom';
  /** The fields still to fill (empty when the section as a whole is missing, e.g. no needs at all). */
  fields: string[];
}

function filled(v: unknown): boolean {
  if (v === undefined || v === null) return false;
  if (typeof v === 'string') return v.trim() !== '';
  if (Array.isArray(v)) return v.length > 0;
  return true;
}

/** The missing fields of one section ("filled" as the desk operators mean it, siso-original §3.1 and §5.1). */
function missingIn(section: IntakeSection, s: StoredIntakeSections): string[] {
  switch (section) {
    case 'access': {
      const a = s.access ?? {};
      const out = ['date', 'mode', 'reason'].filter((k) => !filled(a[k]));
      // "Inviato da": who sent the person, an office of the ambito or a description.
      if (a.reason === 'sent_by' && !filled(a.sentByOfficeId) && !filled(a.sentByText) && !filled(a.reasonDetail)) out.push('sentByOfficeId');
      return out;
    }
    case 'interlocutor': {
      const i = s.interlocutor ?? {};
      if (!filled(i.type)) return ['type'];
      // Someone other than the user speaks for them: at least their surname (or organisation name).
      return i.type !== 'user' && !filled(i.surname) && !filled(i.organisation) ? ['surname'] : [];
    }
    case 'user':
      return filled(s.personId) ? [] : ['personId'];
    case 'references':
      return filled(s.references) ? [] : ['references'];
    case 'social':
      return Object.values(s.social ?? {}).some(filled) ? [] : ['social'];
    case 'foreigner':
      return filled((s.foreigner ?? {}).permitStatus) ? [] : ['permitStatus'];
    case 'needs':
      return filled(s.needs?.codes) ? [] : ['codes'];
    case 'services':
      return filled(s.services?.requested) || filled(s.services?.deskInterventions) ? [] : ['requested'];
    case 'outcome': {
      const o = s.outcome ?? {};
      if (!filled(o.type)) return ['type'];
      // The professional service needs the target category of a proposal to take charge (CS_C_CATEGORIA_SOCIALE).
      return o.type === 'take_charge_proposal' && !filled(o.socialCategory) ? ['socialCategory'] : [];
    }
  }
}

/**
 * The mandatory sections (desk configuration) not yet filled, plus what is needed whatever the desk:
 * required configuration-defined fields, and a person and a social category when the outcome is a
 * proposal to take charge (the professional service takes charge of someone, even if not yet identified).
 */
export function missingSections(
  mandatory: readonly IntakeSection[],
  stored: StoredIntakeSections,
  requiredCustomKeys: readonly string[] = [],
): MissingSection[] {
  const out: MissingSection[] = [];
  const add = (section: MissingSection['section'], fields: string[]) => {
    const existing = out.find((m) => m.section === section);
    if (existing) existing.fields.push(...fields.filter((f) => !existing.fields.includes(f)));
    else out.push({ section, fields });
  };
  for (const section of mandatory) {
    const fields = missingIn(section, stored);
    if (fields.length > 0) add(section, fields);
  }
  if (stored.outcome?.type === 'take_charge_proposal') {
    const o = missingIn('outcome', stored);
    if (o.length > 0) add('outcome', o);
    if (!filled(stored.personId)) add('user', ['personId']);
  }
  const custom = requiredCustomKeys.filter((k) => !filled(stored.custom?.[k]));
  if (custom.length > 0) add('custom', custom);
  return out;
}
