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
};

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
