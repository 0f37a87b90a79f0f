-- A deleted scheda "is gone from every list, search, count and view" (docs/intake.md; siso-original
-- §5.1, state «eliminata»), but its sends and proposals were rows of their own: a refused send stayed
-- in the destination desk's history and counters with the scheda's number and description, a rejected
-- proposal in the professional social service's inbox with the scheda's id, and the alerts about it
-- kept its number in their titles. From now on deleting a scheda logically deletes its sends and
-- proposals with it (same instant; intakeRecords.delete) and removes the alerts that point at it, its
-- sends or its proposals; the rows stay in the database for the DPO and the audit (GDPR art. 5(2)).
-- Schede deleted before this migration are treated the same way here.
ALTER TABLE intake_transfer ADD COLUMN deleted_at timestamptz;
ALTER TABLE take_charge_proposal ADD COLUMN deleted_at timestamptz;

UPDATE intake_transfer t SET deleted_at = r.deleted_at
  FROM intake_record r WHERE r.id = t.source_intake_id AND r.deleted_at IS NOT NULL;
UPDATE take_charge_proposal p SET deleted_at = r.deleted_at
  FROM intake_record r WHERE r.id = p.intake_id AND r.deleted_at IS NOT NULL;

DELETE FROM alert a
 WHERE (a.link_kind = 'intakeRecord' AND a.link_id IN (SELECT r.id::text FROM intake_record r WHERE r.deleted_at IS NOT NULL))
    OR (a.link_kind = 'intakeTransfer' AND a.link_id IN (SELECT t.id::text FROM intake_transfer t WHERE t.deleted_at IS NOT NULL))
    OR (a.link_kind = 'proposal' AND a.link_id IN (SELECT p.id::text FROM take_charge_proposal p WHERE p.deleted_at IS NOT NULL));
