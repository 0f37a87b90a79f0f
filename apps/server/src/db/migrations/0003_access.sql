-- Access issue: lockout and TOTP on operators, per-operator alert preferences, break-the-glass.
-- (Must run on PostgreSQL 15 and PGlite.)

ALTER TABLE operator
  ADD COLUMN failed_login_count integer NOT NULL DEFAULT 0,
  ADD COLUMN locked_until timestamptz,
  ADD COLUMN totp_secret_enc text,
  ADD COLUMN totp_enabled_at timestamptz,
  ADD COLUMN totp_last_step bigint;

-- Alert preferences: per operator and alert type, in-app and e-mail (access issue, "set alert preferences").
CREATE TABLE alert_preference (
  operator_id uuid NOT NULL REFERENCES operator(id),
  alert_type  text NOT NULL,
  in_app      boolean NOT NULL DEFAULT true,
  email       boolean NOT NULL DEFAULT false,
  updated_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (operator_id, alert_type)
);

-- Break-the-glass (architecture: "a profile may be allowed to open a masked class for one record with
-- a written reason; it is time-limited, audited as such and reported to the DPO").
CREATE TABLE break_glass (
  id           uuid PRIMARY KEY,
  ambito_id    uuid NOT NULL REFERENCES ambito(id),
  ente_id      uuid NOT NULL REFERENCES ente(id),
  operator_id  uuid NOT NULL REFERENCES operator(id),
  office_id    uuid NOT NULL REFERENCES office(id),
  record_kind  text NOT NULL,
  record_id    uuid NOT NULL,
  classes      text[] NOT NULL,
  reason       text NOT NULL CHECK (length(reason) >= 20),
  opened_at    timestamptz NOT NULL DEFAULT now(),
  expires_at   timestamptz NOT NULL,
  CHECK (expires_at > opened_at)
);
CREATE INDEX break_glass_lookup_idx ON break_glass (operator_id, record_kind, record_id, expires_at);
CREATE INDEX break_glass_ambito_idx ON break_glass (ambito_id, opened_at DESC);
