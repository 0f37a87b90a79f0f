import { sql } from 'kysely';
import type { z } from 'zod';
import type { desksConfigure } from '@siso/shared';
import type { Tx } from '../../db/transaction.js';
import { AppError, type ErrorDetail } from '../../http/app-error.js';
import type { DeskRow } from './desk-repo.js';

type Input = z.output<(typeof desksConfigure)['input']>;

/**
 * What the schema cannot check alone (issue 5, point 6), all problems at once as 422 with their
 * paths: a thematic code iff the desk is thematic; the foreigners' kind only on a desk (sportello_*);
 * mandatory sections listed once; excluded profiles that exist in the region (or the desk's ambito);
 * access points that are third-sector offices of the desk's ente or ambito.
 */
export async function validateDeskConfig(tx: Tx, desk: DeskRow, input: Input): Promise<void> {
  const problems: ErrorDetail[] = [];
  if (input.kind === 'thematic' && !input.thematicCode) problems.push({ path: 'thematicCode', message: 'codice_tematico_obbligatorio' });
  if (input.kind !== 'thematic' && input.thematicCode) problems.push({ path: 'thematicCode', message: 'codice_tematico_solo_sportello_tematico' });
  if (input.kind === 'foreigners' && !desk.office_type.startsWith('sportello_')) problems.push({ path: 'kind', message: 'tipo_sportello_non_ammesso' });
  input.mandatorySections.forEach((s, i) => {
    if (input.mandatorySections.indexOf(s) !== i) problems.push({ path: `mandatorySections.${i}`, message: 'valore_ripetuto' });
  });
  if (input.excludedProfiles.length > 0) {
    const known = await sql<{ code: string }>`
      SELECT p.code FROM profile p
       WHERE p.code = ANY(${input.excludedProfiles}::text[]) AND p.archived_at IS NULL
         AND p.regione_id = (SELECT regione_id FROM ente WHERE id = ${desk.ente_id})
         AND (p.ambito_id IS NULL OR p.ambito_id IS NOT DISTINCT FROM ${desk.ambito_id}::uuid)`.execute(tx);
    const codes = new Set(known.rows.map((r) => r.code));
    input.excludedProfiles.forEach((p, i) => {
      if (!codes.has(p)) problems.push({ path: `excludedProfiles.${i}`, message: 'profilo_sconosciuto' });
    });
  }
  if (input.accessPoints.length > 0) {
    const ok = await sql<{ id: string }>`
      SELECT o.id FROM office o
       WHERE o.id = ANY(${input.accessPoints}::uuid[]) AND o.type = 'terzo_settore' AND o.archived_at IS NULL
         AND (o.ente_id = ${desk.ente_id} OR (o.ambito_id IS NOT NULL AND o.ambito_id IS NOT DISTINCT FROM ${desk.ambito_id}::uuid))`.execute(tx);
    const ids = new Set(ok.rows.map((r) => r.id));
    input.accessPoints.forEach((id, i) => {
      if (!ids.has(id) || input.accessPoints.indexOf(id) !== i) problems.push({ path: `accessPoints.${i}`, message: 'punto_accesso_non_valido' });
    });
  }
  if (problems.length > 0) throw new AppError('precondition_failed', problems);
}
