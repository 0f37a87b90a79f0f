import type { ActionInput } from '../../../lib/api';
import type { signerKinds, noticeModes } from '@siso/shared';

export type ConsentChoice = 'yes' | 'no' | 'unset';

export interface PrivacyFormState {
  recordNotice: boolean;
  givenOn: string;
  mode: (typeof noticeModes)[number];
  signerKind: (typeof signerKinds)[number];
  repSurname: string;
  repName: string;
  repFiscalCode: string;
  repAppointment: string;
  consents: Record<string, ConsentChoice>;
}

export function emptyPrivacyForm(today: string): PrivacyFormState {
  return { recordNotice: true, givenOn: today, mode: 'in_person', signerKind: 'self', repSurname: '', repName: '', repFiscalCode: '', repAppointment: '', consents: {} };
}

const orNull = (s: string) => (s.trim() ? s.trim() : null);

/**
 * The consents.record input of the form. A representative (parent, tutore, amministratore di sostegno,
 * curatore: c.c. art. 316, 357, 404, 424) signs for the person: their name goes with the notice and
 * with each consent. Consents left "non espresso" are not sent (nothing was asked or answered).
 */
export function privacyInput(
  personId: string,
  s: PrivacyFormState,
  extra: { intakeId?: string | undefined; document?: { filename: string; mediaType: string; contentBase64: string } | undefined },
): ActionInput<'consents.record'> {
  const representative =
    s.signerKind === 'self'
      ? null
      : { surname: s.repSurname.trim(), name: s.repName.trim(), fiscalCode: orNull(s.repFiscalCode), appointment: orNull(s.repAppointment) };
  const signature = { signerKind: s.signerKind, representative };
  const consents = Object.entries(s.consents)
    .filter(([, v]) => v !== 'unset')
    .map(([type, v]) => ({ ...signature, type, given: v === 'yes', givenOn: s.givenOn }));
  return {
    personId,
    ...(extra.intakeId ? { intakeId: extra.intakeId } : {}),
    ...(s.recordNotice ? { notice: { ...signature, givenOn: s.givenOn, mode: s.mode, ...(extra.document ? { document: extra.document } : {}) } } : {}),
    consents,
  };
}

/** What the browser checks before sending (the server checks again). */
export function privacyIssues(s: PrivacyFormState, today: string): { path: string; code: 'required' | 'future' | 'nothing' }[] {
  const out: { path: string; code: 'required' | 'future' | 'nothing' }[] = [];
  const anyConsent = Object.values(s.consents).some((v) => v !== 'unset');
  if (!s.recordNotice && !anyConsent) out.push({ path: 'consents', code: 'nothing' });
  if (!s.givenOn) out.push({ path: 'givenOn', code: 'required' });
  else if (s.givenOn > today) out.push({ path: 'givenOn', code: 'future' });
  if (s.signerKind !== 'self') {
    if (!s.repSurname.trim()) out.push({ path: 'repSurname', code: 'required' });
    if (!s.repName.trim()) out.push({ path: 'repName', code: 'required' });
  }
  return out;
}
