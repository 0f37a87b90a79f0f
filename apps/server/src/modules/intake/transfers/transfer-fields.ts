import type { TransferSnapshot } from '@siso/shared';
import type { FieldMap } from '../../../access/field-classes.js';

/**
 * Field classes of the snapshot a destination desk reads (siso-original SS_SCHEDA_ACCESSO_INVIANTE
 * `orig*`). The user's identity, the description and the needs and services are `personal`; the
 * snapshot never holds health (`special`) or permit (`foreigner`) data, so a desk that reads only
 * personal data reads all of it.
 */
export const snapshotFieldClasses: FieldMap<keyof TransferSnapshot & string> = {
  number: 'public',
  accessDate: 'public',
  accessMode: 'public',
  accessReason: 'public',
  interlocutorType: 'public',
  description: 'personal',
  operatorName: 'public',
  operatorEmail: 'public',
  officePhone: 'public',
  userSurname: 'personal',
  userName: 'personal',
  userFiscalCode: 'personal',
  userBirthDate: 'personal',
  outcome: 'public',
  needs: 'personal',
  requestedServices: 'personal',
};
