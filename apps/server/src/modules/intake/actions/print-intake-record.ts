import { intakeRecordsPrint, type IntakeView } from '@siso/shared';
import { defineHandler } from '../../../http/action.js';
import { actorOf } from '../../organisation/require-actor.js';
import { loadIntakeView } from '../intake-repo.js';
import { documentHeaderOf } from '../../../documents/document-header.js';
import { renderPdf, type PdfSection } from '../../../documents/pdf.js';
import { romeDateTime } from '../../../documents/rome-time.js';
import { printValue, RESERVED_TEXT, isMasked } from '../../../documents/print-values.js';
import {
  accessModeLabels, accessReasonLabels, deskInterventionLabels, interlocutorTypeLabels, intakeStatusLabels, outcomeLabels,
  privacyStatusLabels, proposalStatusLabels, serviceRequestStatusLabels, socialCategoryLabels, userPresenceLabels,
} from '../../../documents/intake-labels.js';

type Row = { label: string; value: string };
type FieldSpec = [key: string, label: string, labels?: Record<string, string>];

/** Rows of a masked section; a section the actor cannot read at all prints one "riservato" row. */
function sectionRows(section: unknown, fields: FieldSpec[]): Row[] {
  if (section === null || section === undefined) return [];
  if (isMasked(section)) return [{ label: 'Contenuto', value: RESERVED_TEXT }];
  const s = section as Record<string, unknown>;
  return fields.filter(([k]) => s[k] !== undefined && s[k] !== null).map(([k, label, labels]) => ({ label, value: printValue(s[k], labels) }));
}

function section(heading: string, rows: Row[]): PdfSection[] {
  return rows.length > 0 ? [{ heading, rows }] : [];
}

