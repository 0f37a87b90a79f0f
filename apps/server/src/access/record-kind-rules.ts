import type { RecordKindRule } from './record-kinds.js';

/**
 * Every record kind of SISO and its whole visibility rule, in one place (issue 10, point 1; the
 * mechanism and a worked example: ARCHITECTURE.md, "Privacy by construction"). A table holding
 * personal data that is not here cannot be read by the scope guard's standards — add it here first.
 */
export const recordKindRules = {
  // The people registry (docs/persons.md). `protectedPerson` lives in the same table: a grant of
  // that kind names who may see where a protected person lives and who their family is.
  // Protected people never appear in a preview (issue 4, point 5).
  // A scheda the actor sees shows the summary of whom it is about, even outside the registry's scope.
  person: {
    table: 'person',
    readPermission: 'persons.get',
    preview: { neverWhenSet: 'protection_reason' },
    referencedBy: [{ kind: 'intakeRecord', column: 'person_id' }],
  },
  protectedPerson: { table: 'person', readPermission: 'persons.get' },
  // The intake desk (docs/intake.md): a scheda belongs to its desk (office); a desk excluding one of
  // the actor's profiles hides its schede (siso-original §10.3.1); a deleted scheda is kept with its
  // reason and read only by those who ask for deleted ones.
  intakeRecord: { table: 'intake_record', readPermission: 'intakeRecords.get', deskColumn: 'office_id', deletedColumn: 'deleted_at' },
} satisfies Record<string, RecordKindRule>;

export type RecordKindName = keyof typeof recordKindRules;
