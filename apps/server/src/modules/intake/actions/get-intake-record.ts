import { intakeRecordsGet } from '@siso/shared';
import { defineHandler } from '../../../http/action.js';
import { loadIntakeView } from '../intake-repo.js';

/** intakeRecords.get: the whole scheda masked per class and desk; 404 outside scope, grants and excluded desks (audited read). */
export const getIntakeRecord = defineHandler(intakeRecordsGet, async (ctx, input) => loadIntakeView(ctx, input.id));
