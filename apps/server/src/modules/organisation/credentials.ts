import crypto from 'node:crypto';
import type { ActionContext } from '../../http/action.js';

/**
 * A temporary password: 18 random characters from an unambiguous alphabet (~100 bits), shown once to
 * the administrator; the operator must change it at the first login (must_change_password).
 */
export function temporaryPassword(): string {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789';
  const bytes = crypto.randomBytes(18);
  return [...bytes].map((b) => alphabet[b % alphabet.length]).join('');
}

/** Ends every open session of an operator (password reset, account disabled); evicts the session cache too. */
export async function revokeSessions(ctx: ActionContext, operatorId: string): Promise<number> {
  const open = await ctx.tx.selectFrom('session').select('token_hash').where('operator_id', '=', operatorId).where('revoked_at', 'is', null).execute();
  for (const s of open) await ctx.services.sessions.revoke(ctx.tx, s.token_hash);
  return open.length;
}
