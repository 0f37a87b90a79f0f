-- Intake desk (Sportello di Segretariato Sociale): issue 5, product brief module 3,
-- siso-original §3 (SS_* tables) and §5.1 (intake → case file). One scheda per access; its sections
-- are validated by the zod schemas of @siso/shared (contracts/intake-common.ts) and stored one jsonb
-- column per section, so a section saved incomplete is kept as written and completed later. The
-- columns lists, counters and the scope predicate read are plain columns with their indexes.

-- Service catalogue (issue 5: "create its table here"): seeded from the SIUSS prestazioni codes
-- vendored in data/reference/siuss and the desk services of the original (siso-original §5.1:
-- UdC service requests 79, 80, 81, 82, 176, 177). The interventions issue adds levels and tariffs.
CREATE TABLE service_catalogue (
  code        text PRIMARY KEY CHECK (code ~ '^[A-Za-z0-9._-]{1,32}$'),
  label       text NOT NULL,
  siuss_code  text,
  user_area   text,
  desk_service boolean NOT NULL DEFAULT false,
  enabled     boolean NOT NULL DEFAULT true,
  sort        integer NOT NULL DEFAULT 0,
  created_at  timestamptz NOT NULL DEFAULT now(),
  updated_at  timestamptz NOT NULL DEFAULT now(),
  version     integer NOT NULL DEFAULT 0
);

-- Desk configuration (issue 5, point 6), one row per desk (office). Without a row a desk behaves as
-- a general desk with the default mandatory sections.
CREATE TABLE desk_config (
  office_id          uuid PRIMARY KEY REFERENCES office(id),
  ambito_id          uuid REFERENCES ambito(id),
  ente_id            uuid NOT NULL REFERENCES ente(id),
  desk_kind          text NOT NULL CHECK (desk_kind IN ('general','foreigners','centralised','thematic')),
  thematic_code      text,
  mandatory_sections text[] NOT NULL DEFAULT '{access,interlocutor,user,outcome}',
  -- Operators holding one of these profiles cannot open the desk nor read its notes (siso-original §10.3.1).
  excluded_profiles  text[] NOT NULL DEFAULT '{}',
  -- Masking profile: classes this desk may read at most (NULL = the office type's policy).
  readable_classes   text[],
  -- Where proposals to take charge go: the competent ente or the ambito's capofila (smartwelfare.udc.gestionePicCapofila).
  proposal_target    text NOT NULL DEFAULT 'ente' CHECK (proposal_target IN ('ente','capofila')),
  -- Privacy notice recorded per desk instead of per ente (issue 5, point 3: "and per desk where configured").
  privacy_per_desk   boolean NOT NULL DEFAULT false,
  email_subject      text,
  email_body         text,
  -- Third-sector offices that record schede for this desk (access points).
  access_points      uuid[] NOT NULL DEFAULT '{}',
  updated_at         timestamptz NOT NULL DEFAULT now(),
  updated_by         uuid REFERENCES operator(id),
  version            integer NOT NULL DEFAULT 0,
  CHECK ((desk_kind = 'thematic') = (thematic_code IS NOT NULL))
);
CREATE INDEX desk_config_ambito_idx ON desk_config (ambito_id);

-- Progressive number of a scheda per ente and year ("identificativo").
CREATE TABLE intake_counter (
  ente_id  uuid NOT NULL REFERENCES ente(id),
  year     integer NOT NULL,
  last     integer NOT NULL,
  PRIMARY KEY (ente_id, year)
);

CREATE TABLE intake_record (
  id               uuid PRIMARY KEY,
  ambito_id        uuid NOT NULL REFERENCES ambito(id),
  ente_id          uuid NOT NULL REFERENCES ente(id),
  office_id        uuid NOT NULL REFERENCES office(id),
  created_by       uuid NOT NULL REFERENCES operator(id),
  created_at       timestamptz NOT NULL DEFAULT now(),
  updated_by       uuid REFERENCES operator(id),
  updated_at       timestamptz NOT NULL DEFAULT now(),
  version          integer NOT NULL DEFAULT 0,
  number           text NOT NULL,
  access_date      date NOT NULL,
  contact_point_id uuid REFERENCES contact_point(id),
  operator_id      uuid NOT NULL REFERENCES operator(id),
  access_mode      text,
  access_reason    text,
  person_id        uuid REFERENCES person(id),
  status           text NOT NULL DEFAULT 'incomplete' CHECK (status IN ('incomplete','complete')),
  outcome          text,
  social_category  text,
  -- Sections (zod-validated in @siso/shared): NULL until first saved.
  access           jsonb,
  interlocutor     jsonb,
  reference_persons jsonb,
  social           jsonb,
  foreigner        jsonb,
  needs            jsonb,
  services         jsonb,
  outcome_detail   jsonb,
  custom           jsonb NOT NULL DEFAULT '{}'::jsonb,
  -- A scheda accepted from another desk: the transfer it came from (siso-original SS_SCHEDA_ACCESSO_INVIANTE).
  received_from    uuid,
  completed_at     timestamptz,
  completed_by     uuid REFERENCES operator(id),
  deleted_at       timestamptz
);
CREATE UNIQUE INDEX intake_record_number_uq ON intake_record (ente_id, number);
-- The desk's list for a period and the desk home (today's, incomplete).
CREATE INDEX intake_record_office_date_idx ON intake_record (office_id, access_date DESC, id) WHERE deleted_at IS NULL;
CREATE INDEX intake_record_office_incomplete_idx ON intake_record (office_id, access_date DESC) WHERE deleted_at IS NULL AND status = 'incomplete';
CREATE INDEX intake_record_ente_date_idx ON intake_record (ente_id, access_date DESC, id) WHERE deleted_at IS NULL;
CREATE INDEX intake_record_created_by_idx ON intake_record (created_by, access_date DESC);
CREATE INDEX intake_record_person_idx ON intake_record (person_id) WHERE person_id IS NOT NULL;

