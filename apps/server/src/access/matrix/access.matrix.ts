import type { MatrixRow, Outcome, Relation } from './types.js';

const forbidden: Record<Relation, Outcome> = { sameOffice: 'forbidden', sameEnte: 'forbidden', otherEnte: 'forbidden', otherAmbito: 'forbidden' };

/** Hand-written: who may break the glass on a record, by where the record lives. */
export const accessMatrix: MatrixRow[] = [
  {
    action: 'breakGlass.open',
    targeted: true,
    input: async (f, relation, persona) => ({
      recordKind: 'fixtureRecord',
      recordId: await f.fixtureRecord(persona, relation),
      classes: ['reserved'],
      reason: 'Collocamento urgente notturno di un minore: serve la situazione completa.',
    }),
    expect: {
      sysadmin: forbidden,
      admin: forbidden,
      dpo: forbidden,
      sportello: forbidden,
      // scope own: only records the social worker created
      assistente: { sameOffice: 'ok', sameEnte: 'not_found', otherEnte: 'not_found', otherAmbito: 'not_found' },
      // scope ente: the whole comune, never another ente or ambito
      responsabile: { sameOffice: 'ok', sameEnte: 'ok', otherEnte: 'not_found', otherAmbito: 'not_found' },
      regione: forbidden,
      terzosettore: forbidden,
    },
  },
];
