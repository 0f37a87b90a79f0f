import { sql, type RawBuilder } from 'kysely';
import { SCOPE_MARKER } from '../../access/scope-guard.js';

/**
 * Marks an INSERT into a scope-guarded table whose tenant columns (ambito, ente, office) are the
 * actor's own context: the scope guard lets it through because it cannot reveal anything outside
 * the actor's scope. Reads and updates never use it — they carry `visibleTo`.
 */
export function insertIntoOwnTenant(): RawBuilder<unknown> {
  return sql.raw(SCOPE_MARKER);
}
