/**
 * Malformed requests for the fuzz pass: each case is one raw HTTP request (method, payload, content
 * type, query string) derived from a schema-valid body of the action and its OpenAPI request schema.
 * None of them may ever be answered 5xx.
 */
export interface FuzzCase {
  label: string;
  method: 'GET' | 'POST';
  /** Raw body (POST); undefined sends none. */
  payload?: string | Buffer;
  /** Content type header; undefined sends none. */
  contentType?: string;
  /** Raw query string after `?` (GET). */
  query?: string;
}

type JsonSchema = { type?: string | string[]; properties?: Record<string, JsonSchema>; anyOf?: JsonSchema[]; items?: JsonSchema };

const MB = 1024 * 1024;
const huge = 'x'.repeat(MB);
export const DEPTH = 5000;
const deepArrays = `${'['.repeat(DEPTH)}${']'.repeat(DEPTH)}`;
const deepObjects = `${'{"a":'.repeat(DEPTH)}1${'}'.repeat(DEPTH)}`;

/** A value of another JSON type than the schema asks for. */
function wrongTypeFor(s: JsonSchema | undefined): unknown {
  const type = Array.isArray(s?.type) ? s?.type[0] : s?.type ?? s?.anyOf?.find((x) => x.type && x.type !== 'null')?.type;
  switch (type) {
    case 'string':
      return 12345;
    case 'number':
    case 'integer':
      return 'dodici';
    case 'boolean':
      return 'vero';
    case 'array':
      return { non: 'un elenco' };
    case 'object':
      return ['non', 'un', 'oggetto'];
    default:
      return [[{}]];
  }
}

/** Paths of the string leaves of a body (at most `max`), e.g. ["access","description"]. */
function stringPaths(v: unknown, max: number, at: string[] = [], out: string[][] = []): string[][] {
  if (out.length >= max) return out;
  if (typeof v === 'string') out.push(at);
  else if (Array.isArray(v)) v.forEach((x, i) => stringPaths(x, max, [...at, String(i)], out));
  else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) stringPaths(x, max, [...at, k], out);
  return out;
}

function withValue(body: unknown, path: string[], value: (old: unknown) => unknown): unknown {
  if (path.length === 0) return value(body);
  const [head, ...rest] = path;
  if (Array.isArray(body)) return body.map((x, i) => (String(i) === head ? withValue(x, rest, value) : x));
  const o = body as Record<string, unknown>;
  return { ...o, [head!]: withValue(o[head!], rest, value) };
}

export function fuzzCases(base: Record<string, unknown>, schema: JsonSchema | undefined, isQuery: boolean): FuzzCase[] {
  const json = (label: string, body: unknown): FuzzCase => ({ label, method: 'POST', payload: JSON.stringify(body), contentType: 'application/json' });
  const raw = (label: string, payload: string | undefined, contentType?: string): FuzzCase => ({ label, method: 'POST', payload, contentType });
  const fields = Object.keys({ ...(schema?.properties ?? {}), ...base });
  const strings = stringPaths(base, 12);
  const cases: FuzzCase[] = [
    raw('missing body, no content type', undefined),
    raw('missing body, JSON content type', '', 'application/json'),
    raw('wrong content type text/plain', JSON.stringify(base), 'text/plain'),
    raw('wrong content type form', 'a=1&b=2', 'application/x-www-form-urlencoded'),
    raw('malformed JSON', '{"a":', 'application/json'),
    raw('body null', 'null', 'application/json'),
    raw('body an array', '[1,2,3]', 'application/json'),
    raw('body a string', '"testo"', 'application/json'),
    raw('body a number', '42', 'application/json'),
    raw('body with a NUL byte outside strings', `{"a":1}\u0000`, 'application/json'),
    raw(`${DEPTH} nested arrays as the body`, deepArrays, 'application/json'),
    raw(`${DEPTH} nested objects as the body`, deepObjects, 'application/json'),
    json('an unknown field with a NUL in its name', { ...base, 'x\u0000y': 'z' }),
    json('a 1 MB unknown field', { ...base, extra: huge }),
    ...fields.map((f) => json(`wrong type for ${f}`, { ...base, [f]: wrongTypeFor(schema?.properties?.[f]) })),
    ...fields.map((f) => ({ ...json(`${DEPTH} nested arrays in ${f}`, {}), payload: JSON.stringify({ ...base, [f]: '§DEEP§' }).replace('"§DEEP§"', deepArrays) })),
    ...strings.map((p) => json(`NUL byte in ${p.join('.')}`, withValue(base, p, (old) => `${String(old)}\u0000${String(old)}`))),
    ...strings.map((p) => json(`lone surrogate and control characters in ${p.join('.')}`, withValue(base, p, (old) => `${String(old)}\ud800\u0001\u001f`))),
    ...strings.slice(0, 3).map((p) => json(`a 1 MB string in ${p.join('.')}`, withValue(base, p, () => huge))),
  ];
  if (isQuery) {
    const q = (label: string, query: string): FuzzCase => ({ label, method: 'GET', query });
    cases.push(
      q('GET with an enormous ?input=', `input=${encodeURIComponent(JSON.stringify({ ...base, extra: huge }))}`),
      q('GET with ?input= not JSON', 'input=%7B%22a%22'),
      q('GET with a bare NUL byte as ?input=', 'input=%00'),
      q('GET with a NUL byte in a key of ?input=', `input=${encodeURIComponent(JSON.stringify({ ...base, 'x\u0000': '\u0000' }))}`),
      q(`GET with ${DEPTH} nested arrays in ?input=`, `input=${encodeURIComponent(deepArrays)}`),
      q('GET with ?input= repeated', `input=${encodeURIComponent(JSON.stringify(base))}&input=%7B%7D`),
      ...strings.map((p) => q(`GET with a NUL byte in ${p.join('.')}`, `input=${encodeURIComponent(JSON.stringify(withValue(base, p, (old) => `${String(old)}\u0000`)))}`)),
    );
  }
  return cases;
}
