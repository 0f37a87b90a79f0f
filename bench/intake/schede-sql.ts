/**
 * The set-based SQL that writes the bench's schede (INSERT … SELECT over generate_series, all inside
 * the database): desks with a weight each, an operator pool per desk, a person of the desk's ente
 * for 90% of the schede (10% anonymous), ~5 years of weekday accesses, realistic sections as jsonb.
 * Codes are those of data/reference/siso (intake_codes.csv, service_catalogue.csv) and the enums of
 * packages/shared/src/contracts/intake-common.ts.
 */

/** Which offices record schede and how many of an ente's schede each records. */
export const RECORDING = [
  ['sportello_accoglienza', 6],
  ['sportello_stranieri', 2],
  ['servizio_sociale_professionale', 1],
  ['sportello_tematico', 1],
] as const;

/** First access date of the generated history: ~5 years back from the run. */
export const HISTORY_DAYS = 5 * 365;

/** One desk per row, repeated by weight (slot 0..S-1); operators are the desk's pool. */
export const CREATE_SLOTS = `
CREATE UNLOGGED TABLE bench_slot AS
SELECT (row_number() OVER (ORDER BY d.office_id, k) - 1)::int AS slot, d.office_id, d.ente_id, d.ambito_id, d.kind, d.ops
  FROM bench_desk d, generate_series(1, d.weight) k`;

/** Each ente's people numbered 1..n, to draw one with an index lookup. */
export const CREATE_ENTE_PEOPLE = `
CREATE UNLOGGED TABLE bench_ente_person AS
SELECT ente_id, row_number() OVER (PARTITION BY ente_id ORDER BY id)::int AS rn, id FROM person;
CREATE INDEX ON bench_ente_person (ente_id, rn);
CREATE UNLOGGED TABLE bench_ente_count AS SELECT ente_id, count(*)::int AS n FROM bench_ente_person GROUP BY ente_id;`;

/** Integers spliced into DDL (CREATE TABLE AS takes no bind parameters). */
const int = (n: number) => {
  if (!Number.isSafeInteger(n) || n < 0) throw new Error(`not a count: ${n}`);
  return String(n);
};

const pick = (values: readonly string[]) => `(ARRAY[${values.map((v) => `'${v.replaceAll("'", "''")}'`).join(',')}])[1 + floor(random() * ${values.length})::int]`;

const NEEDS = ['FIS01', 'FIS02', 'FIS03', 'FIS06', 'SIC01', 'SIC02', 'SIC05', 'SIC07', 'APP01', 'APP02', 'APP04', 'REA02', 'REA03', 'REA04'];
const SERVICES = ['UDC79', 'UDC80', 'UDC81', 'UDC82', 'UDC176', 'UDC177'];
const DESCRIPTIONS = [
  "Chiede informazioni sui contributi per l'affitto",
  'Segnala difficoltà a pagare le utenze dopo la perdita del lavoro',
  "Richiede orientamento per l'assistenza domiciliare alla madre anziana",
  'Chiede supporto per il rinnovo del permesso di soggiorno',
  'Si presenta con la figlia per problemi di inserimento scolastico',
  "Chiede informazioni sull'assegno di inclusione",
];

/**
 * Step 1: n schede into an unlogged staging table (no number yet). `g % S` spreads them over the
 * desks by weight (S slots); the access date falls on a weekday (desks are closed at weekends), today included.
 */
export const generateStage = (n: number, slots: number, first: boolean) => `
${first ? 'CREATE UNLOGGED TABLE bench_stage AS' : 'INSERT INTO bench_stage'}
SELECT y.id, y.office_id, y.ente_id, y.ambito_id, y.kind, y.operator_id,
       LEAST(CASE extract(isodow FROM y.t) WHEN 6 THEN y.t - 1 WHEN 7 THEN y.t + 1 ELSE y.t END, current_date) AS access_date,
       ep.id AS person_id, y.r_status, y.r_outcome, y.r_foreign
  FROM (
    SELECT gen_random_uuid() AS id, s.office_id, s.ente_id, s.ambito_id, s.kind,
           s.ops[1 + floor(random() * array_length(s.ops, 1))::int] AS operator_id,
           current_date - floor(random() * ${HISTORY_DAYS})::int AS t,
           CASE WHEN random() < 0.9 THEN 1 + floor(random() * c.n)::int END AS prn,
           random() AS r_status, random() AS r_outcome, random() AS r_foreign
      FROM generate_series(0, ${int(n)} - 1) g
      JOIN bench_slot s ON s.slot = g % ${int(slots)}
      JOIN bench_ente_count c ON c.ente_id = s.ente_id
  ) y
  LEFT JOIN bench_ente_person ep ON ep.ente_id = y.ente_id AND ep.rn = y.prn`;

/**
 * Step 2: the schede with their numbers (progressive per ente and year, as the desk numbers them),
 * statuses (older than 30 days: 95% complete; recent: 60%), outcomes and sections.
 */
