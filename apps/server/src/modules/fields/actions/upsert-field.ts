import crypto from 'node:crypto';
import { classChangeAllowed, fieldsUpsert, type ProfileFieldClass } from '@siso/shared';
import { sql, type Selectable } from 'kysely';
import { updateVersioned } from '../../../db/optimistic-lock.js';
import type { FieldDefinition } from '../../../db/types.js';
import { defineHandler } from '../../../http/action.js';
import { AppError, type ErrorDetail } from '../../../http/app-error.js';
import { auditDiff } from '../../organisation/audit-diff.js';
import { actorOf } from '../../organisation/require-actor.js';
import { mapUniqueViolations } from '../../organisation/unique-violation.js';
import { fieldEditable, presentField } from '../fields.repo.js';

const keyTaken = { field_definition_key_uniq: { path: 'key', message: 'codice_già_usato' } } satisfies Record<string, ErrorDetail>;

/**
 * fields.upsert: a field of the actor's ambito (a region template for the installation's administrator),
 * or a change to one within reach. Values may already be stored under an existing field, and they cannot
 * be checked from here, so:
 * - target, key and type never change (the values would be orphaned or invalid: create a new field);
 * - the class only becomes stricter (shared `classChangeAllowed`): stored values never become readable by
 *   more people; every change, and the class change in particular, is in the audit row;
 * - choices are never removed, only archived (stored codes stay valid).
 * An ambito field may not reuse the key of a region template of the same target, nor a template the key of
 * an ambito's field: a record's values map has one definition per key.
 */
export const upsertField = defineHandler(fieldsUpsert, async (ctx, input) => {
  const actor = actorOf(ctx);
  const regioneId = actor.context.regioneId;
  const old = input.id
    ? await ctx.tx.selectFrom('field_definition').selectAll().where('id', '=', input.id).where('regione_id', '=', regioneId).executeTakeFirst()
    : undefined;
  if (input.id && (!old || !fieldEditable(actor, old.ambito_id))) throw new AppError('not_found');
  const ambitoId = old ? old.ambito_id : actor.context.ambitoId;
  if (!old && !fieldEditable(actor, ambitoId)) throw new AppError('not_found');

  if (old) {
    if (input.version === undefined) throw new AppError('invalid_input', [{ path: 'version', message: 'required' }]);
    const refused: ErrorDetail[] = [];
    for (const [path, was, now] of [['target', old.target, input.target], ['key', old.key, input.key], ['type', old.type, input.type]] as const) {
      if (was !== now) refused.push({ path, message: 'non_modificabile' });
    }
    if (!classChangeAllowed(old.field_class as ProfileFieldClass, input.fieldClass)) refused.push({ path: 'fieldClass', message: 'classe_meno_restrittiva' });
    const kept = new Set(input.options.map((o) => o.code));
    if ((old.options as { code: string }[]).some((o) => !kept.has(o.code))) refused.push({ path: 'options', message: 'scelta_non_eliminabile' });
    if (refused.length) throw new AppError('invalid_input', refused);
  } else {
    // One definition per key across the region's templates and the ambiti (serialised per target and key).
    await sql`SELECT pg_advisory_xact_lock(hashtext(${`field_definition:${regioneId}:${input.target}:${input.key}`}))`.execute(ctx.tx);
    const clash = await ctx.tx
      .selectFrom('field_definition')
      .select('id')
      .where('regione_id', '=', regioneId)
      .where('target', '=', input.target)
      .where('key', '=', input.key)
      .where((eb) => (ambitoId === null ? eb('ambito_id', 'is not', null) : eb('ambito_id', 'is', null)))
      .executeTakeFirst();
    if (clash) throw new AppError('conflict', [keyTaken.field_definition_key_uniq]);
  }

  // The configured attributes, as compared for the audit row (options as an array, not as stored text).
  const next = {
    target: input.target,
    applies_to: input.appliesTo,
    key: input.key,
    label_it: input.labelIt,
    label_en: input.labelEn,
    help_it: input.helpIt,
    help_en: input.helpEn,
    type: input.type,
    options: input.options,
    required: input.required,
    field_class: input.fieldClass,
    min_value: input.min,
    max_value: input.max,
    min_date: input.minDate,
    max_date: input.maxDate,
    pattern: input.pattern,
    position: input.position,
    valid_from: input.validFrom,
    valid_to: input.validTo,
  };
  const values = { ...next, options: JSON.stringify(next.options), updated_by: actor.operatorId };
  const archived = input.archived === undefined ? {} : { archived_at: input.archived ? (old?.archived_at ?? new Date()) : null };
  let row: Selectable<FieldDefinition>;
  if (!old) {
    row = await mapUniqueViolations(
      () =>
        ctx.tx
          .insertInto('field_definition')
          .values({ id: crypto.randomUUID(), regione_id: regioneId, ambito_id: ambitoId, created_by: actor.operatorId, ...values, ...archived })
          .returningAll()
          .executeTakeFirstOrThrow(),
      keyTaken,
    );
  } else {
    row = await updateVersioned<Selectable<FieldDefinition>>(ctx.tx, 'field_definition', old.id, input.version!, { ...values, ...archived });
  }
  ctx.audit({
    targets: [{ kind: 'field_definition', id: row.id }],
    details: {
      ...auditDiff(old ? { ...old, archived: old.archived_at !== null } : null, { ...next, archived: row.archived_at !== null }),
      scope: ambitoId === null ? 'region_template' : 'ambito',
      ...(old && old.field_class !== input.fieldClass ? { classChange: { from: old.field_class, to: input.fieldClass } } : {}),
    },
  });
  return presentField(actor, row);
});
