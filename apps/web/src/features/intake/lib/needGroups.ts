/**
 * Needs are grouped by class (siso-original §3.2 "Bisogni", Maslow's classes of siso.classe_bisogno).
 * The code list gives each need its class in `group` (data/reference/siso/intake_codes.csv, column
 * classe). Groups follow the order of the classes; a class the class list lacks still gets its group
 * (labelled by its code), and needs without a class go last, under "Altri" (the empty class code).
 */
export interface Code {
  code: string;
  label: string | null;
}

export interface Need extends Code {
  group: string | null;
}

export interface NeedGroup {
  class: Code;
  needs: Need[];
}

export function needGroups(classes: readonly Code[], needs: readonly Need[]): NeedGroup[] {
  const groups = new Map<string, NeedGroup>(classes.map((c) => [c.code, { class: c, needs: [] }]));
  const other: Need[] = [];
  for (const n of needs) {
    if (n.group === null) {
      other.push(n);
      continue;
    }
    let g = groups.get(n.group);
    if (!g) {
      g = { class: { code: n.group, label: null }, needs: [] };
      groups.set(n.group, g);
    }
    g.needs.push(n);
  }
  const out = [...groups.values()].filter((g) => g.needs.length > 0);
  if (other.length) out.push({ class: { code: '', label: null }, needs: other });
  return out;
}

/** Adds or removes one code, keeping the order of first choice. */
export function toggleCode(codes: readonly string[], code: string, on: boolean): string[] {
  if (on) return codes.includes(code) ? [...codes] : [...codes, code];
  return codes.filter((c) => c !== code);
}
