/**
 * Needs are grouped by class (siso-original §3.2 "Bisogni", Maslow's classes of siso.classe_bisogno).
 * The code list answer carries code and label only; the class of a need is its code's prefix
 * (data/reference/siso/intake_codes.csv: FIS01 belongs to FIS), which is how the list is built.
 */
export interface Code {
  code: string;
  label: string | null;
}

export interface NeedGroup {
  class: Code;
  needs: Code[];
}

export function needGroups(classes: readonly Code[], needs: readonly Code[]): NeedGroup[] {
  const groups = classes.map((c) => ({ class: c, needs: [] as Code[] }));
  const other: Code[] = [];
  for (const n of needs) {
    const g = groups.find((x) => n.code.startsWith(x.class.code));
    if (g) g.needs.push(n);
    else other.push(n);
  }
  const out = groups.filter((g) => g.needs.length > 0);
  if (other.length) out.push({ class: { code: '', label: null }, needs: other });
  return out;
}

/** Adds or removes one code, keeping the order of first choice. */
export function toggleCode(codes: readonly string[], code: string, on: boolean): string[] {
  if (on) return codes.includes(code) ? [...codes] : [...codes, code];
  return codes.filter((c) => c !== code);
}
