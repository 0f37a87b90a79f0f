-- SISO platform foundation: tenancy tree, operators and assignments, profiles, sessions, access grants,
-- audit (append-only, hash-chained per ambito), idempotency keys, outbox, job runs, notifications.
-- Must run unchanged on PostgreSQL 15 and on PGlite (PostgreSQL 18): no PG16+ syntax here.

CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE EXTENSION IF NOT EXISTS unaccent;

-- unaccent() is STABLE; an IMMUTABLE wrapper lets search columns and indexes use it.
CREATE OR REPLACE FUNCTION f_unaccent(text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$ SELECT public.unaccent('public.unaccent'::regdictionary, $1) $$;

-- ---------------------------------------------------------------------------------------------
-- Tenancy tree (product brief, module 1): Regione → Ambito → Ente → Office → Contact point.
-- ---------------------------------------------------------------------------------------------
CREATE TABLE regione (
  id          uuid PRIMARY KEY,
  istat_code  text NOT NULL UNIQUE CHECK (istat_code ~ '^[0-9]{2}$'),
  name        text NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now(),
  updated_at  timestamptz NOT NULL DEFAULT now(),
  version     integer NOT NULL DEFAULT 0
);

CREATE TABLE ambito (
  id          uuid PRIMARY KEY,
  regione_id  uuid NOT NULL REFERENCES regione(id),
  code        text NOT NULL,
  name        text NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now(),
  created_by  uuid,
  updated_at  timestamptz NOT NULL DEFAULT now(),
  updated_by  uuid,
  version     integer NOT NULL DEFAULT 0,
  archived_at timestamptz,
  UNIQUE (regione_id, code)
);

-- An ente belongs to one ambito; the region's own ente (kind 'regione') has none.
CREATE TABLE ente (
  id             uuid PRIMARY KEY,
  regione_id     uuid NOT NULL REFERENCES regione(id),
  ambito_id      uuid REFERENCES ambito(id),
  kind           text NOT NULL CHECK (kind IN ('comune','unione','asl','terzo_settore','regione','altro')),
  name           text NOT NULL,
  fiscal_code    text,
  belfiore_code  text CHECK (belfiore_code IS NULL OR belfiore_code ~ '^[A-Z][0-9]{3}$'),
  istat_code     text,
  is_capofila    boolean NOT NULL DEFAULT false,
  created_at     timestamptz NOT NULL DEFAULT now(),
  created_by     uuid,
  updated_at     timestamptz NOT NULL DEFAULT now(),
  updated_by     uuid,
  version        integer NOT NULL DEFAULT 0,
  archived_at    timestamptz,
  CHECK ((kind = 'regione') = (ambito_id IS NULL))
);
CREATE INDEX ente_ambito_idx ON ente (ambito_id);
-- One capofila per ambito.
CREATE UNIQUE INDEX ente_capofila_uniq ON ente (ambito_id) WHERE is_capofila;

CREATE TABLE office (
  id          uuid PRIMARY KEY,
  ambito_id   uuid REFERENCES ambito(id),
  ente_id     uuid NOT NULL REFERENCES ente(id),
  type        text NOT NULL CHECK (type IN ('sportello_accoglienza','sportello_stranieri','sportello_tematico',
                'servizio_sociale_professionale','servizio_secondo_livello','ufficio_amministrativo','terzo_settore')),
  name        text NOT NULL,
  email       text,
  phone       text,
  created_at  timestamptz NOT NULL DEFAULT now(),
  created_by  uuid,
  updated_at  timestamptz NOT NULL DEFAULT now(),
  updated_by  uuid,
  version     integer NOT NULL DEFAULT 0,
  archived_at timestamptz
);
CREATE INDEX office_ambito_ente_idx ON office (ambito_id, ente_id);

CREATE TABLE contact_point (
  id          uuid PRIMARY KEY,
  ambito_id   uuid REFERENCES ambito(id),
  ente_id     uuid NOT NULL REFERENCES ente(id),
  office_id   uuid NOT NULL REFERENCES office(id),
  name        text NOT NULL,
  address     text,
  opening_hours text,
  created_at  timestamptz NOT NULL DEFAULT now(),
  updated_at  timestamptz NOT NULL DEFAULT now(),
  version     integer NOT NULL DEFAULT 0,
  archived_at timestamptz
);
CREATE INDEX contact_point_office_idx ON contact_point (office_id);

-- ---------------------------------------------------------------------------------------------
-- Operators, profiles and validity-dated assignments (operator × office × professional type).
-- ---------------------------------------------------------------------------------------------
CREATE TABLE operator (
  id                   uuid PRIMARY KEY,
  regione_id           uuid NOT NULL REFERENCES regione(id),
  username             text NOT NULL,
  fiscal_code          text,
  given_name           text NOT NULL,
  family_name          text NOT NULL,
  email                text,
  password_hash        text,
  password_changed_at  timestamptz,
  must_change_password boolean NOT NULL DEFAULT false,
  disabled_at          timestamptz,
  last_login_at        timestamptz,
  locale               text NOT NULL DEFAULT 'it' CHECK (locale IN ('it','en')),
  created_at           timestamptz NOT NULL DEFAULT now(),
  created_by           uuid,
  updated_at           timestamptz NOT NULL DEFAULT now(),
  updated_by           uuid,
  version              integer NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX operator_username_uniq ON operator (lower(username));
CREATE UNIQUE INDEX operator_fiscal_code_uniq ON operator (fiscal_code) WHERE fiscal_code IS NOT NULL;

-- A profile is a permission set + a data scope + a field policy (architecture: scope, grants, masking).
CREATE TABLE profile (
  id               uuid PRIMARY KEY,
  regione_id       uuid NOT NULL REFERENCES regione(id),
  ambito_id        uuid REFERENCES ambito(id),
  code             text NOT NULL,
  name             text NOT NULL,
  permissions      text[] NOT NULL DEFAULT '{}',
  scope            text NOT NULL CHECK (scope IN ('own','office','ente','ambito','region_aggregate','installation')),
  readable_classes text[] NOT NULL DEFAULT '{public}',
  writable_classes text[] NOT NULL DEFAULT '{}',
  requires_totp    boolean NOT NULL DEFAULT false,
  created_at       timestamptz NOT NULL DEFAULT now(),
  updated_at       timestamptz NOT NULL DEFAULT now(),
  version          integer NOT NULL DEFAULT 0,
  archived_at      timestamptz
);
CREATE UNIQUE INDEX profile_code_uniq ON profile (regione_id, COALESCE(ambito_id, '00000000-0000-0000-0000-000000000000'::uuid), code);

CREATE TABLE assignment (
  id                uuid PRIMARY KEY,
  operator_id       uuid NOT NULL REFERENCES operator(id),
  ambito_id         uuid REFERENCES ambito(id),
  ente_id           uuid NOT NULL REFERENCES ente(id),
  office_id         uuid NOT NULL REFERENCES office(id),
  professional_type text NOT NULL,
  valid_from        date NOT NULL,
  valid_to          date,
  created_at        timestamptz NOT NULL DEFAULT now(),
  created_by        uuid,
  updated_at        timestamptz NOT NULL DEFAULT now(),
  updated_by        uuid,
  version           integer NOT NULL DEFAULT 0,
  CHECK (valid_to IS NULL OR valid_to >= valid_from)
);
CREATE INDEX assignment_operator_idx ON assignment (operator_id, valid_from);
CREATE INDEX assignment_office_idx ON assignment (office_id);

CREATE TABLE assignment_profile (
  assignment_id uuid NOT NULL REFERENCES assignment(id) ON DELETE CASCADE,
  profile_id    uuid NOT NULL REFERENCES profile(id),
  PRIMARY KEY (assignment_id, profile_id)
);

-- ---------------------------------------------------------------------------------------------
-- Sessions (architecture: session contract). The cookie carries a random token; only its SHA-256
-- is stored, so a copy of the table does not yield usable sessions.
-- ---------------------------------------------------------------------------------------------
CREATE TABLE session (
  token_hash     text PRIMARY KEY,
  operator_id    uuid NOT NULL REFERENCES operator(id),
  assignment_id  uuid REFERENCES assignment(id),
  csrf_token     text NOT NULL,
  status         text NOT NULL DEFAULT 'active' CHECK (status IN ('active','totp_required','password_change_required')),
  created_at     timestamptz NOT NULL DEFAULT now(),
  last_seen_at   timestamptz NOT NULL DEFAULT now(),
  expires_at     timestamptz NOT NULL,
  revoked_at     timestamptz,
  ip             text,
  user_agent     text
);
CREATE INDEX session_operator_idx ON session (operator_id) WHERE revoked_at IS NULL;

-- ---------------------------------------------------------------------------------------------
-- Access grants: the one mechanism for sharing, teams, referrals, second-level units and
-- third-sector providers (architecture: "Visible = profile scope OR an active access grant").
-- ---------------------------------------------------------------------------------------------
CREATE TABLE access_grant (
  id                   uuid PRIMARY KEY,
  ambito_id            uuid NOT NULL REFERENCES ambito(id),
  ente_id              uuid NOT NULL REFERENCES ente(id),
  record_kind          text NOT NULL,
  record_id            uuid NOT NULL,
  subject_kind         text NOT NULL CHECK (subject_kind IN ('operator','office','ente')),
  subject_id           uuid NOT NULL,
  purpose              text NOT NULL,
  valid_from           date NOT NULL,
  valid_to             date,
  hide_info_from_office uuid REFERENCES office(id),
  granted_by           uuid REFERENCES operator(id),
  created_at           timestamptz NOT NULL DEFAULT now(),
  revoked_at           timestamptz,
  revoked_by           uuid REFERENCES operator(id),
  CHECK (valid_to IS NULL OR valid_to >= valid_from)
);
CREATE INDEX access_grant_ambito_idx ON access_grant (ambito_id, ente_id);
CREATE INDEX access_grant_subject_idx ON access_grant (subject_kind, subject_id, record_kind) WHERE revoked_at IS NULL;
CREATE INDEX access_grant_record_idx ON access_grant (record_kind, record_id) WHERE revoked_at IS NULL;

-- ---------------------------------------------------------------------------------------------
-- Audit (architecture: "Audit"). Rows are inserted in the request's transaction with a sequence
-- number; the sealer appends to audit_seal, in its own order, one link per row of each chain
-- (one chain per ambito, 'installation' for the rest). Both tables are append-only.
-- ---------------------------------------------------------------------------------------------
CREATE TABLE audit_event (
  seq             bigserial PRIMARY KEY,
  chain_key       text NOT NULL,
  occurred_at     timestamptz NOT NULL DEFAULT now(),
  action          text NOT NULL,
  outcome         text NOT NULL CHECK (outcome IN ('ok','denied','failed')),
  error_code      text,
  operator_id     uuid,
  ambito_id       uuid,
  ente_id         uuid,
  office_id       uuid,
  profiles        text[] NOT NULL DEFAULT '{}',
  request_id      text,
  client_ip       text,
  subject_people  uuid[] NOT NULL DEFAULT '{}',
  targets         jsonb NOT NULL DEFAULT '[]',
  classes_read    text[] NOT NULL DEFAULT '{}',
  classes_changed text[] NOT NULL DEFAULT '{}',
  purpose         text,
  details         jsonb NOT NULL DEFAULT '{}'
);
CREATE INDEX audit_event_chain_idx ON audit_event (chain_key, seq);
CREATE INDEX audit_event_operator_idx ON audit_event (operator_id, occurred_at);
CREATE INDEX audit_event_subjects_idx ON audit_event USING gin (subject_people);
CREATE INDEX audit_event_time_idx ON audit_event (occurred_at);

CREATE TABLE audit_seal (
  seq        bigint PRIMARY KEY REFERENCES audit_event(seq),
  chain_key  text NOT NULL,
  chain_pos  bigint NOT NULL,
  prev_hash  text NOT NULL,
  hash       text NOT NULL,
  sealed_at  timestamptz NOT NULL DEFAULT now(),
  UNIQUE (chain_key, chain_pos)
);

-- Append-only by construction: no UPDATE or DELETE on audit rows, on either backend
-- (architecture: "The application's database role cannot UPDATE or DELETE audit rows").
-- Retention pruning behind a signed checkpoint arrives with the access issue.
CREATE OR REPLACE FUNCTION audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit rows are append-only (% on %)', TG_OP, TG_TABLE_NAME
    USING ERRCODE = 'insufficient_privilege';
END $$;
CREATE TRIGGER audit_event_append_only BEFORE UPDATE OR DELETE ON audit_event
  FOR EACH ROW EXECUTE FUNCTION audit_append_only();
CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON audit_event
  FOR EACH STATEMENT EXECUTE FUNCTION audit_append_only();
CREATE TRIGGER audit_seal_append_only BEFORE UPDATE OR DELETE ON audit_seal
  FOR EACH ROW EXECUTE FUNCTION audit_append_only();
CREATE TRIGGER audit_seal_no_truncate BEFORE TRUNCATE ON audit_seal
  FOR EACH STATEMENT EXECUTE FUNCTION audit_append_only();

-- ---------------------------------------------------------------------------------------------
-- Idempotency keys (wire contract: a replay within 24 h returns the stored response).
-- ---------------------------------------------------------------------------------------------
CREATE TABLE idempotency_key (
  operator_id   uuid NOT NULL,
  key           text NOT NULL,
  action        text NOT NULL,
  request_hash  text NOT NULL,
  status_code   integer NOT NULL,
  response      jsonb NOT NULL,
  created_at    timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (operator_id, key)
);
CREATE INDEX idempotency_key_created_idx ON idempotency_key (created_at);

-- ---------------------------------------------------------------------------------------------
-- Outbox: work to do after commit (jobs to enqueue), written in the same transaction as the change.
-- ---------------------------------------------------------------------------------------------
CREATE TABLE outbox (
  id            bigserial PRIMARY KEY,
  kind          text NOT NULL CHECK (kind IN ('job')),
  name          text NOT NULL,
  payload       jsonb NOT NULL DEFAULT '{}',
  created_at    timestamptz NOT NULL DEFAULT now(),
  dispatched_at timestamptz,
  attempts      integer NOT NULL DEFAULT 0,
  last_error    text
);
CREATE INDEX outbox_pending_idx ON outbox (id) WHERE dispatched_at IS NULL;

-- ---------------------------------------------------------------------------------------------
-- Job run history (one row per execution of a job, across retries: attempt counts them).
-- ---------------------------------------------------------------------------------------------
CREATE TABLE job_run (
  id             uuid PRIMARY KEY,
  job_name       text NOT NULL,
  job_version    integer NOT NULL,
  boss_job_id    uuid UNIQUE,
  trigger        text NOT NULL CHECK (trigger IN ('schedule','manual','event')),
  status         text NOT NULL CHECK (status IN ('queued','running','succeeded','failed','retrying','cancelled')),
  attempt        integer NOT NULL DEFAULT 0,
  requested_by   uuid REFERENCES operator(id),
  requested_ente_id uuid REFERENCES ente(id),
  payload        jsonb NOT NULL DEFAULT '{}',
  queued_at      timestamptz NOT NULL DEFAULT now(),
  started_at     timestamptz,
  finished_at    timestamptz,
  duration_ms    integer,
  progress_done  integer NOT NULL DEFAULT 0,
  progress_total integer,
  progress_message text,
  error          text,
  result         jsonb
);
CREATE INDEX job_run_queued_idx ON job_run (queued_at DESC, id DESC);
CREATE INDEX job_run_name_idx ON job_run (job_name, queued_at DESC);

-- ---------------------------------------------------------------------------------------------
-- Notifications: in-app alerts (to an operator, an office or an ente) and the e-mail outbox.
-- ---------------------------------------------------------------------------------------------
CREATE TABLE alert (
  id              uuid PRIMARY KEY,
  ambito_id       uuid REFERENCES ambito(id),
  ente_id         uuid NOT NULL REFERENCES ente(id),
  type            text NOT NULL,
  recipient_kind  text NOT NULL CHECK (recipient_kind IN ('operator','office','ente')),
  recipient_id    uuid NOT NULL,
  title           text NOT NULL,
  body            text NOT NULL DEFAULT '',
  link_kind       text,
  link_id         text,
  created_at      timestamptz NOT NULL DEFAULT now(),
  expires_at      timestamptz
);
CREATE INDEX alert_recipient_idx ON alert (recipient_kind, recipient_id, created_at DESC, id DESC);

-- Read state is per operator, so an office-wide alert can be read by each member independently.
CREATE TABLE alert_read (
  alert_id    uuid NOT NULL REFERENCES alert(id) ON DELETE CASCADE,
  operator_id uuid NOT NULL REFERENCES operator(id),
  read_at     timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (operator_id, alert_id)
);

CREATE TABLE email_outbox (
  id           uuid PRIMARY KEY,
  ambito_id    uuid REFERENCES ambito(id),
  to_address   text NOT NULL,
  template     text NOT NULL,
  locale       text NOT NULL DEFAULT 'it',
  subject      text NOT NULL,
  body_text    text NOT NULL,
  body_html    text,
  status       text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending','sent','failed')),
  attempts     integer NOT NULL DEFAULT 0,
  last_error   text,
  message_id   text,
  created_at   timestamptz NOT NULL DEFAULT now(),
  sent_at      timestamptz
);
CREATE INDEX email_outbox_pending_idx ON email_outbox (created_at) WHERE status = 'pending';
