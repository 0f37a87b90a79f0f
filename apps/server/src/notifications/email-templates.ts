import type { Locale } from '@siso/shared';

/**
 * E-mail templates, Italian first (the citizen- and operator-facing language of the service).
 * Bodies are plain text with a minimal HTML twin; they carry no special-category data — e-mail is
 * not a safe channel for it (GDPR art. 9 and art. 32): mails say "there is something in SISO".
 */
export interface Rendered {
  subject: string;
  text: string;
  html: string;
}

type Params = Record<string, string>;

const templates: Record<string, Record<Locale, (p: Params) => { subject: string; text: string }>> = {
  'alert.new': {
    it: (p) => ({
      subject: `SISO: ${p.title}`,
      text: `Gentile ${p.name},\n\nin SISO è presente un nuovo avviso: «${p.title}».\nAccedi per consultarlo: ${p.url}\n\nQuesto messaggio è generato automaticamente, non rispondere.`,
    }),
    en: (p) => ({
      subject: `SISO: ${p.title}`,
      text: `Dear ${p.name},\n\nthere is a new alert in SISO: "${p.title}".\nLog in to read it: ${p.url}\n\nThis message is automatic, do not reply.`,
    }),
  },
  'job.failed': {
    it: (p) => ({
      subject: `SISO: il job «${p.job}» non è riuscito`,
      text: `Gentile ${p.name},\n\nil job «${p.job}» che hai avviato è terminato con un errore dopo ${p.attempts} tentativi.\nDettagli nella pagina Job: ${p.url}\n\nQuesto messaggio è generato automaticamente, non rispondere.`,
    }),
    en: (p) => ({
      subject: `SISO: job "${p.job}" failed`,
      text: `Dear ${p.name},\n\nthe job "${p.job}" you started failed after ${p.attempts} attempts.\nDetails on the Jobs page: ${p.url}\n\nThis message is automatic, do not reply.`,
    }),
  },
  /**
   * A scheda sent to another desk (issue 5, point 4). The sending desk may set its own subject and
   * body (desk configuration) with the placeholders {{number}}, {{fromOffice}}, {{toOffice}},
   * {{message}} and {{link}}; only those values are ever filled in, so the mail carries the number, the
   * offices and the sender's message, never the person's data (GDPR art. 9 and 32).
   */
  'intake.sent': {
    it: (p) => ({
      subject: fill(p.subjectTemplate || 'SISO: scheda {{number}} inviata da {{fromOffice}}', p),
      text: fill(
        p.bodyTemplate ||
          "Gentile operatore,\n\nlo sportello «{{fromOffice}}» ha inviato a «{{toOffice}}» la scheda di accesso n. {{number}}.\nMessaggio: {{message}}\n\nAccedi a SISO per accettarla o rifiutarla: {{link}}\n\nQuesto messaggio è generato automaticamente, non rispondere.",
        p,
      ),
    }),
    en: (p) => ({
      subject: fill(p.subjectTemplate || 'SISO: intake record {{number}} sent by {{fromOffice}}', p),
      text: fill(
        p.bodyTemplate ||
          'Dear operator,\n\nthe desk "{{fromOffice}}" sent the intake record no. {{number}} to "{{toOffice}}".\nMessage: {{message}}\n\nLog in to SISO to accept or refuse it: {{link}}\n\nThis message is automatic, do not reply.',
        p,
      ),
    }),
  },
};

/** Fills {{name}} placeholders with the listed values only; unknown ones stay empty. */
function fill(template: string, p: Params): string {
  const allowed = ['number', 'fromOffice', 'toOffice', 'message', 'link'];
  return template.replace(/\{\{\s*([a-zA-Z]+)\s*\}\}/g, (_, k: string) => (allowed.includes(k) ? (p[k] ?? '') : ''));
}

export const templateNames = Object.keys(templates);

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export function renderEmail(template: string, locale: Locale, params: Params): Rendered {
  const t = templates[template]?.[locale];
  if (!t) throw new Error(`unknown e-mail template ${template}`);
  const { subject, text } = t(params);
  const html = `<!doctype html><html lang="${locale}"><body><p>${escapeHtml(text).replace(/\n\n/g, '</p><p>').replace(/\n/g, '<br>')}</p></body></html>`;
  return { subject, text, html };
}
