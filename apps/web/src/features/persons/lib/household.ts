import { isMasked } from '@siso/shared';
import type { HouseholdGroupView, availabilities } from '@siso/shared';
import type { ActionInput } from '../../../lib/api';
import { personName } from './format';

/** One member in the group editor; masked values of existing members are kept apart and never sent. */
export interface MemberDraft {
  key: string;
  personId: string | null;
  /** How a registered member is shown (name and fiscal code). */
  personLabel: string;
  displayName: string;
  relationship: string;
  cohabiting: boolean;
  parentalResponsibility: boolean;
  availability: '' | (typeof availabilities)[number];
  contact: string;
  note: string;
  validFrom: string;
  validTo: string;
  /** Fields that arrived masked: omitted from the update. */
  masked: ('displayName' | 'contact' | 'note')[];
}

let counter = 0;
export const newKey = () => `m${++counter}`;

export function draftsFromGroup(g: HouseholdGroupView, reserved: string): MemberDraft[] {
  return g.members.map((m) => {
    const masked: MemberDraft['masked'] = [];
    const take = (field: MemberDraft['masked'][number], v: unknown) => {
      if (isMasked(v)) {
        masked.push(field);
        return '';
      }
      return typeof v === 'string' ? v : '';
    };
    return {
      key: m.id,
      personId: m.person?.id ?? null,
      personLabel: m.person ? (personName(m.person) ?? reserved) : '',
      displayName: take('displayName', m.displayName),
      relationship: m.relationship,
      cohabiting: m.cohabiting,
      parentalResponsibility: m.parentalResponsibility,
      availability: m.availability ?? '',
      contact: take('contact', m.contact),
      note: take('note', m.note),
      validFrom: m.validFrom ?? '',
      validTo: m.validTo ?? '',
      masked,
    };
  });
}

export function emptyMember(p: { personId: string | null; personLabel?: string; displayName?: string }): MemberDraft {
  return {
    key: newKey(), personId: p.personId, personLabel: p.personLabel ?? '', displayName: p.displayName ?? '', relationship: '', cohabiting: false,
    parentalResponsibility: false, availability: '', contact: '', note: '', validFrom: '', validTo: '', masked: [],
  };
}

const orNull = (s: string) => (s.trim() ? s.trim() : null);

type MemberInput = ActionInput<'households.update'>['members'][number];

export function memberInput(m: MemberDraft): MemberInput {
  const keep = (field: MemberDraft['masked'][number], v: string) => (m.masked.includes(field) ? {} : { [field]: orNull(v) });
  return {
    personId: m.personId,
    ...(m.personId ? {} : keep('displayName', m.displayName)),
    relationship: m.relationship,
    cohabiting: m.cohabiting,
    parentalResponsibility: m.parentalResponsibility,
    availability: m.availability || null,
    ...keep('contact', m.contact),
    ...keep('note', m.note),
    validFrom: orNull(m.validFrom),
    validTo: orNull(m.validTo),
  };
}

/** The browser's checks: a relationship for everyone, a name for members not in the registry. */
export function validateMembers(members: readonly MemberDraft[]): { path: string; code: 'required' | 'dates' }[] {
  const out: { path: string; code: 'required' | 'dates' }[] = [];
  members.forEach((m, i) => {
    if (!m.relationship) out.push({ path: `members.${i}.relationship`, code: 'required' });
    if (!m.personId && !m.displayName.trim() && !m.masked.includes('displayName')) out.push({ path: `members.${i}.displayName`, code: 'required' });
    if (m.validFrom && m.validTo && m.validTo < m.validFrom) out.push({ path: `members.${i}.validTo`, code: 'dates' });
  });
  return out;
}
