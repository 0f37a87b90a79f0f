import type { z } from 'zod';
import type { signature } from '@siso/shared';
import { AppError, type ErrorDetail } from '../../http/app-error.js';

export type SignatureInput = z.output<typeof signature>;

/** Whether someone born on `birthDate` is under 18 on `onDate` (c.c. art. 2: majority at eighteen). ISO dates. */
export function isMinorOn(birthDate: string | null, onDate: string): boolean {
  if (!birthDate) return false;
  const year = Number(birthDate.slice(0, 4)) + 18;
  return onDate < `${String(year).padStart(4, '0')}${birthDate.slice(4, 10)}`;
}

/**
 * Who may sign a privacy form: the person, or a legal representative named with the form (parent,
 * tutore, amministratore di sostegno, curatore — c.c. art. 316, 357, 404, 424). A minor acts through
 * whoever holds parental responsibility or the tutore (c.c. art. 2 and 316): a minor's own signature
 * is refused. Returns the problems found (empty = fine), with paths under `path`.
 */
export function signatureProblems(sig: SignatureInput, path: string, birthDate: string | null, givenOn: string): ErrorDetail[] {
  const problems: ErrorDetail[] = [];
  if (sig.signerKind === 'self' && sig.representative) problems.push({ path: `${path}.representative`, message: 'rappresentante_non_previsto' });
  if (sig.signerKind !== 'self' && !sig.representative) problems.push({ path: `${path}.representative`, message: 'rappresentante_richiesto' });
  if (isMinorOn(birthDate, givenOn) && sig.signerKind !== 'parent' && sig.signerKind !== 'tutore') {
    problems.push({ path: `${path}.signerKind`, message: 'minore_firma_rappresentante' });
  }
  return problems;
}

export function assertNoProblems(problems: ErrorDetail[]): void {
  if (problems.length > 0) throw new AppError('precondition_failed', problems);
}
