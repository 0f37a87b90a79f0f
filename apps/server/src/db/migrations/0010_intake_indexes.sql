-- Intake desk at volume (issue 5, "Benchmark"; bench/intake: 1M people, 2M schede, ~380k proposals to
-- take charge). Indexes only; must run on PostgreSQL 15 and on PGlite.

-- The latest proposal of each scheda: intakeRecords.find and desks.home read it for every listed
-- scheda (intake_id = ANY(page), newest first), intakeRecords.get/create for the scheda shown. The only
-- index on intake_id was the partial one of open proposals, so every list scanned all the proposals of
-- the region (378,244 rows, 100-200 ms per list at scale 1).
CREATE INDEX take_charge_proposal_intake_idx ON take_charge_proposal (intake_id, created_at DESC);

-- The desk counters (desks.home, desks.counters): proposals made from one desk in a period. Without it,
-- another scan of every proposal of the region per home.
CREATE INDEX take_charge_proposal_source_idx ON take_charge_proposal (source_office_id, created_at);

-- The sends of a scheda and the send it came from (loadTransfersOf: source_intake_id = $id OR
-- received_intake_id = $id), read by every intakeRecords.get/create/update view. The only index on
-- source_intake_id was the partial one of pending sends, so each view scanned every send of the region.
CREATE INDEX intake_transfer_source_intake_idx ON intake_transfer (source_intake_id);
CREATE INDEX intake_transfer_received_intake_idx ON intake_transfer (received_intake_id) WHERE received_intake_id IS NOT NULL;
