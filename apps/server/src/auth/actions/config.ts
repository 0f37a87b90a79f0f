import { authConfig } from '@siso/shared';
import { defineHandler } from '../../http/action.js';

/** auth.config: which ways to log in the login page offers. */
export const getAuthConfig = defineHandler(authConfig, async (ctx) => ({
  oidc: ctx.services.config.oidc !== null,
  passwordLogin: true,
}));
