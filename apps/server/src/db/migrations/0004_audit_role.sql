-- Access issue, audit part: the application's role cannot alter audit rows; retention pruning only
-- behind a signed checkpoint (architecture, "Audit"; GDPR art. 5(2) accountability and art. 32).
-- Must run on PostgreSQL 15 and on PGlite (PostgreSQL 18).

-- Retention checkpoints: before rows are pruned (kept at least 24 months), the link at `chain_pos` is
-- recorded with its hash and an HMAC-SHA256 signature (key derived from SISO_SECRET_KEY), so the rest of
-- the chain still verifies from it instead of the genesis hash.
CREATE TABLE audit_checkpoint (
  id          bigserial PRIMARY KEY,
  chain_key   text NOT NULL,
  chain_pos   bigint NOT NULL CHECK (chain_pos > 0),
  hash        text NOT NULL,
  rows_pruned bigint NOT NULL CHECK (rows_pruned >= 0),
  signed_at   timestamptz NOT NULL,
  signature   text NOT NULL,
  UNIQUE (chain_key, chain_pos)
);

-- Record filter of the DPO's audit search (targets @> '[{"kind":…,"id":…}]').
CREATE INDEX audit_event_targets_idx ON audit_event USING gin (targets jsonb_path_ops);

-- Pruning deletes events first (their seal still tells which checkpoint covers them), then seals:
-- the foreign key is checked at commit during a prune (SET CONSTRAINTS … DEFERRED), immediately otherwise.
ALTER TABLE audit_seal ALTER CONSTRAINT audit_seal_seq_fkey DEFERRABLE INITIALLY IMMEDIATE;

-- UPDATE and TRUNCATE are always refused. DELETE only inside a prune: the transaction-local setting
-- siso.audit_prune = 'on' (SET LOCAL) AND a signed checkpoint at or after the row's chain position.
-- The setting alone is not enough, so a stray DELETE can never open a hole the chain does not account for.
CREATE OR REPLACE FUNCTION audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' AND coalesce(current_setting('siso.audit_prune', true), '') = 'on' THEN
    IF TG_TABLE_NAME = 'audit_event' AND EXISTS (
         SELECT 1 FROM audit_seal s JOIN audit_checkpoint c ON c.chain_key = s.chain_key AND c.chain_pos >= s.chain_pos
          WHERE s.seq = OLD.seq) THEN
      RETURN OLD;
    END IF;
    IF TG_TABLE_NAME = 'audit_seal' AND EXISTS (
         SELECT 1 FROM audit_checkpoint c WHERE c.chain_key = OLD.chain_key AND c.chain_pos >= OLD.chain_pos) THEN
      RETURN OLD;
    END IF;
  END IF;
  RAISE EXCEPTION 'audit rows are append-only (% on %)', TG_OP, TG_TABLE_NAME
    USING ERRCODE = 'insufficient_privilege';
END $$;

-- Checkpoints themselves are never changed or removed.
CREATE OR REPLACE FUNCTION audit_checkpoint_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit rows are append-only (% on %)', TG_OP, TG_TABLE_NAME
    USING ERRCODE = 'insufficient_privilege';
END $$;
CREATE TRIGGER audit_checkpoint_append_only BEFORE UPDATE OR DELETE ON audit_checkpoint
  FOR EACH ROW EXECUTE FUNCTION audit_checkpoint_append_only();
CREATE TRIGGER audit_checkpoint_no_truncate BEFORE TRUNCATE ON audit_checkpoint
  FOR EACH STATEMENT EXECUTE FUNCTION audit_checkpoint_append_only();

-- Privileges (defence in depth, with the triggers above). Revoked from PUBLIC and from the role that
-- runs the migrations (the owner, and in the default single-role deployment the application's role).
-- Limits, stated honestly: a superuser bypasses privileges, and an owner can grant them back to itself
-- (the prune job does exactly that inside its own transaction) — which is why the triggers stay and the
-- hash chain is verified. The strongest setup runs the application as a role that does not own the
-- tables (docs: deployment); then it can neither alter rows nor re-grant, and pruning is run by the owner.
-- On PGlite the only role is a superuser: the statements are valid and simply change nothing.
REVOKE UPDATE, DELETE, TRUNCATE ON audit_event, audit_seal, audit_checkpoint FROM PUBLIC;
DO $$
BEGIN
  EXECUTE format('REVOKE UPDATE, DELETE, TRUNCATE ON audit_event, audit_seal, audit_checkpoint FROM %I', current_user);
END $$;