export const INSERT_SCHEDE = `
INSERT INTO intake_record (
  id, ambito_id, ente_id, office_id, created_by, created_at, updated_by, updated_at, version, number, access_date,
  operator_id, access_mode, access_reason, person_id, status, outcome, social_category,
  access, interlocutor, reference_persons, social, foreigner, needs, services, outcome_detail, completed_at, completed_by)
SELECT s.id, s.ambito_id, s.ente_id, s.office_id, s.operator_id, s.created_at, s.operator_id, s.created_at + interval '20 minutes',
       CASE WHEN s.complete THEN 2 ELSE 0 END,
       extract(year FROM s.access_date)::int || '/' || lpad(row_number() OVER (PARTITION BY s.ente_id, extract(year FROM s.access_date) ORDER BY s.access_date, s.id)::text, 6, '0'),
       s.access_date, s.operator_id, s.mode, s.reason, s.person_id,
       CASE WHEN s.complete THEN 'complete' ELSE 'incomplete' END,
       s.outcome, s.category,
       jsonb_build_object('date', s.access_date, 'mode', s.mode, 'reason', s.reason, 'accompanied', random() < 0.2,
         'userPresence', ${pick(['present', 'present', 'present', 'informed'])}, 'description', ${pick(DESCRIPTIONS)}),
       CASE WHEN random() < 0.8 THEN '{"type":"user"}'::jsonb
            ELSE jsonb_build_object('type', ${pick(['relative', 'organisation', 'institution'])}, 'surname', 'Bianchi', 'name', 'Laura',
                                    'relationship', 'figlia', 'phone', '075 855' || lpad(floor(random() * 10000)::text, 4, '0')) END,
       CASE WHEN random() < 0.3 THEN jsonb_build_array(jsonb_build_object('surname', 'Verdi', 'name', 'Paolo', 'relationship', 'fratello', 'mobile', '333 12' || lpad(floor(random() * 100000)::text, 5, '0'), 'problems', false)) END,
       jsonb_build_object('household', 'Nucleo di ' || (1 + floor(random() * 5)::int) || ' persone', 'workCondition', ${pick(['OCD', 'OCA', 'DIS', 'PEN', 'CAS', 'STU'])},
         'education', ${pick(['NES', 'ELE', 'MED', 'QUA', 'DIP', 'LAU'])}, 'housing', ${pick(['PRO', 'AFF', 'ERP', 'COM', 'ACC', 'PRE'])},
         'healthNotes', CASE WHEN random() < 0.3 THEN 'Patologia cronica in trattamento' END, 'incomeNotes', 'ISEE in corso di rilascio'),
       CASE WHEN s.kind = 'sportello_stranieri' OR s.r_foreign < 0.15 THEN
         jsonb_build_object('arrivalYear', 2005 + floor(random() * 20)::int, 'arrivalChannel', ${pick(['regular_entry', 'family_reunification', 'sea', 'land'])},
           'countryOfOrigin', ${pick(['235', '408', '436', '217', '318'])}, 'permitType', ${pick(['LAVORO_SUBORDINATO', 'FAMIGLIA', 'STUDIO', 'RICHIESTA_ASILO', 'PS_UE_LUNGO_PERIODO'])}, 'permitStatus', ${pick(['valid', 'valid', 'expired', 'renewal_pending'])},
           'permitExpiry', s.access_date + (floor(random() * 700)::int - 200), 'languageLevel', ${pick(['none', 'A1', 'A2', 'B1', 'B2'])}, 'unaccompaniedMinor', false) END,
       jsonb_build_object('codes', jsonb_build_array(${pick(NEEDS)}, ${pick(NEEDS)}), 'notes', 'Bisogni rilevati al colloquio'),
       jsonb_build_object('requested', jsonb_build_array(${pick(SERVICES)}),
         'deskInterventions', jsonb_build_array(jsonb_build_object('type', ${pick(['orientation', 'information'])}, 'date', s.access_date))),
       CASE WHEN s.outcome IS NOT NULL THEN jsonb_build_object('type', s.outcome, 'socialCategory', s.category, 'note', 'Esito registrato') END,
       CASE WHEN s.complete THEN s.created_at + interval '1 hour' END,
       CASE WHEN s.complete THEN s.operator_id END
  FROM (
    -- Never later than the load itself (a run before 13:00 would otherwise see today's generated schede as
    -- written after the load, and removeSavedSchede would try to delete them): two hours of margin
    -- for the completion time below.
    SELECT t.*, LEAST((t.access_date + time '09:00' + random() * interval '4 hours')::timestamptz, now() - interval '2 hours') AS created_at,
           ${pick(['in_person', 'in_person', 'in_person', 'in_person', 'email', 'phone_referral', 'home_visit', 'written_referral', 'other_remote'])} AS mode,
           ${pick(['spontaneous', 'spontaneous', 'spontaneous', 'sent_by', 'summoned', 'decree'])} AS reason,
           t.r_status < CASE WHEN t.access_date < current_date - 30 THEN 0.95 ELSE 0.6 END AS complete,
           CASE WHEN t.r_outcome < 0.4 THEN 'information' WHEN t.r_outcome < 0.7 THEN 'oriented' WHEN t.r_outcome < 0.8 THEN 'sent' ELSE 'take_charge_proposal' END AS outcome,
           ${pick(['famiglia_minori', 'disabili', 'adulti', 'anziani', 'poverta', 'immigrati'])} AS category
      FROM bench_stage t
  ) s`;

