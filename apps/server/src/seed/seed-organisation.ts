import crypto from 'node:crypto';
import { computeFiscalCode, dayToIso, isoToDay, Rng } from '@siso/shared';
import type { Kysely } from 'kysely';
import type { DB } from '../db/types.js';
import type { PasswordHasher } from '../auth/password.js';
import { defaultPermissions } from '../access/policies.js';
import { demoOfficeTypes, demoProfiles, officeNames, personas, type DemoComune, type PersonaCode } from './demo-organisation.js';

type Db = Kysely<DB>;

/** Region-level profiles (templates the access issue lets administrators refine per ambito). */
export async function ensureProfiles(db: Db, regioneId: string): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (const p of demoProfiles) {
    const existing = await db.selectFrom('profile').select('id').where('regione_id', '=', regioneId).where('ambito_id', 'is', null).where('code', '=', p.code).executeTakeFirst();
    const id = existing?.id ?? crypto.randomUUID();
    if (!existing) {
      await db
        .insertInto('profile')
        .values({ id, regione_id: regioneId, code: p.code, name: p.name, scope: p.scope, permissions: defaultPermissions(p.code), readable_classes: p.readable, writable_classes: p.writable })
        .execute();
    }
    ids.set(p.code, id);
  }
  return ids;
}

export interface SeededEnte {
  enteId: string;
  offices: Map<string, string>;
}

export async function seedEnte(db: Db, regioneId: string, ambitoId: string, c: DemoComune): Promise<SeededEnte> {
  const enteId = crypto.randomUUID();
  await db
    .insertInto('ente')
    .values({ id: enteId, regione_id: regioneId, ambito_id: ambitoId, kind: 'comune', name: c.name, belfiore_code: c.belfiore, istat_code: c.istat, is_capofila: c.capofila })
    .execute();
  const offices = new Map<string, string>();
  for (const type of demoOfficeTypes) {
    const id = crypto.randomUUID();
    await db.insertInto('office').values({ id, ambito_id: ambitoId, ente_id: enteId, type, name: officeNames[type] }).execute();
    offices.set(type, id);
    if (type === 'sportello_accoglienza') {
      await db
        .insertInto('contact_point')
        .values({ id: crypto.randomUUID(), ambito_id: ambitoId, ente_id: enteId, office_id: id, name: 'Sede centrale', opening_hours: 'lun–ven 9–12, mar e gio 15–17' })
        .execute();
    }
  }
  return { enteId, offices };
}

export interface PersonaPlacement {
  ambitoId: string | null;
  enteId: string;
  officeId: string;
}

/**
 * A valid, deterministic fiscal code for a demo operator, born in the comune where they work
 * (the synthetic-data RNG seeded by the username): OIDC maps identities to operators by fiscal code.
 */
export function demoFiscalCode(username: string, givenName: string, familyName: string, birthPlace: string): string {
  const seed = [...username].reduce((h, c) => (h * 31 + c.charCodeAt(0)) >>> 0, 7);
  const rng = new Rng(seed);
  const birthDate = dayToIso(rng.int(isoToDay('1960-01-01'), isoToDay('1995-12-31')));
  const sex = /a$/i.test(givenName) ? 'F' : 'M';
  return computeFiscalCode({ surname: familyName, name: givenName, sex, birthDate, birthPlaceCode: birthPlace });
}

/** Creates one operator with one assignment (valid from a fixed past date) and its profile. */
export async function seedOperator(
  db: Db,
  args: {
    regioneId: string;
    username: string;
    persona: PersonaCode;
    placement: PersonaPlacement;
    profileIds: Map<string, string>;
    passwordHash: string;
    birthPlace: string;
    email?: string;
  },
): Promise<string> {
  const p = personas.find((x) => x.code === args.persona)!;
  const operatorId = crypto.randomUUID();
  await db
    .insertInto('operator')
    .values({
      id: operatorId,
      regione_id: args.regioneId,
      username: args.username,
      fiscal_code: demoFiscalCode(args.username, p.givenName, p.familyName, args.birthPlace),
      given_name: p.givenName,
      family_name: p.familyName,
      email: args.email ?? `${args.username}@demo.siso.invalid`,
      password_hash: args.passwordHash,
      password_changed_at: new Date(),
    })
    .execute();
  const assignmentId = crypto.randomUUID();
  await db
    .insertInto('assignment')
    .values({
      id: assignmentId,
      operator_id: operatorId,
      ambito_id: args.placement.ambitoId,
      ente_id: args.placement.enteId,
      office_id: args.placement.officeId,
      professional_type: p.professionalType,
      valid_from: '2020-01-01',
    })
    .execute();
  await db.insertInto('assignment_profile').values({ assignment_id: assignmentId, profile_id: args.profileIds.get(p.profile)! }).execute();
  return operatorId;
}

export async function hashOnce(passwords: PasswordHasher, password: string): Promise<string> {
  return passwords.hash(password);
}
