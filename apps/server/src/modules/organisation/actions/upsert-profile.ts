import crypto from 'node:crypto';
import { profilesUpsert } from '@siso/shared';
import type { Selectable } from 'kysely';
import type { Profile } from '../../../db/types.js';
import { defaultRequiresTotp } from '../totp-default.js';
import { defineHandler } from '../../../http/action.js';
import { AppError, type ErrorDetail } from '../../../http/app-error.js';
import { updateVersioned } from '../../../db/optimistic-lock.js';
import { auditDiff } from '../audit-diff.js';
import { assertGrantable } from '../grantable.js';
import { isCatalogued, presentProfile, profileEditable } from '../profiles.repo.js';
import { actorOf } from '../require-actor.js';
import { scopeRank } from '../reach.js';
import { mapUniqueViolations } from '../unique-violation.js';

const codeTaken = { profile_code_uniq: { path: 'code', message: 'codice_già_usato' } } satisfies Record<string, ErrorDetail>;

/**
 * profiles.upsert: a profile of the actor's ambito (templates for an installation-wide administrator),
 * optionally copied from a region template. Only permissions and scopes the actor holds may be granted.
 */
export const upsertProfile = defineHandler(profilesUpsert, async (ctx, input) => {
  const actor = actorOf(ctx);
  const old = input.id ? await ctx.tx.selectFrom('profile').selectAll().where('id', '=', input.id).executeTakeFirst() : undefined;
  if (input.id && (!old || !profileEditable(actor, old.ambito_id))) throw new AppError('not_found');
  const ambitoId = old ? old.ambito_id : actor.context.ambitoId;
  if (!old && !profileEditable(actor, ambitoId)) throw new AppError('not_found');
  const template = input.templateId
    ? await ctx.tx.selectFrom('profile').selectAll().where('id', '=', input.templateId).where('ambito_id', 'is', null).executeTakeFirst()
    : undefined;
  if (input.templateId && !template) throw new AppError('not_found', [{ path: 'templateId', message: 'not_found' }]);
  const base = template ?? old;
  const next = {
    code: input.code,
    name: input.name,
    permissions: [...new Set(input.permissions ?? base?.permissions ?? [])].sort(),
    scope: input.scope ?? base?.scope ?? 'own',
    readable_classes: input.readableClasses ?? base?.readable_classes ?? ['public'],
    writable_classes: input.writableClasses ?? base?.writable_classes ?? [],
    requires_totp: false,
  };
  next.requires_totp = input.requiresTotp ?? defaultRequiresTotp(next.readable_classes, ctx.services.config.production, base?.requires_totp);
  // Paths point into the permissions as sent (or as copied from the template).
  const sent = input.permissions ?? next.permissions;
  const unknown = sent.map((p, i) => ({ p, i })).filter(({ p }) => !isCatalogued(p));
  if (unknown.length) throw new AppError('invalid_input', unknown.map(({ i }) => ({ path: `permissions.${i}`, message: 'permesso_sconosciuto' })));
  // Keeping what a profile already has is not granting it; adding is (access issue: "grant only what you hold").
  const added = next.permissions.filter((p) => !old?.permissions.includes(p));
  const widened = !old || scopeRank(next.scope as never) > scopeRank(old.scope as never);
  // What a copy takes from a region template follows the template rule of assertGrantable (the region
  // defined it; an ambito administrator may pass on its data permissions without holding them).
  const fromTemplate = new Set(template && actor.context.ambitoId ? template.permissions : []);
  const at = (p: string) => `permissions.${sent.indexOf(p)}`;
  assertGrantable(actor, { permissions: added.filter((p) => !fromTemplate.has(p)), scope: widened ? next.scope : 'own' }, at, 'scope');
  assertGrantable(actor, { permissions: added.filter((p) => fromTemplate.has(p)), scope: 'own', regionTemplate: true }, at, 'scope');
  const archived = input.archived === undefined ? {} : { archived_at: input.archived ? (old?.archived_at ?? new Date()) : null };
  let row: Selectable<Profile>;
  if (!old) {
    row = await mapUniqueViolations(
      () => ctx.tx.insertInto('profile').values({ id: crypto.randomUUID(), regione_id: actor.context.regioneId, ambito_id: ambitoId, ...next, ...archived }).returningAll().executeTakeFirstOrThrow(),
      codeTaken,
    );
  } else {
    if (input.version === undefined) throw new AppError('invalid_input', [{ path: 'version', message: 'required' }]);
    row = await mapUniqueViolations(() => updateVersioned<Selectable<Profile>>(ctx.tx, 'profile', old.id, input.version!, { ...next, ...archived }), codeTaken);
  }
  ctx.audit({
    targets: [{ kind: 'profile', id: row.id }],
    details: { ...auditDiff(old ?? null, next), ...(template ? { copiedFrom: template.id } : {}) },
  });
  return presentProfile(actor, row);
});
