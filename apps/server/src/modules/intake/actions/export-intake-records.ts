import { intakeRecordsExport, type IntakeSummary } from '@siso/shared';
import { defineHandler } from '../../../http/action.js';
import { actorOf } from '../../organisation/require-actor.js';
import { INTAKE_RECORD } from '../intake-kinds.js';
import { findIntakeSummaries } from '../intake-find.js';
import { renderXlsx } from '../../../documents/xlsx.js';
import { printValue } from '../../../documents/print-values.js';
import { accessModeLabels, accessReasonLabels, intakeStatusLabels, outcomeLabels, proposalStatusLabels, socialCategoryLabels } from '../../../documents/intake-labels.js';

/** At most this many rows per export: beyond it the list is truncated and the answer says so. */
export const EXPORT_MAX_ROWS = 10_000;
const PAGE = 200;

const columns = [
  { header: 'Numero', key: 'number', width: 14 },
  { header: 'Data accesso', key: 'accessDate', width: 13 },
  { header: 'Stato', key: 'status', width: 12 },
  { header: 'Sportello', key: 'office', width: 28 },
  { header: 'Operatore', key: 'operator', width: 22 },
  { header: 'Modalità', key: 'mode', width: 18 },
  { header: 'Motivo', key: 'reason', width: 14 },
  { header: 'Esito', key: 'outcome', width: 26 },
  { header: 'Categoria', key: 'category', width: 18 },
  { header: 'Cognome', key: 'surname', width: 18 },
  { header: 'Nome', key: 'name', width: 18 },
  { header: 'Codice fiscale', key: 'fiscalCode', width: 18 },
  { header: 'Proposta', key: 'proposal', width: 12 },
];

function rowOf(s: IntakeSummary): Record<string, string> {
  const p = s.person;
  return {
    number: s.number,
    accessDate: printValue(s.accessDate),
    status: printValue(s.status, intakeStatusLabels),
    office: s.officeName,
    operator: s.operatorName,
    mode: printValue(s.accessMode, accessModeLabels),
    reason: printValue(s.accessReason, accessReasonLabels),
    outcome: printValue(s.outcome, outcomeLabels),
    category: printValue(s.socialCategory, socialCategoryLabels),
    surname: p ? (p.anonymousCode && p.surname === null ? `Anonimo ${p.anonymousCode}` : printValue(p.surname)) : '',
    name: p ? printValue(p.name) : '',
    fiscalCode: p ? printValue(p.fiscalCode) : '',
    proposal: printValue(s.proposalStatus, proposalStatusLabels),
  };
}

/**
 * intakeRecords.export: the filtered list as XLSX, masked like the list on screen (a masked cell
 * reads "riservato"), up to 10,000 rows (`truncated` tells the rest was left out). Every person in
 * the file is a subject of the audited read (GDPR art. 30: an export is a disclosure of each row).
 */
export const exportIntakeRecords = defineHandler(intakeRecordsExport, async (ctx, input) => {
  const actor = actorOf(ctx);
  const items: IntakeSummary[] = [];
  let cursor: string | undefined;
  let truncated = false;
  for (;;) {
    const page = await findIntakeSummaries(ctx, ctx.tx, actor, input, { limit: Math.min(PAGE, EXPORT_MAX_ROWS - items.length), cursor });
    items.push(...page.items);
    if (!page.nextCursor) break;
    if (items.length >= EXPORT_MAX_ROWS) {
      // One more row decides whether anything was left out.
      truncated = (await findIntakeSummaries(ctx, ctx.tx, actor, input, { limit: 1, cursor: page.nextCursor })).items.length > 0;
      break;
    }
    cursor = page.nextCursor;
  }
  const xlsx = await renderXlsx({ sheetName: 'Schede di accesso', title: 'Schede di accesso', columns, rows: items.map(rowOf) });
  // The presenters noted every row's person and classes; an export names each scheda it discloses.
  ctx.audit({ targets: items.map((s) => ({ kind: INTAKE_RECORD, id: s.id })), details: { rows: items.length, truncated } });
  return {
    filename: `schede-accesso-${new Date().toISOString().slice(0, 10)}.xlsx`,
    mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    contentBase64: xlsx.toString('base64'),
    rows: items.length,
    truncated,
  };
});
