-- Sharing with writing (issue 11, point 1): a grant said only "this subject may read this record"; it
-- now also says whether its holder may write it. The write rule of a record is its write permission's
-- scope OR a grant in force with can_write naming the actor, their office or their ente
-- (access/visibility.ts, writePredicate). Every grant made so far shared for reading only (issue 10,
-- point 5), so the default keeps them so.
ALTER TABLE access_grant ADD COLUMN can_write boolean NOT NULL DEFAULT false;

-- The DPO's list of every share of the ambito, newest first (grants.find without a record).
CREATE INDEX access_grant_ambito_created_idx ON access_grant (ambito_id, created_at DESC, id DESC);
