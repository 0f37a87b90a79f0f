-- Logical deletion of a scheda (siso-original §5.1 step 2: a scheda "eliminata" stays in the database,
-- out of every list, search, count and view). Who deleted it and why, for the DPO and the audit
-- (GDPR art. 5(2) accountability). Must run on PostgreSQL 15 and on PGlite.
ALTER TABLE intake_record ADD COLUMN deleted_by uuid REFERENCES operator(id);
ALTER TABLE intake_record ADD COLUMN deletion_reason text;
ALTER TABLE intake_record ADD CONSTRAINT intake_record_deletion_ck
  CHECK ((deleted_at IS NULL) = (deleted_by IS NULL) AND (deleted_at IS NULL) = (deletion_reason IS NULL));