-- Diary (SS_DIARIO): public or private notes. A private note is readable only by its author, the
-- scheda's creator, the desk's manager and holders of the 'reserved' class (siso-original §10.3.2).
CREATE TABLE intake_note (
  id          uuid PRIMARY KEY,
  intake_id   uuid NOT NULL REFERENCES intake_record(id),
  ambito_id   uuid NOT NULL REFERENCES ambito(id),
  ente_id     uuid NOT NULL REFERENCES ente(id),
  office_id   uuid NOT NULL REFERENCES office(id),
  author_id   uuid NOT NULL REFERENCES operator(id),
  written_at  timestamptz NOT NULL DEFAULT now(),
  private     boolean NOT NULL DEFAULT false,
  text        text NOT NULL CHECK (length(text) BETWEEN 1 AND 10000)
);
CREATE INDEX intake_note_intake_idx ON intake_note (intake_id, written_at);

-- Service requests of a scheda (issue 5, point 2: any number, each with its status and attachments).
CREATE TABLE service_request (
  id             uuid PRIMARY KEY,
  intake_id      uuid NOT NULL REFERENCES intake_record(id),
  ambito_id      uuid NOT NULL REFERENCES ambito(id),
  ente_id        uuid NOT NULL REFERENCES ente(id),
  office_id      uuid NOT NULL REFERENCES office(id),
  created_by     uuid NOT NULL REFERENCES operator(id),
  created_at     timestamptz NOT NULL DEFAULT now(),
  updated_by     uuid REFERENCES operator(id),
  updated_at     timestamptz NOT NULL DEFAULT now(),
  version        integer NOT NULL DEFAULT 0,
  service_code   text NOT NULL REFERENCES service_catalogue(code),
  status         text NOT NULL DEFAULT 'open' CHECK (status IN ('open','in_progress','done','rejected')),
  minutes_worked integer NOT NULL DEFAULT 0 CHECK (minutes_worked BETWEEN 0 AND 100000),
  notes          text
);
CREATE INDEX service_request_intake_idx ON service_request (intake_id);

