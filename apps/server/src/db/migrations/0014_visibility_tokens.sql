-- Issue 10 (privacy by construction): the scope guard recognises a visibility predicate by the call
-- siso_visible('<token>', <predicate>) that the visibility module wraps around it
-- (access/sql-scope-check.ts). The function returns its second argument: a plain SQL function, not
-- strict, with no volatility of its own, so the planner inlines it and the predicate is planned
-- (indexes, BitmapOr) exactly as if written bare. The first argument is unused by design.
CREATE FUNCTION siso_visible(token text, predicate boolean) RETURNS boolean
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS 'SELECT $2';

-- Second-level units (e.g. Équipe minori, configurable per ente): what they produce inside a shared
-- record is invisible to first-level offices (product brief, module 4; issue 10, point 1).
ALTER TABLE office ADD COLUMN second_level boolean NOT NULL DEFAULT false;
