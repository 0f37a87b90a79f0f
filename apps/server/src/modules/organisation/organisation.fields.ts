import type { FieldMap } from '../../access/field-classes.js';

/**
 * Field classes of an operator account (architecture: field classes): identifying data of a person
 * (GDPR art. 4(1)) is `personal`; the rest is organisational and `public`.
 */
export const operatorFields: FieldMap<'fiscalCode' | 'email'> = {
  fiscalCode: 'personal',
  email: 'personal',
};
