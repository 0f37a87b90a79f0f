import { describe, expect, it } from 'vitest';
import type { AuditNote } from '../audit/audit-writer.js';
import type { Actor } from './actor.js';
import type { FieldClass } from './field-classes.js';
import { MASKED } from './masking.js';
import { presentRecord } from './present.js';

/**
 * The one masking path (issue 10, point 4) on registered kinds: the declared classes (nested for a
 * scheda's sections), break-the-glass on one record, reserved entries and their readers, withheld
 * fields, and the audit note every presentation leaves.
 */
function actor(readable: FieldClass[], over: Partial<Actor> = {}): Actor {
  return {
    operatorId: 'op-1', username: 'u', displayName: 'U', sessionHash: 'h',
    context: { assignmentId: 'a', regioneId: 'r', ambitoId: 'am', ambitoName: 'A', enteId: 'e-1', enteName: 'E', officeId: 'o-1', officeName: 'O', officeType: 'sportello_accoglienza', professionalType: null },
    permissions: new Set(), scopes: {}, readable: new Set(readable), writable: new Set(), profiles: [], homeAmbitoId: null,
    ...over,
  } as Actor;
}

function sink() {
  const notes: AuditNote[] = [];
  return { notes, ctx: { audit: (n: AuditNote) => notes.push(n) } };
}

describe('presentRecord', () => {
  it('masks a scheda section by section with the declared classes and notes subject, target and classes', () => {
    const { ctx, notes } = sink();
    const scheda = { social: { housing: 'AFF', healthNotes: 'diabete' }, foreigner: { permitNumber: 'I123' }, references: null };
    const v = presentRecord(ctx, actor(['public', 'personal']), 'intakeRecord', scheda, { id: 's-1', about: ['p-1'] });
    expect(v.social).toEqual({ housing: 'AFF', healthNotes: MASKED });
    expect(v.foreigner).toEqual({ permitNumber: MASKED });
    expect(v.references).toBeNull();
    expect(notes).toEqual([{ subjectPeople: ['p-1'], targets: [{ kind: 'intakeRecord', id: 's-1' }], classesRead: ['personal'] }]);
  });

  it('adds what a break-the-glass opened on this record, and only that', () => {
    const { ctx } = sink();
    const scheda = { social: { healthNotes: 'diabete' } };
    expect(presentRecord(ctx, actor(['personal']), 'intakeRecord', scheda, { id: 's', opened: ['special'] }).social).toEqual({ healthNotes: 'diabete' });
    expect(presentRecord(ctx, actor(['personal']), 'intakeRecord', scheda, { id: 's', opened: null }).social).toEqual({ healthNotes: MASKED });
  });

  it('shows a reserved entry to its readers and to the reserved class only', () => {
    const { ctx } = sink();
    const note = { id: 'n', authorId: 'op-2', authorName: 'X', writtenAt: '2026-01-01T00:00:00.000Z', private: true, text: 'riservato' };
    const facts = { authorId: 'op-2', enteId: 'e-9', intakeCreatedBy: 'op-3' };
    expect(presentRecord(ctx, actor(['public', 'personal']), 'intakeNote', note, { id: 'n', reservedFacts: facts }).text).toEqual(MASKED);
    expect(presentRecord(ctx, actor(['public', 'personal'], { operatorId: 'op-2' }), 'intakeNote', note, { id: 'n', reservedFacts: facts }).text).toBe('riservato');
    expect(presentRecord(ctx, actor(['public', 'personal', 'reserved']), 'intakeNote', note, { id: 'n', reservedFacts: facts }).text).toBe('riservato');
    // A public note is personal data, whoever wrote it.
    expect(presentRecord(ctx, actor(['public', 'personal']), 'intakeNote', { ...note, private: false }, { id: 'n', reservedFacts: facts }).text).toBe('riservato');
  });

  it('withholds the fields a record rule hides, whatever their class; a listed row is no target', () => {
    const { ctx, notes } = sink();
    const v = presentRecord(ctx, actor(['public', 'personal']), 'person', { surname: 'Rossi', addresses: [] }, { id: 'p', about: ['p'], withheld: ['addresses'], listed: true });
    expect(v).toEqual({ surname: 'Rossi', addresses: MASKED });
    expect(notes[0]!.targets).toEqual([]);
  });

  it('an undeclared field is special: never shown by accident', () => {
    const { ctx } = sink();
    expect(presentRecord(ctx, actor(['public', 'personal']), 'serviceRequest', { notes: 'x', surprise: 'y' }, { id: 'r' })).toEqual({ notes: 'x', surprise: MASKED });
  });
});
