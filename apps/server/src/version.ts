import fs from 'node:fs';

/** The release version, from the root package.json (also shown by /api/health and the system page). */
export const version: string = (
  JSON.parse(fs.readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { version: string }
).version;
