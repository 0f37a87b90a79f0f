import { isValidStpEniCode } from '@siso/shared';
import { isApiError } from '../../../lib/api';
import { decodeFiscalCode } from './fiscalCodePrefill';
import { addressFilled, type MaskableField, type PersonFormState } from './personForm';

/**
 * Errors of the person forms, from the browser's own checks and from the server (`invalid_input`
 * details), on one set of paths so the error summary can link each to its field.
 */
export interface FormIssue {
  /** Form path: `surname`, `birthPlace`, `residence.street`, `contacts.0.value`, `gp.name`… */
  path: string;
  message: string;
}

export type IssueCode = 'required' | 'invalid' | 'future' | 'beforeBirth' | 'fiscalCode' | 'stpEni';

/** The element id of a form path (ids are `pf-` + the path with dashes). */
export function fieldId(path: string, prefix = 'pf'): string {
  return `${prefix}-${path.replace(/\./g, '-')}`;
}

/** A server path as a form path (the contract names a few things differently from the form). */
export function formPath(serverPath: string, addressKinds: readonly string[] = []): string {
  const parts = serverPath.split('.');
  const [head, index, leaf] = parts;
  if (head === 'birthComuneIstat' || head === 'birthStateCode') return 'birthPlace';
  if (head === 'identity' || head === 'temporaryFiscalCode') return 'mode';
  if (head === 'citizenships') return 'citizenships';
  if (head === 'gp') return 'gp.name';
  if ((head === 'addresses' || head === 'newAddress') && parts.length >= 2) {
    const kind = head === 'newAddress' ? 'newAddress' : (addressKinds[Number(index)] ?? 'residence');
    const field = head === 'newAddress' ? index : leaf;
    return `${kind}.${field === 'comuneIstat' || field === 'stateCode' ? 'place' : (field ?? 'street')}`;
  }
  return serverPath;
}

/**
 * The field errors of a failed request, on form paths: 400 `invalid_input` details, and 403
 * `field_masked` (a field the profile may not write) which names the fields too.
 */
export function serverIssues(error: unknown, addressKinds: readonly string[] = []): FormIssue[] {
  if (!isApiError(error) || (error.code !== 'invalid_input' && error.code !== 'field_masked')) return [];
  return error.details.map((d) => ({ path: formPath(d.path, addressKinds), message: d.message }));
}

/**
 * What the browser can say before sending: missing names, a malformed code, impossible dates. The
 * server checks everything again (and more: a birthplace that did not exist on the birth date…).
 */
export function validatePersonForm(s: PersonFormState, today: string, options: { creating: boolean; masked?: ReadonlySet<MaskableField> }): { path: string; code: IssueCode }[] {
  const out: { path: string; code: IssueCode }[] = [];
  // A masked field is shown as "Riservato", never sent, and so never checked.
  const add = (path: string, code: IssueCode) => {
    const field = path === 'gp.name' ? 'gp' : path.split('.')[0];
    if (!options.masked?.has(field as MaskableField)) out.push({ path, code });
  };
  if (options.creating && s.mode === 'fiscalCode') {
    const d = decodeFiscalCode(s.fiscalCode, today);
    if (d.status === 'empty') add('fiscalCode', 'required');
    else if (d.status !== 'valid') add('fiscalCode', 'fiscalCode');
  }
  if (options.creating && s.mode === 'stpEni') {
    if (!s.stpEniCode.trim()) add('stpEniCode', 'required');
    else if (!isValidStpEniCode(s.stpEniCode)) add('stpEniCode', 'stpEni');
  }
  if (s.mode !== 'anonymous') {
    if (!s.surname.trim()) add('surname', 'required');
    if (!s.name.trim()) add('name', 'required');
  }
  if (s.birthDate && s.birthDate > today) add('birthDate', 'future');
  if (s.dateOfDeath && s.dateOfDeath > today) add('dateOfDeath', 'future');
  else if (s.dateOfDeath && s.birthDate && s.dateOfDeath < s.birthDate) add('dateOfDeath', 'beforeBirth');
  if (s.isProtected && !s.protectionReason) add('protectionReason', 'required');
  s.contacts.forEach((c, i) => {
    if (!c.value.trim()) add(`contacts.${i}.value`, 'required');
  });
  s.aliases.forEach((a, i) => {
    if (!a.surname.trim()) add(`aliases.${i}.surname`, 'required');
  });
  if ((s.gpRegionalCode.trim() || s.gpPhone.trim()) && !s.gpName.trim()) add('gp.name', 'required');
  if (options.creating) {
    for (const kind of ['residence', 'domicile'] as const) {
      const a = s[kind];
      if (!addressFilled(a)) continue;
      if (!a.street.trim()) add(`${kind}.street`, 'required');
      if (!a.place) add(`${kind}.place`, 'required');
      if (!a.validFrom) add(`${kind}.validFrom`, 'required');
    }
  }
  return out;
}
