/**
 * `npm run audit:verify`: seals pending audit rows, then verifies every chain (one per ambito plus the
 * installation chain) from its latest signed checkpoint, printing rows checked and the first broken link.
 * Exit code 0 when every chain holds, 2 when one is broken (for monitoring; GDPR art. 32(1)(d)).
 */
import { sql } from 'kysely';
import { loadConfig } from '../config/config.js';
import { openDatabase } from '../db/database.js';
import { sealAudit, verifyChain } from '../audit/audit-sealer.js';
import { checkpointKey } from '../audit/checkpoint-key.js';

const config = loadConfig();
const database = await openDatabase(config);
let broken = 0;
try {
  const sealed = await sealAudit(database.db, 10_000_000, { full: true });
  console.log(`righe sigillate ora: ${sealed}`);
  const key = checkpointKey(config);
  const chains = await sql<{ chain_key: string }>`
    SELECT chain_key FROM audit_seal UNION SELECT chain_key FROM audit_checkpoint ORDER BY 1`.execute(database.db);
  for (const { chain_key } of chains.rows) {
    const v = await verifyChain(database.db, chain_key, key);
    const from = v.checkpoint ? ` (dal checkpoint in posizione ${v.checkpoint.chainPos})` : '';
    if (v.ok) {
      console.log(`catena ${chain_key}: integra, ${v.rows} righe verificate${from}`);
    } else {
      broken += 1;
      const b = v.firstBroken!;
      console.log(`catena ${chain_key}: INTERROTTA in posizione ${b.chainPos} (seq ${b.seq ?? '-'}): ${b.reason}${from}`);
    }
  }
  console.log(broken === 0 ? `${chains.rows.length} catene integre` : `${broken} catene su ${chains.rows.length} interrotte`);
} finally {
  await database.close();
}
process.exit(broken === 0 ? 0 : 2);
