import type { LoginStatus } from '@siso/shared';
import type { SessionStatus } from './session-store.js';

/**
 * What a session that has not completed authentication may call (architecture, "Session"): auth.me,
 * auth.logout and the action that completes its step. A totp_required session of an operator without
 * an authenticator enrols (auth.enrollTotp + auth.confirmTotp); the handlers check which applies.
 */
const allowedWhilePending: Record<Exclude<SessionStatus, 'active'>, ReadonlySet<string>> = {
  totp_required: new Set(['auth.me', 'auth.logout', 'auth.verifyTotp', 'auth.enrollTotp', 'auth.confirmTotp']),
  password_change_required: new Set(['auth.me', 'auth.logout', 'auth.changePassword']),
};

export function allowedInStatus(status: SessionStatus, action: string): boolean {
  return status === 'active' || allowedWhilePending[status].has(action);
}

export function toLoginStatus(status: SessionStatus): LoginStatus {
  return status === 'active' ? 'ok' : status;
}

/** The next step once `done` is behind: TOTP first (it proves who is there), then a forced password change. */
export function nextStatus(op: { needsTotp: boolean; mustChangePassword: boolean }, done: 'password' | 'totp' | 'passwordChange'): SessionStatus {
  if (done === 'password' && op.needsTotp) return 'totp_required';
  if (done !== 'passwordChange' && op.mustChangePassword) return 'password_change_required';
  return 'active';
}
