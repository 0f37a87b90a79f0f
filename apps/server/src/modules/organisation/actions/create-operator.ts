import crypto from 'node:crypto';
import { operatorsCreate } from '@siso/shared';
import { defineHandler } from '../../../http/action.js';
import { AppError } from '../../../http/app-error.js';
import { writeAssignment } from '../assignments.write.js';
import { auditDiff } from '../audit-diff.js';
import { temporaryPassword } from '../credentials.js';
import { assertOperatorUnique, operatorUniques } from '../operator-uniqueness.js';
import { findOperatorInReach, presentOperators } from '../operators.repo.js';
import { actorOf } from '../require-actor.js';
import { mapUniqueViolations } from '../unique-violation.js';

/**
 * operators.create: an operator with a first assignment and its profiles, and a temporary password
 * shown once to the administrator; the operator must change it at the first login.
 */
export const createOperator = defineHandler(operatorsCreate, async (ctx, input) => {
  const actor = actorOf(ctx);
  await assertOperatorUnique(ctx.tx, { username: input.username, fiscalCode: input.fiscalCode });
  const office = await ctx.tx
    .selectFrom('office').innerJoin('ente', 'ente.id', 'office.ente_id').select('ente.regione_id')
    .where('office.id', '=', input.assignment.officeId).executeTakeFirst();
  if (!office) throw new AppError('not_found', [{ path: 'assignment.officeId', message: 'not_found' }]);
  const id = crypto.randomUUID();
  const password = temporaryPassword();
  const values = { username: input.username, given_name: input.givenName, family_name: input.familyName, locale: input.locale };
  await mapUniqueViolations(
    async () =>
      ctx.tx
        .insertInto('operator')
        .values({
          id, regione_id: office.regione_id, ...values, fiscal_code: input.fiscalCode ?? null, email: input.email ?? null,
          password_hash: await ctx.services.passwords.hash(password), must_change_password: true, created_by: actor.operatorId,
        })
        .execute(),
    operatorUniques,
  );
  // The office's reach and the subset rule are checked here; a failure rolls the operator back too.
  const assignment = await writeAssignment(ctx.tx, actor, 'operators.create', id, input.assignment, 'assignment');
  ctx.audit({
    targets: [{ kind: 'operator', id }],
    classesChanged: input.fiscalCode || input.email ? ['public', 'personal'] : ['public'],
    details: { ...auditDiff(null, { ...values, fiscal_code: input.fiscalCode ?? null, email: input.email ?? null }, ['fiscal_code', 'email']), assignment },
  });
  const row = await findOperatorInReach(ctx.tx, actor, 'operators.create', id);
  const [operator] = await presentOperators(ctx.tx, actor, 'operators.create', [row!], () => undefined);
  return { operator: operator!, temporaryPassword: password };
});
