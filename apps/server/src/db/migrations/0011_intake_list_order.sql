-- The desk's lists of schede (intakeRecords.find, desks.home) are ordered by access date, then id, both
-- descending (modules/intake/intake-find.ts). Indexes in exactly that order let PostgreSQL read the
-- first page and stop; with `id` ascending (0009) it read every matching row and sorted them
-- (bench/intake, scale 1: the incomplete list read ~1,400 rows through a bitmap to return 50).
-- Indexes only; must run on PostgreSQL 15 and on PGlite.
DROP INDEX intake_record_office_date_idx;
CREATE INDEX intake_record_office_date_idx ON intake_record (office_id, access_date DESC, id DESC) WHERE deleted_at IS NULL;
DROP INDEX intake_record_office_incomplete_idx;
CREATE INDEX intake_record_office_incomplete_idx ON intake_record (office_id, access_date DESC, id DESC) WHERE deleted_at IS NULL AND status = 'incomplete';