/** The per-ente, per-year counters the desk continues from. */
export const INSERT_COUNTERS = `
INSERT INTO intake_counter (ente_id, year, last)
SELECT ente_id, split_part(number, '/', 1)::int, max(split_part(number, '/', 2)::int) FROM intake_record GROUP BY 1, 2`;

/**
 * Proposals to take charge for the completed schede with that outcome: older than 60 days decided
 * (70% accepted, 30% rejected with a note), recent ones proposed or seen.
 */
export const INSERT_PROPOSALS = `
INSERT INTO take_charge_proposal (id, intake_id, person_id, ambito_id, source_ente_id, source_office_id, dest_ente_id, social_category, status, created_at, seen_at, decided_at, note)
SELECT gen_random_uuid(), r.id, r.person_id, r.ambito_id, r.ente_id, r.office_id, r.ente_id, r.social_category, p.status, r.completed_at,
       CASE WHEN p.status <> 'proposed' THEN r.completed_at + interval '2 days' END,
       CASE WHEN p.status IN ('accepted', 'rejected') THEN r.completed_at + interval '10 days' END,
       CASE WHEN p.status = 'rejected' THEN 'Non sussistono i presupposti per la presa in carico' END
  FROM intake_record r
  CROSS JOIN LATERAL (SELECT CASE WHEN r.access_date < current_date - 60 THEN CASE WHEN random() < 0.7 THEN 'accepted' ELSE 'rejected' END
                                  ELSE CASE WHEN random() < 0.5 THEN 'proposed' ELSE 'seen' END END AS status) p
 WHERE r.status = 'complete' AND r.outcome = 'take_charge_proposal'`;

/**
 * Sends to another desk for the completed schede with outcome "sent" of the last year: to a random
 * sportello of another ente of the same ambito. Pending when sent in the last 30 days; older ones
 * refused (20%) or received. A received send must name the local scheda it became: here the source
 * scheda stands in for it (no list or home query reads through that link).
 */
export const INSERT_TRANSFERS = `
INSERT INTO intake_transfer (id, source_intake_id, source_ambito_id, source_ente_id, source_office_id, dest_ambito_id, dest_ente_id, dest_office_id,
                             snapshot, source_person_id, message, sent_by, sent_at, status, received_intake_id, decided_by, decided_at, refusal_reason)
SELECT gen_random_uuid(), r.id, r.ambito_id, r.ente_id, r.office_id, d.ambito_id, d.ente_id, d.office_id,
       -- The wire snapshot (contracts/intake.ts transferSnapshot) as modules/intake/transfers/transfer-snapshot.ts stores it.
       jsonb_build_object('number', r.number, 'accessDate', r.access_date, 'accessMode', r.access_mode, 'accessReason', r.access_reason,
                          'interlocutorType', r.interlocutor->>'type', 'description', r.access->>'description',
                          'operatorName', op.given_name || ' ' || op.family_name, 'operatorEmail', op.email, 'officePhone', so.phone,
                          'userSurname', p.surname, 'userName', p.name, 'userFiscalCode', p.fiscal_code, 'userBirthDate', p.birth_date,
                          'outcome', r.outcome, 'needs', coalesce(r.needs->'codes', '[]'::jsonb), 'requestedServices', coalesce(r.services->'requested', '[]'::jsonb)),
       r.person_id,
       'Si invia per competenza', r.operator_id, r.completed_at, t.status,
       CASE WHEN t.status = 'received' THEN r.id END,
       CASE WHEN t.status <> 'sent' THEN d.ops[1] END,
       CASE WHEN t.status <> 'sent' THEN r.completed_at + interval '3 days' END,
       CASE WHEN t.status = 'refused' THEN 'Non di competenza di questo sportello' END
  FROM intake_record r
  JOIN operator op ON op.id = r.operator_id
  JOIN office so ON so.id = r.office_id
  LEFT JOIN person p ON p.id = r.person_id
  CROSS JOIN LATERAL (SELECT CASE WHEN r.access_date >= current_date - 30 THEN 'sent' WHEN random() < 0.2 THEN 'refused' ELSE 'received' END AS status) t
  -- Correlated on r (the ORDER BY term), so a destination is drawn for every scheda.
  CROSS JOIN LATERAL (
    SELECT b.* FROM bench_desk b WHERE b.ambito_id = r.ambito_id AND b.ente_id <> r.ente_id AND b.kind = 'sportello_accoglienza'
     ORDER BY random() + (r.id IS NULL)::int LIMIT 1) d
 WHERE r.status = 'complete' AND r.outcome = 'sent' AND r.access_date >= current_date - 365`;
