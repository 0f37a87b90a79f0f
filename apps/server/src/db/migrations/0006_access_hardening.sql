-- Access issue, hardening: a login rate limit every instance shares, and the record of which catalogue
-- permissions each built-in region template has been offered (new actions reach existing installations).
-- Must run on PostgreSQL 15 and on PGlite (PostgreSQL 18).

-- Failed logins of the last minute (OWASP ASVS 2.2.1, anti-automation), one row per failure and key: the
-- key is an HMAC of the client IP, or of the IP and the lower-cased username (auth/login-throttle.ts), so
-- no address is stored in clear. Rows older than the window are never read; the failing key's old rows
-- go at every failure and the rest with maintenance.cleanup.
CREATE TABLE login_failure (
  key_hash text NOT NULL,
  at       timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX login_failure_key_idx ON login_failure (key_hash, at DESC);
CREATE INDEX login_failure_at_idx ON login_failure (at);

-- Permissions of the catalogue already offered to a built-in template (access/template-permissions.ts):
-- at start a template receives only the permissions its policy rule lists and it was never offered, so
-- one an administrator removed on purpose stays removed. NULL: not tracked yet (the first start records
-- today's defaults without adding anything).
ALTER TABLE profile ADD COLUMN offered_permissions text[];

-- Templates that exist already were built, and possibly trimmed by an administrator, knowing every action
-- of the catalogue before this migration: those count as offered, so only later actions are added.
UPDATE profile SET offered_permissions = ARRAY[
  'alerts.find', 'alerts.getPreferences', 'alerts.markRead', 'alerts.setPreferences', 'ambiti.upsert',
  'audit.export', 'audit.find', 'audit.verify', 'breakGlass.open', 'contactPoints.upsert', 'entes.upsert',
  'grants.create', 'grants.revoke', 'jobs.find', 'jobs.findRuns', 'jobs.getRun', 'jobs.start',
  'offices.upsert', 'operators.create', 'operators.find', 'operators.get', 'operators.resetPassword',
  'operators.unlock', 'operators.update', 'organisation.tree', 'profiles.find', 'profiles.upsert', 'system.get'
]
 WHERE ambito_id IS NULL
   AND code IN ('amministratore_sistema', 'amministratore_ambito', 'dpo', 'operatore_sportello', 'assistente_sociale',
                'responsabile_settore', 'analista_regionale', 'operatore_terzo_settore');
