import { intakeFixture, serviceRequestFixture, TINY_PDF } from './intake-fixtures.js';
import type { MatrixRow, Outcome, Persona, Relation } from './types.js';

/**
 * Hand-written expectations for serviceRequests.*, attachments.get and serviceCatalogue.find (issue 5,
 * point 2). A service request and its attachments follow the scheda they belong to: the targets are
 * schede (and requests on them, with one PDF) written through the API by the operator the relation
 * names (intake-fixtures.ts). Scopes: desk operator office, social worker own, sector head ente, third
 * sector own. The catalogue is organisational data read by whoever records requests and by the
 * administrators.
 */
const F: Outcome = 'forbidden';
const every = (o: Outcome): Record<Relation, Outcome> => ({ sameOffice: o, sameEnte: o, otherEnte: o, otherAmbito: o });
const onlyOwn: Record<Relation, Outcome> = { sameOffice: 'ok', sameEnte: 'not_found', otherEnte: 'not_found', otherAmbito: 'not_found' };
const wholeEnte: Record<Relation, Outcome> = { sameOffice: 'ok', sameEnte: 'ok', otherEnte: 'not_found', otherAmbito: 'not_found' };
const writersTargeted: Record<Persona, Record<Relation, Outcome>> = {
  sysadmin: every(F), admin: every(F), dpo: every(F), regione: every(F), sportello: onlyOwn, assistente: onlyOwn, responsabile: wholeEnte, terzosettore: onlyOwn,
};

export const serviceRequestsMatrix: MatrixRow[] = [
  {
    action: 'serviceRequests.create',
    targeted: true,
    input: async (f, relation, persona) => ({
      intakeId: (await intakeFixture(f, persona, relation)).id,
      serviceCode: 'UDC80',
      status: 'open',
      minutesWorked: 15,
      attachments: [{ filename: 'domanda.pdf', mediaType: 'application/pdf', contentBase64: TINY_PDF }],
    }),
    expect: writersTargeted,
  },
  {
    action: 'serviceRequests.update',
    targeted: true,
    input: async (f, relation, persona) => {
      const r = await serviceRequestFixture(f, persona, relation);
      return { id: r.id, version: r.version, status: 'in_progress', minutesWorked: 30 };
    },
    expect: writersTargeted,
  },
  {
    action: 'attachments.get',
    targeted: true,
    input: async (f, relation, persona) => ({ id: (await serviceRequestFixture(f, persona, relation)).attachments[0]!.id }),
    expect: writersTargeted,
  },
  {
    action: 'serviceCatalogue.find',
    targeted: false,
    input: async () => ({ q: 'orientamento' }),
    expect: { sysadmin: 'ok', admin: 'ok', dpo: F, sportello: 'ok', assistente: 'ok', responsabile: 'ok', regione: F, terzosettore: 'ok' },
  },
];