/** The scheda as printed sections, from the same masked view the screen shows. */
export function intakePrintSections(v: IntakeView): PdfSection[] {
  const person = v.person;
  const userRows: Row[] = person
    ? [
        { label: 'Cognome', value: person.anonymousCode && person.surname === null ? `Anonimo ${person.anonymousCode}` : printValue(person.surname) },
        { label: 'Nome', value: printValue(person.name) },
        { label: 'Codice fiscale', value: printValue(person.fiscalCode) },
        { label: 'Data di nascita', value: printValue(person.birthDate) },
        { label: 'Privacy', value: printValue(v.privacyStatus, privacyStatusLabels) },
      ]
    : [{ label: 'Utente', value: 'Non identificato' }];
  const refs = v.references;
  const referenceRows: Row[] = isMasked(refs)
    ? [{ label: 'Persone di riferimento', value: RESERVED_TEXT }]
    : (refs ?? []).map((r, i) => ({
        label: `Riferimento ${i + 1}`,
        value: [printValue(r.surname), printValue(r.name), r.relationship ? `(${printValue(r.relationship)})` : '', printValue(r.phone ?? r.mobile), printValue(r.email)].filter(Boolean).join(' '),
      }));
  const interventions = v.services && !isMasked(v.services) ? v.services.deskInterventions : undefined;
  const serviceRows: Row[] = [
    ...sectionRows(v.services, [['requested', 'Servizi richiesti']]),
    ...(isMasked(interventions)
      ? [{ label: 'Interventi dello sportello', value: RESERVED_TEXT }]
      : (interventions ?? []).map((d, i) => ({
          label: `Intervento ${i + 1}`,
          value: [printValue(d.type, deskInterventionLabels), printValue(d.date), printValue(d.note), d.amount ? `€ ${printValue(d.amount)}` : '', printValue(d.payer)].filter(Boolean).join(' — '),
        }))),
  ];
  return [
    {
      heading: 'Scheda di accesso',
      rows: [
        { label: 'Numero', value: v.number },
        { label: 'Data di accesso', value: printValue(v.accessDate) },
        { label: 'Stato', value: printValue(v.status, intakeStatusLabels) },
        { label: 'Ente', value: v.enteName },
        { label: 'Sportello', value: v.officeName },
        { label: 'Operatore', value: v.operatorName },
      ],
    },
    { heading: 'Utente', rows: userRows },
    ...section('Accesso', sectionRows(v.access, [
      ['mode', 'Modalità di accesso', accessModeLabels], ['reason', 'Motivo', accessReasonLabels], ['reasonDetail', 'Dettaglio del motivo'],
      ['sentByText', 'Inviato da'], ['accompanied', 'Accompagnato'], ['accompaniedBy', 'Accompagnato da'],
      ['userPresence', 'Utente', userPresenceLabels], ['description', 'Descrizione'],
    ])),
    ...section('Interlocutore', sectionRows(v.interlocutor, [
      ['type', 'Tipo', interlocutorTypeLabels], ['surname', 'Cognome'], ['name', 'Nome'], ['fiscalCode', 'Codice fiscale'], ['birthDate', 'Data di nascita'],
      ['relationship', 'Relazione con l’utente'], ['organisation', 'Organizzazione'], ['role', 'Ruolo'], ['phone', 'Telefono'], ['mobile', 'Cellulare'],
      ['email', 'E-mail'], ['address', 'Indirizzo'],
    ])),
    ...section('Persone di riferimento', referenceRows),
    ...section('Situazione sociale', sectionRows(v.social, [
      ['household', 'Nucleo familiare'], ['workCondition', 'Condizione lavorativa'], ['profession', 'Professione'], ['education', 'Titolo di studio'],
      ['housing', 'Abitazione'], ['housingNotes', 'Note sull’abitazione'], ['healthNotes', 'Note sanitarie'], ['invalidityPercent', 'Invalidità (%)'],
      ['incomeNotes', 'Reddito'],
    ])),
    ...section('Cittadini stranieri', sectionRows(v.foreigner, [
      ['arrivalYear', 'Anno di arrivo'], ['arrivalChannel', 'Canale di arrivo'], ['countryOfOrigin', 'Paese di origine (ISTAT)'], ['permitType', 'Permesso di soggiorno'],
      ['permitStatus', 'Stato del permesso'], ['permitExpiry', 'Scadenza del permesso'], ['internationalProtection', 'Protezione internazionale'],
      ['languageLevel', 'Conoscenza dell’italiano'], ['receptionFacility', 'Struttura di accoglienza'], ['unaccompaniedMinor', 'Minore non accompagnato'],
    ])),
    ...section('Bisogni', sectionRows(v.needs, [['codes', 'Bisogni rilevati'], ['notes', 'Note']])),
    ...section('Servizi', serviceRows),
    ...section('Esito', sectionRows(v.outcome, [
      ['type', 'Esito', outcomeLabels], ['socialCategory', 'Categoria sociale', socialCategoryLabels], ['plannedInterventions', 'Interventi previsti'], ['note', 'Note'],
    ])),
    ...section('Richieste di servizio', v.serviceRequests.map((s) => ({
      label: s.serviceLabel,
      value: [
        printValue(s.status, serviceRequestStatusLabels),
        s.minutesWorked > 0 ? `${s.minutesWorked} minuti` : '',
        printValue(s.notes),
        s.attachments.length > 0 ? `Allegati: ${s.attachments.map((a) => a.filename).join(', ')}` : '',
      ].filter(Boolean).join(' — '),
    }))),
    ...section('Proposta di presa in carico', v.proposal ? [
      { label: 'Ente destinatario', value: v.proposal.destEnteName },
      { label: 'Stato', value: printValue(v.proposal.status, proposalStatusLabels) },
    ] : []),
    ...section('Diario', v.notes.map((n) => ({
      label: `${romeDateTime(new Date(n.writtenAt))} — ${n.authorName}${n.private ? ' (privata)' : ''}`,
      value: printValue(n.text),
    }))),
  ];
}

/**
 * intakeRecords.print: the scheda as an A4 PDF with the ente's letterhead, printed from the same
 * masked view as the screen (loadIntakeView notes the read in the audit): a field or private note the
 * actor cannot read prints as "riservato".
 */
export const printIntakeRecord = defineHandler(intakeRecordsPrint, async (ctx, input) => {
  actorOf(ctx);
  const view = await loadIntakeView(ctx, input.id);
  const header = await documentHeaderOf(ctx.tx, view.officeId);
  const pdf = await renderPdf({ header, title: `Scheda di accesso n. ${view.number}`, subtitle: 'Sportello di segretariato sociale', sections: intakePrintSections(view) });
  return { filename: `scheda-${view.number.replace(/[^0-9A-Za-z-]/g, '-')}.pdf`, mediaType: 'application/pdf', contentBase64: pdf.toString('base64') };
});
