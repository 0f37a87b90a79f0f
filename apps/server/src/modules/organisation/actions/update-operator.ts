import { operatorsUpdate } from '@siso/shared';
import { defineHandler } from '../../../http/action.js';
import { AppError } from '../../../http/app-error.js';
import { updateVersioned } from '../../../db/optimistic-lock.js';
import { writeAssignment } from '../assignments.write.js';
import { auditDiff } from '../audit-diff.js';
import { revokeSessions } from '../credentials.js';
import { assertOperatorUnique, operatorUniques } from '../operator-uniqueness.js';
import { findOperatorInReach, presentOperators } from '../operators.repo.js';
import { actorOf } from '../require-actor.js';
import { mapUniqueViolations } from '../unique-violation.js';

/**
 * operators.update: personal data, locale, disabling, and assignments within reach (validity dates,
 * office, professional type, profiles). The operator's version is bumped on every change, so two
 * administrators editing the same operator see a 409 instead of overwriting each other.
 */
export const updateOperator = defineHandler(operatorsUpdate, async (ctx, input) => {
  const actor = actorOf(ctx);
  const old = await findOperatorInReach(ctx.tx, actor, 'operators.update', input.id);
  if (!old) throw new AppError('not_found');
  await assertOperatorUnique(ctx.tx, { fiscalCode: input.fiscalCode }, input.id);
  const values: Record<string, unknown> = {};
  if (input.givenName !== undefined) values.given_name = input.givenName;
  if (input.familyName !== undefined) values.family_name = input.familyName;
  if (input.fiscalCode !== undefined) values.fiscal_code = input.fiscalCode;
  if (input.email !== undefined) values.email = input.email;
  if (input.locale !== undefined) values.locale = input.locale;
  const disabling = input.disabled === true && old.disabled_at === null;
  if (input.disabled !== undefined) values.disabled_at = input.disabled ? (old.disabled_at ?? new Date()) : null;
  await mapUniqueViolations(
    () => updateVersioned(ctx.tx, 'operator', input.id, input.version, { ...values, updated_by: actor.operatorId }),
    operatorUniques,
  );
  const assignments = [];
  for (const [i, a] of (input.assignments ?? []).entries()) {
    assignments.push(await writeAssignment(ctx.tx, actor, 'operators.update', input.id, a, `assignments.${i}`));
  }
  if (disabling) await revokeSessions(ctx, input.id);
  const personal = ['fiscal_code', 'email'].some((k) => k in values);
  const { disabled_at: _d, ...ordinary } = values;
  ctx.audit({
    targets: [{ kind: 'operator', id: input.id }],
    classesChanged: personal ? ['public', 'personal'] : ['public'],
    details: {
      ...auditDiff(old as unknown as Record<string, unknown>, ordinary, ['fiscal_code', 'email']),
      ...(input.disabled !== undefined ? { disabled: { old: old.disabled_at !== null, new: input.disabled } } : {}),
      ...(assignments.length ? { assignments } : {}),
    },
  });
  const fresh = await findOperatorInReach(ctx.tx, actor, 'operators.update', input.id);
  if (!fresh) throw new AppError('not_found');
  const [view] = await presentOperators(ctx.tx, actor, 'operators.update', [fresh], () => undefined);
  return view!;
});
