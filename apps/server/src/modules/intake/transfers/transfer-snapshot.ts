import { sql } from 'kysely';
import type { TransferSnapshot } from '@siso/shared';
import { visible, visibleTo } from '../../../access/visibility.js';
import { PERSON } from '../../persons/index.js';
import type { Tx } from '../../../db/transaction.js';
import type { ContextActor } from '../../organisation/require-actor.js';
import { INTAKE_RECORD } from '../intake-kinds.js';

export interface SendableIntake {
  id: string;
  ambito_id: string;
  ente_id: string;
  office_id: string;
  office_name: string;
  number: string;
  version: number;
  person_id: string | null;
  /**
   * The person the destination links when it accepts within the ambito (it cannot read the source
   * scheda itself); never shown. Null for a protected person, whose identity does not travel.
   */
  source_person_id: string | null;
  snapshot: TransferSnapshot;
}

/**
 * The scheda as the destination will read it, taken when it is sent (siso-original
 * SS_SCHEDA_ACCESSO_INVIANTE): the accesso, the user's identity, the outcome and the labels of the
 * needs and requested services. No health, foreigner or reference-person data travels. A protected
 * person's identity is left out (issue 4, point 5): the destination identifies them by search, where
 * the protection rules apply. Null when the scheda is not visible to the actor for sending, not of the
 * actor's ente (a desk sends its own ente's schede), or of a desk that excludes one of the actor's
 * profiles (it does not exist for them: 404 before anything is written); the row is locked so a
 * concurrent edit cannot slip between the snapshot and the send.
 */
export async function loadSendable(tx: Tx, actor: ContextActor, id: string): Promise<SendableIntake | null> {
  const r = await sql<Omit<SendableIntake, 'snapshot'> & {
    access_date: string; access_mode: TransferSnapshot['accessMode']; access_reason: TransferSnapshot['accessReason'];
    interlocutor_type: TransferSnapshot['interlocutorType']; description: string | null; operator_name: string; operator_email: string | null;
    office_phone: string | null; surname: string | null; name: string | null; fiscal_code: string | null; birth_date: string | null;
    protected: boolean | null; outcome: TransferSnapshot['outcome']; needs: string[]; services: string[];
  }>`
    SELECT r.id, r.ambito_id, r.ente_id, r.office_id, o.name AS office_name, r.number, r.version, r.person_id, r.access_date, r.access_mode,
           r.access_reason, r.interlocutor->>'type' AS interlocutor_type, r.access->>'description' AS description,
           op.given_name || ' ' || op.family_name AS operator_name, op.email AS operator_email, o.phone AS office_phone,
           p.surname, p.name, p.fiscal_code, p.birth_date, p.protection_reason IS NOT NULL AS protected, r.outcome,
           ARRAY(SELECT coalesce(c.label, c.code) FROM jsonb_array_elements_text(coalesce(r.needs->'codes', '[]'::jsonb)) WITH ORDINALITY AS n(code, i)
                   JOIN ref_code c ON c.list = 'siso.bisogno' AND c.code = n.code ORDER BY n.i) AS needs,
           ARRAY(SELECT coalesce(sc.label, sc.code) FROM jsonb_array_elements_text(coalesce(r.services->'requested', '[]'::jsonb)) WITH ORDINALITY AS s(code, i)
                   JOIN service_catalogue sc ON sc.code = s.code ORDER BY s.i) AS services
      FROM intake_record r
      JOIN office o ON o.id = r.office_id
      JOIN operator op ON op.id = r.operator_id
      LEFT JOIN person p ON p.id = r.person_id AND ${visible(actor, PERSON, 'p', { orReferenced: true })}
     WHERE r.id = ${id} AND r.deleted_at IS NULL AND r.ente_id = ${actor.context.enteId}
       AND ${visibleTo(actor, 'intakeRecords.send', INTAKE_RECORD, 'r')}
       FOR UPDATE OF r`.execute(tx);
  const x = r.rows[0];
  if (!x) return null;
  const identity = x.protected ? null : x;
  return {
    id: x.id, ambito_id: x.ambito_id, ente_id: x.ente_id, office_id: x.office_id, office_name: x.office_name, number: x.number, version: x.version, person_id: x.person_id,
    source_person_id: x.protected ? null : x.person_id,
    snapshot: {
      number: x.number,
      accessDate: x.access_date,
      accessMode: x.access_mode,
      accessReason: x.access_reason,
      interlocutorType: x.interlocutor_type,
      description: x.description,
      operatorName: x.operator_name,
      operatorEmail: x.operator_email,
      officePhone: x.office_phone,
      userSurname: identity?.surname ?? null,
      userName: identity?.name ?? null,
      userFiscalCode: identity?.fiscal_code ?? null,
      userBirthDate: identity?.birth_date ?? null,
      outcome: x.outcome,
      needs: x.needs,
      requestedServices: x.services,
    },
  };
}