-- Attachments of service requests and signed privacy forms: bytes in the database or in a
-- configured directory (SISO_ATTACHMENT_DIR), SHA-256 kept either way.
CREATE TABLE attachment (
  id          uuid PRIMARY KEY,
  ambito_id   uuid NOT NULL REFERENCES ambito(id),
  ente_id     uuid NOT NULL REFERENCES ente(id),
  office_id   uuid NOT NULL REFERENCES office(id),
  owner_kind  text NOT NULL CHECK (owner_kind IN ('serviceRequest','privacyNotice')),
  owner_id    uuid NOT NULL,
  filename    text NOT NULL,
  media_type  text NOT NULL CHECK (media_type IN ('application/pdf','image/jpeg','image/png')),
  size_bytes  integer NOT NULL CHECK (size_bytes > 0),
  sha256      text NOT NULL,
  storage     text NOT NULL CHECK (storage IN ('database','directory')),
  content     bytea,
  scan_status text NOT NULL CHECK (scan_status IN ('clean','not_scanned')),
  created_by  uuid NOT NULL REFERENCES operator(id),
  created_at  timestamptz NOT NULL DEFAULT now(),
  deleted_at  timestamptz,
  deleted_by  uuid REFERENCES operator(id),
  CHECK ((storage = 'database') = (content IS NOT NULL))
);
CREATE INDEX attachment_owner_idx ON attachment (owner_kind, owner_id);

-- Privacy (issue 5, point 3). Processing rests on law and public interest (GDPR art. 6(1)(e),
-- 9(2)(b)(g)(h); Codice privacy art. 2-sexies), not on consent: what is recorded is that the notice
-- (informativa, GDPR art. 13-14) was given, per person × ente (× desk where configured), and the
-- optional consents the region configures, each given or refused and withdrawable (GDPR art. 7(3)).
CREATE TABLE privacy_notice (
  id             uuid PRIMARY KEY,
  person_id      uuid NOT NULL REFERENCES person(id),
  ambito_id      uuid NOT NULL REFERENCES ambito(id),
  ente_id        uuid NOT NULL REFERENCES ente(id),
  office_id      uuid NOT NULL REFERENCES office(id),
  desk_office_id uuid REFERENCES office(id),
  given_on       date NOT NULL,
  mode           text NOT NULL CHECK (mode IN ('in_person','email','post','home_visit','other')),
  -- Who signed: the person, or a parent, tutore, amministratore di sostegno, curatore (c.c. art. 316, 357, 404, 424).
  signer_kind    text NOT NULL CHECK (signer_kind IN ('self','parent','tutore','amministratore_sostegno','curatore')),
  representative jsonb,
  document_id    uuid REFERENCES attachment(id),
  intake_id      uuid REFERENCES intake_record(id),
  created_by     uuid NOT NULL REFERENCES operator(id),
  created_at     timestamptz NOT NULL DEFAULT now(),
  CHECK ((signer_kind = 'self') = (representative IS NULL))
);
CREATE INDEX privacy_notice_person_idx ON privacy_notice (person_id, ente_id, given_on DESC);

CREATE TABLE consent (
  id             uuid PRIMARY KEY,
  person_id      uuid NOT NULL REFERENCES person(id),
  ambito_id      uuid NOT NULL REFERENCES ambito(id),
  ente_id        uuid NOT NULL REFERENCES ente(id),
  office_id      uuid NOT NULL REFERENCES office(id),
  consent_type   text NOT NULL,
  given          boolean NOT NULL,
  given_on       date NOT NULL,
  signer_kind    text NOT NULL CHECK (signer_kind IN ('self','parent','tutore','amministratore_sostegno','curatore')),
  representative jsonb,
  notice_id      uuid REFERENCES privacy_notice(id),
  created_by     uuid NOT NULL REFERENCES operator(id),
  created_at     timestamptz NOT NULL DEFAULT now(),
  withdrawn_at   timestamptz,
  withdrawn_by   uuid REFERENCES operator(id),
  withdraw_reason text
);
-- One consent in force per person × ente × type: a new choice withdraws the previous one.
CREATE UNIQUE INDEX consent_in_force_uq ON consent (person_id, ente_id, consent_type) WHERE withdrawn_at IS NULL;

