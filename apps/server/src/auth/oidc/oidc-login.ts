import { sql } from 'kysely';
import type { AppServices } from '../../app-services.js';
import { writeAudit } from '../../audit/audit-writer.js';
import { withTransaction } from '../../db/transaction.js';
import { listWorkContexts } from '../work-contexts.js';
import { loadAuthState } from '../auth-state.js';

/**
 * Opens a session for the operator whose fiscal code the identity provider asserted, exactly as
 * auth.login does after the password (context chosen at once when there is only one). The provider
 * authenticated the person; TOTP is still asked when a profile requires it, unless the provider is trusted as MFA.
 * Returns the session token, or null for an unknown or disabled operator (audited either way).
 */
export async function oidcLogin(
  services: AppServices,
  fiscalCode: string | null,
  meta: { requestId: string; ip: string; userAgent: string | undefined },
): Promise<string | null> {
  const db = services.database.db;
  return withTransaction(db, async (tx) => {
    const op = fiscalCode
      ? await tx
          .selectFrom('operator')
          .select('id')
          .where(sql<boolean>`upper(fiscal_code) = ${fiscalCode}`)
          .where('disabled_at', 'is', null)
          .executeTakeFirst()
      : undefined;
    if (!op) {
      await writeAudit(tx, {
        action: 'auth.oidcLogin',
        outcome: 'denied',
        errorCode: 'unauthenticated',
        actor: null,
        requestId: meta.requestId,
        clientIp: meta.ip,
        details: { reason: fiscalCode ? 'unknown_fiscal_code' : 'no_fiscal_code_claim' },
      });
      return null;
    }
    // Unless the provider is declared multi-factor (SPID/CIE level 2+: SISO_OIDC_MFA_TRUSTED=1), an
    // operator whose profile requires TOTP still gives the code: a Keycloak realm without MFA must not
    // become a way around requires_totp (GDPR art. 32 for special-category data).
    const state = await loadAuthState(tx, op.id);
    const status = state.needsTotp && !services.config.oidc?.mfaTrusted ? ('totp_required' as const) : ('active' as const);
    const contexts = status === 'active' ? await listWorkContexts(tx, op.id) : [];
    const only = contexts.length === 1 ? contexts[0] : undefined;
    const { token } = await services.sessions.create(tx, op.id, {
      ip: meta.ip,
      userAgent: meta.userAgent,
      status,
      assignmentId: only?.assignmentId ?? null,
    });
    await tx.updateTable('operator').set({ last_login_at: sql`now()` }).where('id', '=', op.id).execute();
    await writeAudit(tx, {
      action: 'auth.oidcLogin',
      outcome: 'ok',
      actor: null,
      requestId: meta.requestId,
      clientIp: meta.ip,
      targets: [{ kind: 'operator', id: op.id }],
    });
    return token;
  });
}
