import crypto from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { SocialCategory } from '@siso/shared';
import type { DB } from '../../../db/types.js';
import type { Tx } from '../../../db/transaction.js';
import type { ContextActor } from '../../organisation/require-actor.js';
import { PERSON } from '../../persons/person-kinds.js';
import type { DeskSettings } from '../desk-access.js';
import { INTAKE_RECORD } from '../intake-kinds.js';
import { notifyOperators, operatorsOf } from '../transfers/notify-offices.js';

export interface CompletedIntake {
  id: string;
  personId: string | null;
  ambitoId: string;
  enteId: string;
  officeId: string;
  socialCategory: SocialCategory;
}

/**
 * On completion with outcome "proposta di presa in carico" (issue 5, point 5; siso-original §5.1
 * step 5, CS_SS_SCHEDA_SEGR state CREATA and the UDC alert): the proposal for the professional social
 * service of the competent ente — the scheda's own, or the ambito's capofila when the desk says so
 * (smartwelfare.udc.gestionePicCapofila) — the grants that let that ente's social service open the
 * scheda and its person (access grants to the ente: the social service's own scope would not reach a
 * desk's records), and an `intake.proposal` alert to the social service's operators.
 * Must run in the request's transaction (`db` is ctx.tx): the proposal, grants and alert commit with
 * the completion or not at all. `publicUrl` makes the alert e-mail's link absolute.
 */
export async function openProposal(db: Kysely<DB>, actor: ContextActor, intake: CompletedIntake, settings: DeskSettings, publicUrl = ''): Promise<string> {
  const destEnteId = settings.proposalTarget === 'capofila' ? ((await capofilaOf(db, intake.ambitoId)) ?? intake.enteId) : intake.enteId;
  const id = crypto.randomUUID();
  await db
    .insertInto('take_charge_proposal')
    .values({
      id, intake_id: intake.id, person_id: intake.personId, ambito_id: intake.ambitoId, source_ente_id: intake.enteId,
      source_office_id: intake.officeId, dest_ente_id: destEnteId, social_category: intake.socialCategory,
    })
    .execute();
  const purpose = 'proposta di presa in carico';
  await grantToEnte(db, { recordKind: INTAKE_RECORD, recordId: intake.id, ambitoId: intake.ambitoId, enteId: intake.enteId, destEnteId, grantedBy: actor.operatorId, purpose });
  if (intake.personId) {
    await grantToEnte(db, { recordKind: PERSON, recordId: intake.personId, ambitoId: intake.ambitoId, enteId: intake.enteId, destEnteId, grantedBy: actor.operatorId, purpose });
  }
  // The social service of the destination ente: its servizio_sociale_professionale offices.
  const offices = await db
    .selectFrom('office')
    .select('id')
    .where('ente_id', '=', destEnteId)
    .where('type', '=', 'servizio_sociale_professionale')
    .where('archived_at', 'is', null)
    .execute();
  const tx = db as Tx; // always the request's transaction (see above)
  const office = await db.selectFrom('office').select('name').where('id', '=', intake.officeId).executeTakeFirstOrThrow();
  await notifyOperators(tx, await operatorsOf(tx, offices.map((o) => o.id), 'proposals.find'), {
    ambitoId: intake.ambitoId, enteId: destEnteId, type: 'intake.proposal',
    title: `Nuova proposta di presa in carico da ${office.name}`, link: { kind: 'proposal', id }, publicUrl,
  });
  return id;
}

/** The ambito's capofila ente (ente.is_capofila), if one is set. */
async function capofilaOf(db: Kysely<DB>, ambitoId: string): Promise<string | null> {
  const r = await db
    .selectFrom('ente')
    .select('id')
    .where('ambito_id', '=', ambitoId)
    .where('is_capofila', '=', true)
    .where('archived_at', 'is', null)
    .orderBy('name')
    .executeTakeFirst();
  return r?.id ?? null;
}

/** An access grant of a record to an ente, unless one is already in force (no duplicate grants). */
async function grantToEnte(
  db: Kysely<DB>,
  g: { recordKind: string; recordId: string; ambitoId: string; enteId: string; destEnteId: string; grantedBy: string; purpose: string },
): Promise<void> {
  await sql`
    INSERT INTO access_grant (id, ambito_id, ente_id, record_kind, record_id, subject_kind, subject_id, purpose, valid_from, granted_by)
    SELECT ${crypto.randomUUID()}, ${g.ambitoId}, ${g.enteId}, ${g.recordKind}, ${g.recordId}, 'ente', ${g.destEnteId}, ${g.purpose}, current_date, ${g.grantedBy}
     WHERE NOT EXISTS (SELECT 1 FROM access_grant x WHERE x.record_kind = ${g.recordKind} AND x.record_id = ${g.recordId}
                          AND x.subject_kind = 'ente' AND x.subject_id = ${g.destEnteId} AND x.revoked_at IS NULL
                          AND (x.valid_to IS NULL OR x.valid_to >= current_date))`.execute(db);
}