-- Sending a scheda to another desk (issue 5, point 4; siso-original AR_BUFFER_SS_INVIO): the
-- destination reads the snapshot taken when it was sent, never the live source record.
CREATE TABLE intake_transfer (
  id                  uuid PRIMARY KEY,
  source_intake_id    uuid NOT NULL REFERENCES intake_record(id),
  source_ambito_id    uuid NOT NULL REFERENCES ambito(id),
  source_ente_id      uuid NOT NULL REFERENCES ente(id),
  source_office_id    uuid NOT NULL REFERENCES office(id),
  dest_ambito_id      uuid REFERENCES ambito(id),
  dest_ente_id        uuid NOT NULL REFERENCES ente(id),
  dest_office_id      uuid NOT NULL REFERENCES office(id),
  snapshot            jsonb NOT NULL,
  message             text,
  email_to            text,
  sent_by             uuid NOT NULL REFERENCES operator(id),
  sent_at             timestamptz NOT NULL DEFAULT now(),
  status              text NOT NULL DEFAULT 'sent' CHECK (status IN ('sent','received','refused')),
  received_intake_id  uuid REFERENCES intake_record(id),
  decided_by          uuid REFERENCES operator(id),
  decided_at          timestamptz,
  refusal_reason      text,
  version             integer NOT NULL DEFAULT 0,
  CHECK ((status = 'received') = (received_intake_id IS NOT NULL)),
  CHECK (status <> 'refused' OR refusal_reason IS NOT NULL)
);
-- One pending send of a scheda to a desk at a time.
CREATE UNIQUE INDEX intake_transfer_pending_uq ON intake_transfer (source_intake_id, dest_office_id) WHERE status = 'sent';
CREATE INDEX intake_transfer_dest_idx ON intake_transfer (dest_office_id, status, sent_at DESC);
CREATE INDEX intake_transfer_source_idx ON intake_transfer (source_office_id, sent_at DESC);
ALTER TABLE intake_record ADD CONSTRAINT intake_record_received_from_fk FOREIGN KEY (received_from) REFERENCES intake_transfer(id);
-- A transfer is received once only (issue 5, point 4).
CREATE UNIQUE INDEX intake_record_received_from_uq ON intake_record (received_from) WHERE received_from IS NOT NULL;

-- Proposal to take charge (issue 5, point 5; siso-original CS_SS_SCHEDA_SEGR: CREATA → VISTA / RESPINTA).
CREATE TABLE take_charge_proposal (
  id               uuid PRIMARY KEY,
  intake_id        uuid NOT NULL REFERENCES intake_record(id),
  person_id        uuid REFERENCES person(id),
  ambito_id        uuid NOT NULL REFERENCES ambito(id),
  source_ente_id   uuid NOT NULL REFERENCES ente(id),
  source_office_id uuid NOT NULL REFERENCES office(id),
  dest_ente_id     uuid NOT NULL REFERENCES ente(id),
  social_category  text NOT NULL,
  status           text NOT NULL DEFAULT 'proposed' CHECK (status IN ('proposed','seen','accepted','rejected')),
  created_at       timestamptz NOT NULL DEFAULT now(),
  seen_at          timestamptz,
  seen_by          uuid REFERENCES operator(id),
  decided_at       timestamptz,
  decided_by       uuid REFERENCES operator(id),
  note             text,
  version          integer NOT NULL DEFAULT 0,
  CHECK (status <> 'rejected' OR note IS NOT NULL)
);
-- One open proposal per scheda.
CREATE UNIQUE INDEX take_charge_proposal_open_uq ON take_charge_proposal (intake_id) WHERE status IN ('proposed','seen');
CREATE INDEX take_charge_proposal_dest_idx ON take_charge_proposal (dest_ente_id, status, created_at DESC);
CREATE INDEX take_charge_proposal_person_idx ON take_charge_proposal (person_id);
