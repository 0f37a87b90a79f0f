import ExcelJS from 'exceljs';
import { pdfText } from '../../testing/pdf-text.js';
import type { Owners, Secret } from './owner-ids.js';

/**
 * Searching an answer for the owners' secrets. The answer's text is its JSON body and headers, plus
 * every base64 value inside it decoded: raw bytes, the text a PDF draws (pdfText) and every cell of
 * an XLSX workbook — generated documents and attachments travel base64 in JSON.
 */
const BASE64 = /^[A-Za-z0-9+/]{24,}={0,2}$/;

async function xlsxText(bytes: Buffer): Promise<string> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    return '';
  }
  const out: string[] = [];
  wb.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((cell) => out.push(String(cell.text)))));
  return out.join('\n');
}

async function decodedTexts(value: unknown, out: string[]): Promise<void> {
  if (typeof value === 'string') {
    if (value.length % 4 !== 0 || !BASE64.test(value)) return;
    const bytes = Buffer.from(value, 'base64');
    out.push(bytes.toString('latin1'), bytes.toString('utf8'));
    if (bytes.subarray(0, 5).toString('latin1') === '%PDF-') out.push(pdfText(bytes));
    if (bytes[0] === 0x50 && bytes[1] === 0x4b) out.push(await xlsxText(bytes));
    return;
  }
  if (Array.isArray(value)) for (const v of value) await decodedTexts(v, out);
  else if (value && typeof value === 'object') for (const v of Object.values(value)) await decodedTexts(v, out);
}

/** Everything an answer shows, lower-cased. */
export async function answerText(body: unknown, headers: Record<string, unknown>): Promise<string> {
  const parts = [JSON.stringify(body) ?? '', JSON.stringify(headers)];
  await decodedTexts(body, parts);
  return parts.join('\n').toLowerCase();
}

/** The fields of a persons.find limited preview (docs/persons.md) and what each may carry. */
const PREVIEW_KEYS = [
  'id', 'inScope', 'score', 'matchedOn', 'anonymous', 'anonymousCode', 'fiscalCodeKind', 'fiscalCode', 'surname', 'name', 'sex',
  'birthDate', 'birthPlaceName', 'enteId', 'enteName', 'deceased', 'protected', 'slots', 'abilities',
].sort();
const isMasked = (v: unknown) => JSON.stringify(v) === '{"masked":true}';

/**
 * The one exemption: a same-ambito persona that may register people gets people outside its scope as
 * a limited preview — surname, name, birth date, fiscal code, holding ente, `inScope: false`, no
 * abilities; never a protected person. A preview item that keeps to exactly this is taken out of the
 * body before the search; one that does not is reported.
 */
export function stripPreviews(body: unknown, o: Owners): { body: unknown; problems: string[]; accepted: number } {
  const items = (body as { items?: unknown })?.items;
  if (!Array.isArray(items)) return { body, problems: [], accepted: 0 };
  let accepted = 0;
  const problems: string[] = [];
  const protectedIds = new Set(o.persons.filter((p) => p.protected).map((p) => p.id));
  const kept = items.map((raw) => {
    const item = raw as Record<string, unknown>;
    if (item.inScope !== false) return item;
    const wrong: string[] = [];
    const keys = Object.keys(item).sort();
    if (JSON.stringify(keys) !== JSON.stringify(PREVIEW_KEYS)) wrong.push(`fields ${keys.join(',')}`);
    if (!isMasked(item.sex)) wrong.push('sex not masked');
    if (!isMasked(item.birthPlaceName)) wrong.push('birth place not masked');
    if (JSON.stringify(item.slots) !== '{}') wrong.push(`slots ${JSON.stringify(item.slots)}`);
    if (JSON.stringify(item.abilities) !== '[]') wrong.push(`abilities ${JSON.stringify(item.abilities)}`);
    if (item.protected !== false || protectedIds.has(String(item.id))) wrong.push('a protected person');
    if (wrong.length === 0) {
      accepted += 1;
      return null;
    }
    problems.push(`limited preview of ${String(item.id)} carries more than its fields: ${wrong.join('; ')}`);
    return item;
  });
  return { body: { ...(body as object), items: kept }, problems, accepted };
}

/** The secrets found in `text`, except those the request itself carried and those allowed. */
export function secretsIn(text: string, secrets: Secret[], sent: string, allowed: ReadonlySet<string>): Secret[] {
  const request = sent.toLowerCase();
  return secrets.filter((s) => {
    const v = s.value.toLowerCase();
    return text.includes(v) && !request.includes(v) && !allowed.has(s.value);
  });
}

/**
 * Counters of the owners' desks answered to an attacker: any count above zero counts the owners'
 * schede (the attacker's own office aside: the owners' ente's cooperative counts its own).
 */
export function counterProblems(action: string, status: number, body: unknown, o: Owners, ownOfficeId: string): string[] {
  if (action !== 'desks.counters' || status !== 200) return [];
  const b = body as Record<string, unknown>;
  if (!o.officeIds.includes(String(b.officeId)) || b.officeId === ownOfficeId) return [];
  const desk = b.officeId === o.deskOfficeId ? 'general desk' : b.officeId === o.sspOfficeId ? 'social service desk' : 'office';
  const counts = Object.entries(b).filter(([k, v]) => typeof v === 'number' && v > 0 && k !== 'officeId');
  return counts.length > 0 ? [`counts the owners' ${desk}: ${counts.map(([k, v]) => `${k}=${String(v)}`).join(', ')}`] : [];
}
