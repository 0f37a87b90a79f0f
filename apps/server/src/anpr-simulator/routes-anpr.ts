/**
 * The ANPR e-services behind the simulated GovWay (standards.md §5.1–§5.3):
 *   POST /govway/rest/in/MinInternoPortaANPR-PDND/<Cxxx-nome>/v1/anpr-service-e002  (RichiestaE002)
 *   POST /govway/rest/in/MinInternoPortaANPR-PDND/C001-servizioNotifica/v1/variazioni (our C001 shape)
 *   GET  /govway/rest/in/MinInternoPortaANPR-PDND/<Cxxx-nome>/v1/status
 * Answers RispostaE002OK, or RispostaKO (application/problem+json, 400/404) with listaErrori.
 */
import crypto from 'node:crypto';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import type { ChangeFeed, ChangeKind } from './changes.js';
import type { ResidentStore } from './residents.js';
import type { Problem, SimSecurity } from './security.js';
import { SIM_SERVICES, datiSoggetto } from './wire.js';

export const GOVWAY_PREFIX = '/govway/rest/in/MinInternoPortaANPR-PDND';

export interface SimCall {
  at: string;
  service: string;
  idOperazioneClient: string | null;
  userID: string | null;
  status: number;
}

export interface AnprRouteDeps {
  security: SimSecurity;
  store: ResidentStore;
  feed: ChangeFeed;
  today: () => string;
  calls: SimCall[];
}

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'data nel formato AAAA-MM-GG');
const datiRichiesta = z.object({
  dataRiferimentoRichiesta: isoDate,
  motivoRichiesta: z.string().trim().min(1, 'obbligatorio'),
  casoUso: z.string().regex(/^C\d{3}$/),
});
const richiestaE002 = z.object({
  idOperazioneClient: z.string().trim().min(1).max(40),
  criteriRicerca: z.looseObject({ codiceFiscale: z.string().optional(), idANPR: z.string().optional() }),
  datiRichiesta,
  verifica: z.object({ generalita: z.record(z.string(), z.unknown()) }).optional(),
});
const richiestaVariazioni = z.object({
  idOperazioneClient: z.string().trim().min(1).max(40),
  datiRichiesta,
  soggetti: z.array(z.object({ idANPR: z.string().min(1) })).min(1).max(1000),
  dataInizio: isoDate.optional(),
  cursore: z.string().optional(),
  numeroMassimo: z.number().int().min(1).max(500).default(100),
});

const TIPO_VARIAZIONE: Record<ChangeKind, string> = {
  residence: 'RESIDENZA',
  household: 'FAMIGLIA',
  death: 'DECESSO',
  civil_status: 'STATO_CIVILE',
  names: 'GENERALITA',
};

type Errore = { codiceErroreAnomalia: string; tipoErroreAnomalia: 'E' | 'W'; testoErroreAnomalia: string; campoErroreAnomalia?: string; valoreErroreAnomalia?: string };

function ko(reply: FastifyReply, status: number, listaErrori: Errore[]) {
  return reply.code(status).type('application/problem+json').send({ idOperazioneANPR: opId(), listaErrori });
}

function problem(reply: FastifyReply, p: Problem) {
  return reply.code(p.status).type('application/problem+json').send({ type: `https://govway.org/handling-errors/${p.status}/${p.title}.html`, title: p.title, status: p.status, detail: p.detail, govway_id: crypto.randomUUID() });
}

const opId = () => String(Date.now() * 1000 + crypto.randomInt(1000));

function invalid(reply: FastifyReply, error: z.ZodError) {
  return ko(reply, 400, error.issues.map((i) => ({
    codiceErroreAnomalia: 'EN400',
    tipoErroreAnomalia: 'E',
    testoErroreAnomalia: `${i.path.join('.') || 'richiesta'}: ${i.message}`,
    campoErroreAnomalia: i.path.join('.'),
  })));
}

export const encodeCursor = (seq: number) => Buffer.from(`seq:${seq}`).toString('base64url');
export function decodeCursor(c: string): number | null {
  const m = /^seq:(\d+)$/.exec(Buffer.from(c, 'base64url').toString());
  return m ? Number(m[1]) : null;
}

export function registerAnprRoutes(app: FastifyInstance, deps: AnprRouteDeps): void {
  const record = (service: string, body: unknown, userID: unknown, status: number) => {
    const id = (body as { idOperazioneClient?: unknown } | null)?.idOperazioneClient;
    deps.calls.push({ at: new Date().toISOString(), service, idOperazioneClient: typeof id === 'string' ? id : null, userID: typeof userID === 'string' ? userID : null, status });
    if (deps.calls.length > 1000) deps.calls.shift();
  };

  app.get<{ Params: { service: string } }>(`${GOVWAY_PREFIX}/:service/v1/status`, async (req, reply) => {
    if (!SIM_SERVICES[req.params.service]) return reply.code(404).send({ status: 404, title: 'NotFound' });
    return { status: 'OK', service: req.params.service };
  });

  app.post<{ Params: { service: string; op: string } }>(`${GOVWAY_PREFIX}/:service/v1/:op`, async (req, reply) => {
    const service = req.params.service;
    const code = SIM_SERVICES[service];
    const expectedOp = code === 'C001' ? 'variazioni' : 'anpr-service-e002';
    if (!code || req.params.op !== expectedOp) return problem(reply, { status: 404, title: 'NotFound', detail: `operazione sconosciuta: ${service}/v1/${req.params.op}` });
    const raw = typeof req.body === 'string' ? req.body : '';
    const checked = await deps.security.checkCall(service, req.headers, raw);
    let body: unknown = null;
    try {
      body = JSON.parse(raw);
    } catch {
      /* reported below */
    }
    if (!checked.ok) {
      record(code, body, null, checked.problem.status);
      return problem(reply, checked.problem);
    }
    const userID = checked.value.userID;
    const sent = code === 'C001' ? variazioni(reply, deps, body) : e002(reply, deps, code, body);
    record(code, body, userID, reply.statusCode);
    return sent;
  });
}

