import pg from 'pg';

/**
 * Date-only values stay "YYYY-MM-DD" strings end to end (wire contract): without this, node-postgres
 * turns a `date` into a JS Date at local midnight, and a birth date can shift by a day across
 * time zones. Type 1082 is `date`. int8 (20) counts come back as numbers when safe; numeric (1700)
 * stays a string, so money is never a float.
 */
let installed = false;
export function installTypeParsers(): void {
  if (installed) return;
  installed = true;
  pg.types.setTypeParser(1082, (v: string) => v);
  pg.types.setTypeParser(20, (v: string) => {
    const n = Number(v);
    return Number.isSafeInteger(n) ? n : v;
  });
}
