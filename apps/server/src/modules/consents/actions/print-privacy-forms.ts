import { consentsPrint } from '@siso/shared';
import { defineHandler } from '../../../http/action.js';
import { ambitoActor } from '../../persons/require-ambito.js';
import { presentPersonRecord } from '../../persons/person-present.js';
import { documentHeaderOf } from '../../../documents/document-header.js';
import { renderPdf } from '../../../documents/pdf.js';
import { italianDate } from '../../../documents/rome-time.js';
import { loadConsentTypes } from '../consent-types.js';
import { dpoContactOf } from '../dpo-contact.js';
import { loadPrivacyPerson } from '../load-privacy-person.js';
import { privacyNoticeParagraphs } from '../privacy-notice-text.js';

const RESERVED = 'riservato';

/**
 * consents.print: the notice and the optional-consents form as a PDF with the ente's letterhead,
 * filled in with the person, to print, sign and scan back (then consents.record with the document).
 * Fields the actor cannot read print as "riservato"; the read is audited.
 */
export const printPrivacyForms = defineHandler(consentsPrint, async (ctx, input) => {
  const actor = ambitoActor(ctx);
  const { person } = await loadPrivacyPerson(ctx.tx, actor, input.personId);
  // Through the person presenter: the read (subject, target, classes printed) is noted there.
  const p = presentPersonRecord(ctx, actor, person, {
    anonymousCode: person.anonymous_code, surname: person.surname, name: person.name, fiscalCode: person.fiscal_code, birthDate: person.birth_date,
  });
  const text = (v: unknown) => (typeof v === 'string' ? v : v === null || v === undefined ? '' : RESERVED);
  const header = await documentHeaderOf(ctx.tx, actor.context.officeId);
  const types = await loadConsentTypes(ctx.tx);
  const dpo = await dpoContactOf(ctx.tx, actor.context.enteId);
  const fullName = person.anonymous ? text(p.anonymousCode) : [text(p.surname), text(p.name)].filter(Boolean).join(' ');

  const pdf = await renderPdf({
    header,
    title: 'Informativa sul trattamento dei dati personali e consensi facoltativi',
    subtitle: 'Regolamento (UE) 2016/679, art. 13 — Sportello di segretariato sociale',
    sections: [
      {
        heading: 'Interessato',
        rows: [
          { label: 'Cognome e nome', value: fullName },
          { label: 'Codice fiscale', value: text(p.fiscalCode) },
          { label: 'Data di nascita', value: typeof p.birthDate === 'string' ? italianDate(p.birthDate) : text(p.birthDate) },
        ],
      },
      { heading: 'Informativa', paragraphs: privacyNoticeParagraphs(header.enteName, dpo) },
      {
        heading: 'Consensi facoltativi',
        paragraphs: types.length === 0 ? ['Nessun consenso facoltativo previsto dalla configurazione regionale.'] : [],
        choices: types.map((t) => ({ label: t.label, options: ['Sì', 'No'] })),
      },
      {
        heading: 'Firma',
        paragraphs: [
          "Dichiaro di aver ricevuto l'informativa e di aver espresso le scelte indicate sopra.",
          'Luogo e data: ______________________________',
          "Se firma un rappresentante legale (genitore per il minore, tutore, amministratore di sostegno, curatore — c.c. artt. 316, 357, 404, 424): cognome, nome e ruolo: ______________________________________________",
        ],
        signatures: ["Firma dell'interessato", 'Firma del rappresentante legale (indicare il ruolo)', "Firma dell'operatore che ha consegnato l'informativa"],
      },
    ],
  });
  return { filename: `informativa-privacy-${person.id.slice(0, 8)}.pdf`, mediaType: 'application/pdf', contentBase64: pdf.toString('base64') };
});
