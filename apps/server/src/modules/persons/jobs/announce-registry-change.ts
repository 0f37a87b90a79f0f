import { sql } from 'kysely';
import type { Tx } from '../../../db/transaction.js';
import { notify } from '../../../notifications/notify.js';
import { operatorsOf, type Audience } from '../../../notifications/recipients.js';
import { PERSON } from '../person-kinds.js';
import type { RegistryChange } from '../registry/registry-client.js';

const kindLabel: Record<RegistryChange['kind'], string> = {
  residence: 'cambio di residenza',
  household: 'variazione del nucleo familiare',
  death: 'decesso',
  civil_status: 'variazione dello stato civile',
  names: 'variazione di cognome o nome',
};

/**
 * Announces the registry changes applied to one person (issue 4, point 8) to the office holding
 * them and to every operator, office or ente granted on them (the case team, sharing): a
 * `registry.change` notice to each of their operators who may open the person (`persons.get`), in-app
 * and by e-mail as each asked (alerts.setPreferences, issue 11 point 4). The title names the kinds of
 * change only, never the person: it is shown in the header bell and may be mailed.
 */
export async function announceRegistryChange(
  tx: Tx,
  person: { id: string; ambito_id: string; ente_id: string; office_id: string },
  kinds: readonly RegistryChange['kind'][],
  publicUrl: string,
): Promise<void> {
  const granted = await sql<Audience>`
    SELECT g.subject_kind AS kind, g.subject_id AS id FROM access_grant g
     WHERE g.record_kind = ${PERSON} AND g.record_id = ${person.id} AND g.revoked_at IS NULL
       AND g.valid_from <= current_date AND (g.valid_to IS NULL OR g.valid_to >= current_date)`.execute(tx);
  const audience: Audience[] = [{ kind: 'office', id: person.office_id }, ...granted.rows];
  await notify(tx, await operatorsOf(tx, audience, 'persons.get'), {
    ambitoId: person.ambito_id,
    enteId: person.ente_id,
    type: 'registry.change',
    title: `Variazione anagrafica: ${[...new Set(kinds)].map((k) => kindLabel[k]).join(', ')}`,
    link: { kind: PERSON, id: person.id },
    publicUrl,
  });
}
