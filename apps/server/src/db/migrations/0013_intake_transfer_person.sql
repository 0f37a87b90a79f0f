-- The person a send is about becomes a column of its own (it was a key inside the snapshot JSON, stripped
-- before the wire): a merge moves it like every other reference to a person (issue 4, point 7), and
-- what points at a person is found by its columns, not by reading JSON. Must run on PostgreSQL 15 and
-- on PGlite.
ALTER TABLE intake_transfer ADD COLUMN source_person_id uuid REFERENCES person(id);
UPDATE intake_transfer SET source_person_id = (snapshot->>'sourcePersonId')::uuid WHERE snapshot->>'sourcePersonId' IS NOT NULL;
UPDATE intake_transfer SET snapshot = snapshot - 'sourcePersonId' WHERE snapshot->'sourcePersonId' IS NOT NULL;
CREATE INDEX intake_transfer_source_person_idx ON intake_transfer (source_person_id) WHERE source_person_id IS NOT NULL;
