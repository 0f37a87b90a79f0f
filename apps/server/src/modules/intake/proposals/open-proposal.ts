import crypto from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { SocialCategory } from '@siso/shared';
import { insertedBy } from '../../../access/visibility.js';
import type { DB } from '../../../db/types.js';
import { notify } from '../../../notifications/notify.js';
import { operatorsOf } from '../../../notifications/recipients.js';
import type { Tx } from '../../../db/transaction.js';
import type { ContextActor } from '../../organisation/require-actor.js';
import { PERSON } from '../../persons/person-kinds.js';
import type { DeskSettings } from '../desk-access.js';
import { INTAKE_RECORD } from '../intake-kinds.js';
import { TAKE_CHARGE_PROPOSAL } from './proposal-repo.js';

export interface CompletedIntake {
  id: string;
  personId: string | null;
  ambitoId: string;
  enteId: string;
  officeId: string;
  socialCategory: SocialCategory;
}

/** The purpose of the grants a proposal makes (migration 0015 found the ente grants of proposals by this text). */
export const PROPOSAL_GRANT_PURPOSE = 'proposta di presa in carico';

/**
 * On completion with outcome "proposta di presa in carico" (issue 5, point 5; siso-original §5.1
 * step 5, CS_SS_SCHEDA_SEGR state CREATA and the UDC alert): the proposal for the professional social
 * service of the competent ente — the scheda's own, or the ambito's capofila when the desk says so
 * (smartwelfare.udc.gestionePicCapofila) — the grants that let that social service open the scheda and
 * its person, and an `intake.proposal` alert to the social service's operators.
 *
 * The grants go to each `servizio_sociale_professionale` office of the destination ente, one grant per
 * office, never to the ente: the proposal is addressed to the professional social service, and an
 * ente grant would open the person, the scheda, its PDF, its files and the privacy records to every
 * office of the ente — a third-sector cooperative or an administrative office included — that has no
 * need to know (GDPR art. 5(1)(c) data minimisation, art. 25 data protection by default). By intent
 * they let the social service read what it decides on; whether a grant also lets its holder write is
 * the visibility module's rule, not this one's. An ente without such an office gets no grant (and no
 * alert): its proposals inbox still lists the proposal, without the scheda's number or the person.
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
    // The row's tenant is the scheda's (the actor's ambito); the capofila is of the same ambito.
    .modifyEnd(insertedBy(actor, TAKE_CHARGE_PROPOSAL, { ambito_id: intake.ambitoId }))
    .execute();
  // The social service of the destination ente: its servizio_sociale_professionale offices.
  const offices = await db
    .selectFrom('office')
    .select('id')
    .where('ente_id', '=', destEnteId)
    .where('type', '=', 'servizio_sociale_professionale')
    .where('archived_at', 'is', null)
    .orderBy('id')
    .execute();
  const records = [{ kind: INTAKE_RECORD, id: intake.id }, ...(intake.personId ? [{ kind: PERSON, id: intake.personId }] : [])];
  for (const office of offices) {
    for (const record of records) {
      await grantToOffice(db, { recordKind: record.kind, recordId: record.id, ambitoId: intake.ambitoId, enteId: intake.enteId, officeId: office.id, grantedBy: actor.operatorId });
    }
  }
  const tx = db as Tx; // always the request's transaction (see above)
  const office = await db.selectFrom('office').select('name').where('id', '=', intake.officeId).executeTakeFirstOrThrow();
  await notify(tx, await operatorsOf(tx, offices.map((o) => ({ kind: 'office', id: o.id })), 'proposals.find'), {
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

/** An access grant of a record to one office, unless one is already in force (no duplicate grants). */
async function grantToOffice(
  db: Kysely<DB>,
  g: { recordKind: string; recordId: string; ambitoId: string; enteId: string; officeId: string; grantedBy: string },
): Promise<void> {
  await sql`
    INSERT INTO access_grant (id, ambito_id, ente_id, record_kind, record_id, subject_kind, subject_id, purpose, valid_from, granted_by)
    SELECT ${crypto.randomUUID()}, ${g.ambitoId}, ${g.enteId}, ${g.recordKind}, ${g.recordId}, 'office', ${g.officeId}, ${PROPOSAL_GRANT_PURPOSE}, current_date, ${g.grantedBy}
     WHERE NOT EXISTS (SELECT 1 FROM access_grant x WHERE x.record_kind = ${g.recordKind} AND x.record_id = ${g.recordId}
                          AND x.subject_kind = 'office' AND x.subject_id = ${g.officeId} AND x.revoked_at IS NULL
                          AND x.valid_from <= current_date AND (x.valid_to IS NULL OR x.valid_to >= current_date))`.execute(db);
}
