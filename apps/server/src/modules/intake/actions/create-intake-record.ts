import { intakeRecordsCreate } from '@siso/shared';
import { defineHandler } from '../../../http/action.js';
import { loadIntakeView } from '../intake-repo.js';
import { insertIntake } from '../intake-write.js';

/**
 * intakeRecords.create (issue 5, point 1): a scheda in the actor's current desk, possibly incomplete;
 * numbered per ente and year; the access date defaults to today and is never in the future.
 */
export const createIntakeRecord = defineHandler(intakeRecordsCreate, async (ctx, input) => {
  const { id, known } = await insertIntake(ctx, input, {});
  // A scheda created now has no diary, requests, sends or proposal to read, and its desk's configuration was just read.
  return loadIntakeView(ctx, id, { children: false, known });
});