function e002(reply: FastifyReply, deps: AnprRouteDeps, code: string, body: unknown) {
  const parsed = richiestaE002.safeParse(body);
  if (!parsed.success) return invalid(reply, parsed.error);
  const r = parsed.data;
  if (r.datiRichiesta.casoUso !== code) {
    return ko(reply, 400, [{ codiceErroreAnomalia: 'EN401', tipoErroreAnomalia: 'E', testoErroreAnomalia: `casoUso ${r.datiRichiesta.casoUso} non ammesso per questo e-service (${code})`, campoErroreAnomalia: 'datiRichiesta.casoUso' }]);
  }
  if (r.datiRichiesta.dataRiferimentoRichiesta > deps.today()) {
    return ko(reply, 400, [{ codiceErroreAnomalia: 'EN402', tipoErroreAnomalia: 'E', testoErroreAnomalia: 'dataRiferimentoRichiesta nel futuro', campoErroreAnomalia: 'datiRichiesta.dataRiferimentoRichiesta' }]);
  }
  const { codiceFiscale, idANPR } = r.criteriRicerca;
  if (!codiceFiscale && !idANPR) {
    return ko(reply, 400, [{ codiceErroreAnomalia: 'EN403', tipoErroreAnomalia: 'E', testoErroreAnomalia: 'criteriRicerca: indicare codiceFiscale o idANPR (la ricerca per generalità non è simulata)', campoErroreAnomalia: 'criteriRicerca' }]);
  }
  if (code === 'C030' && !codiceFiscale) {
    return ko(reply, 400, [{ codiceErroreAnomalia: 'EN404', tipoErroreAnomalia: 'E', testoErroreAnomalia: 'C030 richiede il codice fiscale', campoErroreAnomalia: 'criteriRicerca.codiceFiscale' }]);
  }
  if (code === 'C003' && !r.verifica) {
    return ko(reply, 400, [{ codiceErroreAnomalia: 'EN405', tipoErroreAnomalia: 'E', testoErroreAnomalia: 'C003 richiede verifica.generalita', campoErroreAnomalia: 'verifica' }]);
  }
  const subject = idANPR ? deps.store.get(idANPR) : deps.store.get(codiceFiscale as string);
  if (!subject || (idANPR && subject.idANPR !== idANPR.toUpperCase())) {
    return ko(reply, 404, [{ codiceErroreAnomalia: 'EN122', tipoErroreAnomalia: 'E', testoErroreAnomalia: 'Nessun soggetto trovato per i criteri indicati' }]);
  }
  // §5.2 (◐): searching by codiceFiscale instead of idANPR is answered with a warning.
  const listaAnomalie = code !== 'C030' && !idANPR
    ? [{ codiceErroreAnomalia: 'AVV-CF', tipoErroreAnomalia: 'W', testoErroreAnomalia: "Ricerca per codice fiscale: usare l'identificativo unico nazionale (idANPR, servizio C030)", oggettoErroreAnomalia: 'criteriRicerca', campoErroreAnomalia: 'codiceFiscale', valoreErroreAnomalia: codiceFiscale }]
    : undefined;
  return reply.code(200).type('application/json').send({
    idOperazioneANPR: opId(),
    listaSoggetti: { datiSoggetto: datiSoggetto(code, subject, deps.store, r.verifica) },
    ...(listaAnomalie ? { listaAnomalie } : {}),
  });
}

function variazioni(reply: FastifyReply, deps: AnprRouteDeps, body: unknown) {
  const parsed = richiestaVariazioni.safeParse(body);
  if (!parsed.success) return invalid(reply, parsed.error);
  const r = parsed.data;
  if (r.datiRichiesta.casoUso !== 'C001') {
    return ko(reply, 400, [{ codiceErroreAnomalia: 'EN401', tipoErroreAnomalia: 'E', testoErroreAnomalia: 'casoUso deve essere C001', campoErroreAnomalia: 'datiRichiesta.casoUso' }]);
  }
  const after = r.cursore !== undefined ? decodeCursor(r.cursore) : 0;
  if (after === null) return ko(reply, 400, [{ codiceErroreAnomalia: 'EN406', tipoErroreAnomalia: 'E', testoErroreAnomalia: 'cursore non valido', campoErroreAnomalia: 'cursore' }]);
  const page = deps.feed.page({ afterSeq: after, fromDate: r.cursore ? null : (r.dataInizio ?? null), subjects: new Set(r.soggetti.map((s) => s.idANPR.toUpperCase())), limit: r.numeroMassimo });
  return reply.code(200).type('application/json').send({
    idOperazioneANPR: opId(),
    listaVariazioni: page.items.map((e) => ({
      progressivo: e.seq,
      idANPR: e.idANPR,
      codiceFiscale: e.fiscalCode,
      tipoVariazione: TIPO_VARIAZIONE[e.kind],
      dataDecorrenza: e.effectiveDate,
      dataRegistrazione: e.recordedAt,
      datiSoggetto: e.snapshot,
    })),
    cursore: encodeCursor(page.nextSeq),
    altreVariazioni: page.more,
  });
}
