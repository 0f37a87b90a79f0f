-- A proposal to take charge granted the scheda and its person to the whole destination ente, so every
-- office of that ente — a third-sector cooperative or an administrative office too — read the person,
-- the scheda, its PDF, its files and the privacy records. It is addressed to the professional social
-- service: from now on the grants go to each servizio_sociale_professionale office of the destination
-- ente, one per office (modules/intake/proposals/open-proposal.ts), and the ente-wide grants already
-- stored are replaced here the same way (GDPR art. 5(1)(c) data minimisation, art. 25 data protection
-- by default).
--
-- A grant of a proposal is an ente grant with the purpose openProposal wrote, on a scheda or a person,
-- naming the destination ente of a proposal made from that scheda or about that person (a merge moves
-- both the grant and the proposal's person to the survivor, so they still meet). Any other ente grant
-- — one made with grants.create, whatever its purpose — is left as it is.
--
-- Each such grant gives one office grant per live servizio_sociale_professionale office of the ente,
-- with the same granting ente, record, purpose, validity and creator (granted_by, created_at), unless
-- the same office grant is already there; then it is revoked, not deleted: the row keeps the trace of
-- who could read the record until now (GDPR art. 5(2)). revoked_by stays empty: no operator revoked it.
-- One statement: the snapshot the INSERT reads is the one before the UPDATE. Runs on PostgreSQL 15 and
-- on PGlite (gen_random_uuid is in the core since PostgreSQL 13).
WITH replaced AS (
  UPDATE access_grant g
     SET revoked_at = now()
   WHERE g.subject_kind = 'ente'
     AND g.purpose = 'proposta di presa in carico'
     AND g.revoked_at IS NULL
     AND g.record_kind IN ('intakeRecord', 'person')
     AND EXISTS (SELECT 1 FROM take_charge_proposal t
                  WHERE t.dest_ente_id = g.subject_id
                    AND ((g.record_kind = 'intakeRecord' AND t.intake_id = g.record_id)
                      OR (g.record_kind = 'person' AND t.person_id = g.record_id)))
  RETURNING g.*
)
INSERT INTO access_grant (id, ambito_id, ente_id, record_kind, record_id, subject_kind, subject_id, purpose,
                          valid_from, valid_to, hide_info_from_office, granted_by, created_at)
SELECT gen_random_uuid(), r.ambito_id, r.ente_id, r.record_kind, r.record_id, 'office', o.id, r.purpose,
       r.valid_from, r.valid_to, r.hide_info_from_office, r.granted_by, r.created_at
  FROM replaced r
  JOIN office o ON o.ente_id = r.subject_id AND o.type = 'servizio_sociale_professionale' AND o.archived_at IS NULL
 WHERE NOT EXISTS (SELECT 1 FROM access_grant x
                    WHERE x.record_kind = r.record_kind AND x.record_id = r.record_id
                      AND x.subject_kind = 'office' AND x.subject_id = o.id AND x.revoked_at IS NULL
                      AND x.purpose = r.purpose AND x.valid_from = r.valid_from
                      AND x.valid_to IS NOT DISTINCT FROM r.valid_to);
