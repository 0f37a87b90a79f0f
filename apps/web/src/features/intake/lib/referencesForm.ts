import { isMasked } from '@siso/shared';

/** A reference person (siso-original §3.2 "Riferimenti"), as the form holds it. */
export interface ReferenceRow {
  surname: string;
  name: string;
  sex: string;
  birthDate: string;
  relationship: string;
  phone: string;
  mobile: string;
  email: string;
  problems: boolean;
  problemsDescription: string;
}

/** At most three references per scheda (contract: massimo_tre_riferimenti). */
export const MAX_REFERENCES = 3;

export const emptyReference = (): ReferenceRow => ({ surname: '', name: '', sex: '', birthDate: '', relationship: '', phone: '', mobile: '', email: '', problems: false, problemsDescription: '' });

const str = (v: unknown) => (typeof v === 'string' ? v : '');

/** The rows from the view; `masked` when the whole list is not readable to the actor. */
export function referenceRows(view: unknown): { rows: ReferenceRow[]; masked: boolean } {
  if (isMasked(view)) return { rows: [], masked: true };
  if (!Array.isArray(view)) return { rows: [], masked: false };
  const rows = view.map((r: Record<string, unknown>) => ({
    surname: str(r.surname),
    name: str(r.name),
    sex: str(r.sex),
    birthDate: str(r.birthDate),
    relationship: str(r.relationship),
    phone: str(r.phone),
    mobile: str(r.mobile),
    email: str(r.email),
    problems: r.problems === true,
    problemsDescription: str(r.problemsDescription),
  }));
  return { rows, masked: false };
}

const orNull = (s: string) => (s.trim() === '' ? null : s.trim());

/** The references input: empty text as null; a missing surname is reported on its row's path. */
export function referencesPayload(rows: readonly ReferenceRow[]) {
  const problems: { path: string; code: 'required' }[] = [];
  const input = rows.map((r, i) => {
    if (!r.surname.trim()) problems.push({ path: `references.${i}.surname`, code: 'required' });
    return {
      surname: r.surname.trim(),
      name: orNull(r.name),
      sex: r.sex === 'M' ? ('M' as const) : r.sex === 'F' ? ('F' as const) : null,
      birthDate: orNull(r.birthDate),
      relationship: orNull(r.relationship),
      phone: orNull(r.phone),
      mobile: orNull(r.mobile),
      email: orNull(r.email),
      problems: r.problems,
      problemsDescription: r.problems ? orNull(r.problemsDescription) : null,
    };
  });
  return { input, problems };
}
