import type { DeskView, IntakeSection, ProfileFieldClass } from '@siso/shared';
import type { ActionInput } from '../../../lib/api';

export interface DeskConfigState {
  kind: DeskView['kind'];
  thematicCode: string;
  mandatorySections: IntakeSection[];
  excludedProfiles: string[];
  /** "default" = the office type's policy (readableClasses null). */
  masking: 'default' | 'custom';
  readableClasses: ProfileFieldClass[];
  proposalTarget: DeskView['proposalTarget'];
  privacyPerDesk: boolean;
  emailSubject: string;
  emailBody: string;
  accessPoints: string[];
}

export function deskConfigState(d: DeskView): DeskConfigState {
  return {
    kind: d.kind,
    thematicCode: d.thematicCode ?? '',
    mandatorySections: [...d.mandatorySections],
    excludedProfiles: [...d.excludedProfiles],
    masking: d.readableClasses === null ? 'default' : 'custom',
    readableClasses: d.readableClasses ? [...d.readableClasses] : [],
    proposalTarget: d.proposalTarget,
    privacyPerDesk: d.privacyPerDesk,
    emailSubject: d.emailSubject ?? '',
    emailBody: d.emailBody ?? '',
    accessPoints: [...d.accessPoints],
  };
}

const orNull = (s: string) => (s.trim() ? s.trim() : null);

/** The desks.configure input; a thematic code only for a thematic desk, the version for the optimistic lock. */
export function deskConfigInput(s: DeskConfigState, officeId: string, version: number | null): ActionInput<'desks.configure'> {
  return {
    officeId,
    version,
    kind: s.kind,
    thematicCode: s.kind === 'thematic' ? orNull(s.thematicCode) : null,
    mandatorySections: s.mandatorySections,
    excludedProfiles: s.excludedProfiles,
    readableClasses: s.masking === 'default' ? null : s.readableClasses,
    proposalTarget: s.proposalTarget,
    privacyPerDesk: s.privacyPerDesk,
    emailSubject: orNull(s.emailSubject),
    emailBody: orNull(s.emailBody),
    accessPoints: s.accessPoints,
  };
}

/** Adds or removes one value of a multiple choice (checkbox groups), keeping the given order. */
export function toggle<T extends string>(list: readonly T[], value: T, on: boolean, order?: readonly T[]): T[] {
  const next = on ? (list.includes(value) ? [...list] : [...list, value]) : list.filter((v) => v !== value);
  return order ? order.filter((v) => next.includes(v)) : next;
}

/** The placeholders the server fills in the send e-mail (contract desks.ts). */
export const emailPlaceholders = ['number', 'fromOffice', 'toOffice', 'message', 'link'] as const;
