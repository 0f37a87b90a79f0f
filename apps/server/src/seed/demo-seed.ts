import crypto from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB } from '../db/types.js';
import type { PasswordHasher } from '../auth/password.js';
import { demoAmbiti, demoProfiles, demoRegione, personas } from './demo-organisation.js';
import { ensureProfiles, seedEnte, seedOperator } from './seed-organisation.js';
import { defaultPermissions } from '../access/policies.js';
import { seedDemoDesks } from './demo-desks.js';

async function syncDemoProfiles(db: Kysely<DB>): Promise<void> {
  for (const p of demoProfiles) {
    await db.updateTable('profile').set({ permissions: defaultPermissions(p.code) }).where('ambito_id', 'is', null).where('code', '=', p.code).execute();
  }
}

/**
 * Seeds the demo region on first start (empty database only). Refuses in production unless
 * SISO_DEMO=1: demo accounts share a published password (access issue).
 */
export async function seedDemo(
  db: Kysely<DB>,
  opts: { passwords: PasswordHasher; password: string; production: boolean; demo: boolean; demoExplicit?: boolean },
): Promise<{ seeded: boolean; operators: number }> {
  if (!opts.demo) return { seeded: false, operators: 0 };
  if (opts.production && !opts.demoExplicit) {
    throw new Error('Il seed dimostrativo non si esegue in produzione senza SISO_DEMO=1.');
  }
  const existing = await db.selectFrom('regione').select('id').executeTakeFirst();
  if (existing) {
    // A demo database created by an older version: the personas' profiles follow today's policy
    // tables, so a new action reaches them after an upgrade (production templates are the admins').
    await syncDemoProfiles(db);
    await seedDemoDesks(db);
    return { seeded: false, operators: 0 };
  }
  return db.transaction().execute(async (tx) => {
    const regioneId = crypto.randomUUID();
    await tx.insertInto('regione').values({ id: regioneId, istat_code: demoRegione.istatCode, name: demoRegione.name }).execute();
    const regionEnte = crypto.randomUUID();
    await tx.insertInto('ente').values({ id: regionEnte, regione_id: regioneId, ambito_id: null, kind: 'regione', name: demoRegione.name }).execute();
    const regionOffice = crypto.randomUUID();
    await tx
      .insertInto('office')
      .values({ id: regionOffice, ambito_id: null, ente_id: regionEnte, type: 'ufficio_amministrativo', name: 'Direzione regionale politiche sociali' })
      .execute();
    const profileIds = await ensureProfiles(tx, regioneId);
    // One hash for the whole demo: they share the published demo password anyway.
    const passwordHash = await opts.passwords.hash(opts.password);
    let operators = 0;
    for (const a of demoAmbiti) {
      const ambitoId = crypto.randomUUID();
      await tx.insertInto('ambito').values({ id: ambitoId, regione_id: regioneId, code: a.code, name: a.name }).execute();
      for (const c of a.comuni) {
        const ente = await seedEnte(tx, regioneId, ambitoId, c);
        if (c.personaSuffix === null) continue;
        for (const p of personas) {
          const placement =
            p.office === 'regione'
              ? { ambitoId: null, enteId: regionEnte, officeId: regionOffice }
              : { ambitoId, enteId: ente.enteId, officeId: ente.offices.get(p.office)! };
          const username = `${p.code}${c.personaSuffix}`;
          await seedOperator(tx, { regioneId, username, persona: p.code, placement, profileIds, passwordHash, birthPlace: c.belfiore });
          operators += 1;
        }
      }
    }
    await seedDemoDesks(tx);
    return { seeded: true, operators };
  });
}
