/**
 * Health-service codes for foreigners without a codice fiscale (reference/standards.md §3.1):
 * - STP, *Straniero Temporaneamente Presente*: non-EU citizens without a residence permit, who
 *   receive urgent and essential care (D.Lgs. 286/1998 art. 35; circolare Min. Salute 5/2000);
 * - ENI, *Europeo Non Iscritto*: EU citizens without health cover in Italy.
 * 16 characters: the prefix, the 3-digit region code and the 3-digit ASL code of the issuing
 * health authority, and a 7-digit progressive number. They are not fiscal codes: SISO keeps
 * them as an identifier of their own kind (`fiscalCodeKind` 'stp' / 'eni').
 */

export type StpEniKind = 'STP' | 'ENI';

export interface ParsedStpEniCode {
  code: string;
  kind: StpEniKind;
  regionCode: string;
  aslCode: string;
  progressive: string;
}

const STP_ENI_PATTERN = /^(STP|ENI)([0-9]{3})([0-9]{3})([0-9]{7})$/;

/** Splits an STP/ENI code (blanks and case ignored); null when it is not one. */
export function parseStpEniCode(input: string): ParsedStpEniCode | null {
  const code = input.replace(/\s+/g, '').toUpperCase();
  const m = STP_ENI_PATTERN.exec(code);
  if (!m) return null;
  return {
    code,
    kind: m[1] as StpEniKind,
    regionCode: m[2] as string,
    aslCode: m[3] as string,
    progressive: m[4] as string,
  };
}

/** "STP" or "ENI" followed by 13 digits (region 3, ASL 3, progressive 7). */
export function isValidStpEniCode(code: string): boolean {
  return parseStpEniCode(code) !== null;
}
