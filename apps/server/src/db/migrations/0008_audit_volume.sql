-- Audit log at volume (architecture, "Audit"; bench/access, phase "volume": the log pre-filled with 2
-- million rows, production keeps ≥ 24 months, tens of millions). Must run on PostgreSQL 15 and on
-- PGlite (PostgreSQL 18). The append-only triggers and privileges of 0001/0004 are untouched.
--
-- Indexes of audit_event after this migration, and the query each one serves:
--   audit_event_pkey          (seq)                 sealer (pending rows, index-only), seal FK, joins
--   audit_event_chain_idx     (chain_key, seq)      audit.find/export: one chain, newest first (keyset on seq)
--   audit_event_operator_idx  (operator_id, seq)    operator filter, newest first           (changed here)
--   audit_event_subjects_idx  GIN (subject_people)  person filter: "who read my file"
--   audit_event_targets_idx   GIN (targets jsonb_path_ops)  record filter
--   audit_event_time_idx      (occurred_at)         period filter; prune cut-off
--   audit_event_break_glass_idx (chain_key, seq) WHERE action = 'breakGlass.open'    (new here)
-- Kept as btree: a BRIN on occurred_at made the planner give up the period filter (one day of June at
-- 2 million rows: 1.3 ms with the btree, 840 ms with BRIN, a backward scan of the whole table), and
-- after each retention prune new rows refill the freed pages, which would widen every BRIN range.

-- The operator filter of audit.find/export reads one operator's rows newest first by seq, paginated on
-- seq: (operator_id, seq) answers it in index order (51 rows read), where (operator_id, occurred_at)
-- had to fetch and sort every row of the operator. No audit query reads an operator's rows by time.
DROP INDEX audit_event_operator_idx;
CREATE INDEX audit_event_operator_idx ON audit_event (operator_id, seq);

-- The DPO's break-the-glass tab (audit.find with action = 'breakGlass.open', architecture: "Access
-- control") looks for the rarest action of the log: without an index, a scan of the whole table (280 ms
-- at 2 million rows, growing with the log). Partial: only those rows are indexed, so every other
-- insert pays nothing for it.
CREATE INDEX audit_event_break_glass_idx ON audit_event (chain_key, seq) WHERE action = 'breakGlass.open';

-- Insert-driven autovacuum by row count instead of 20% of the table (PostgreSQL's default, i.e. every
-- 6 million rows at 30 million): keeps the visibility map current, so the sealer's full pass (the
-- audit.seal job, audit.verify) finds pending rows on the two primary keys alone, without a heap fetch
-- per recent row; autovacuum also merges the GIN pending lists where the application's role cannot.
ALTER TABLE audit_event SET (autovacuum_vacuum_insert_threshold = 100000, autovacuum_vacuum_insert_scale_factor = 0);
ALTER TABLE audit_seal SET (autovacuum_vacuum_insert_threshold = 100000, autovacuum_vacuum_insert_scale_factor = 0);
