import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, sourceFiles } from '../testing/source-files.js';

/**
 * Every alert goes through `notify()` (issue 11, point 4): it looks up each recipient's preference
 * for the alert's type and raises the in-app alert and queues the e-mail only where it allows them.
 * A producer writing its own alert rows would bypass the preferences again, as the registry sync did
 * (it inserted alerts for offices with `raiseAlert`). So:
 * - only the notifications module's two writers insert into `alert` and `email_outbox`;
 * - those writers (`raiseAlert`, `queueEmail`) are called only by `notify()` and the files listed
 *   here with their reason. A new file using them fails this test until it is added with its reason —
 *   or, better, calls `notify()`.
 */
const writers: Record<string, RegExp> = {
  'a Kysely insert into alert or email_outbox': /insertInto\(\s*['"`](alert|email_outbox)\b(?!_)/,
  'an SQL INSERT into alert or email_outbox': /INSERT\s+INTO\s+(alert|email_outbox)\b(?!_)/i,
};
const writerFiles = ['apps/server/src/notifications/alerts.ts', 'apps/server/src/notifications/email-outbox.ts'];

const allowlist: Record<'raiseAlert' | 'queueEmail', Record<string, string>> = {
  raiseAlert: {
    'apps/server/src/notifications/alerts.ts': 'defines it',
    'apps/server/src/notifications/notify.ts': 'the one producer: raises the in-app alert where the preference allows it',
    'apps/server/src/notifications/alerts.int.test.ts': 'tests the delivery of alerts addressed to an operator, an office and an ente',
  },
  queueEmail: {
    'apps/server/src/notifications/email-outbox.ts': 'defines it',
    'apps/server/src/notifications/notify.ts': 'the one producer: queues the e-mail where the preference allows it',
    'apps/server/src/modules/intake/transfers/send-intake-record.ts':
      'mails a sent scheda to the destination desk’s own address (or the one the sender typed): an institutional mailbox, not an operator, so there is no preference to honour; it is not an alert',
    'apps/server/src/jobs/jobs.int.test.ts': 'tests the delivery of the e-mail outbox by the email.send job',
  },
};

const self = path.relative(repoRoot, new URL(import.meta.url).pathname);
const files = ['apps/server/src', 'bench', 'scripts', 'tests']
  .map((d) => path.join(repoRoot, d))
  .filter((d) => fs.existsSync(d))
  .flatMap((d) => sourceFiles(d))
  .map((f) => ({ file: path.relative(repoRoot, f), text: fs.readFileSync(f, 'utf8') }))
  .filter((f) => f.file !== self);

describe('one producer of alerts', () => {
  for (const [what, pattern] of Object.entries(writers)) {
    it(`has ${what} only in the notifications module's writers`, () => {
      const found = files.filter((f) => pattern.test(f.text)).map((f) => f.file);
      expect(found.filter((f) => !writerFiles.includes(f))).toEqual([]);
    });
  }

  for (const [name, allowed] of Object.entries(allowlist)) {
    it(`calls ${name} only from the allowlisted files`, () => {
      const users = files.filter((f) => new RegExp(`\\b${name}\\b`).test(f.text)).map((f) => f.file);
      expect(users.sort()).toEqual(Object.keys(allowed).sort());
    });
  }

  it('recognises the writes it forbids', () => {
    // The patterns above are only as good as what they match: a new spelling of an insert must fail.
    const samples = [
      "tx.insertInto('alert').values(row)",
      'db.insertInto("email_outbox")',
      'sql`INSERT INTO alert (id) VALUES (1)`',
      'sql`insert into email_outbox (id)`',
    ];
    for (const s of samples) expect(Object.values(writers).some((p) => p.test(s)), s).toBe(true);
    for (const s of ["insertInto('alert_read')", "insertInto('alert_preference')", 'INSERT INTO alert_read']) {
      expect(Object.values(writers).some((p) => p.test(s)), s).toBe(false);
    }
  });
});
