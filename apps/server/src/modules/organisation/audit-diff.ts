/**
 * Old and new values of the changed ordinary fields, for the audit row's details (audit model: "old/new
 * values of ordinary fields"). Fields of other classes are listed by name only.
 */
export function auditDiff(
  before: Record<string, unknown> | null,
  after: Record<string, unknown>,
  namesOnly: readonly string[] = [],
): Record<string, unknown> {
  const changed: Record<string, { old: unknown; new: unknown }> = {};
  const changedRestricted: string[] = [];
  for (const [k, v] of Object.entries(after)) {
    if (v === undefined) continue;
    const old = before ? before[k] : null;
    if (JSON.stringify(old) === JSON.stringify(v)) continue;
    if (namesOnly.includes(k)) changedRestricted.push(k);
    else changed[k] = { old: old ?? null, new: v };
  }
  return { changes: changed, ...(changedRestricted.length ? { changedRestricted } : {}) };
}
