import type { FastifyReply } from 'fastify';
import type { Config } from '../config/config.js';

export const SESSION_COOKIE = 'siso_sid';

/** HttpOnly, SameSite=Lax, Secure in production; no Max-Age: the server enforces the timeouts. */
export function setSessionCookie(reply: FastifyReply, token: string, config: Pick<Config, 'cookieSecure'>): void {
  void reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: config.cookieSecure,
  });
}

export function clearSessionCookie(reply: FastifyReply, config: Pick<Config, 'cookieSecure'>): void {
  void reply.clearCookie(SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'lax', secure: config.cookieSecure });
}
