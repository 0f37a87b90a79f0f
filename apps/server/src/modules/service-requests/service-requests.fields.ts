import { publicFields, type FieldMap } from '../../access/field-classes.js';

/**
 * Field classes of a service request (the registration's `fields`, access/record-kind-rules.ts): its
 * notes may describe the person's situation (personal data); the service, state, time and who wrote
 * it are organisational.
 */
export const serviceRequestFieldClasses: FieldMap = {
  ...publicFields('id', 'intakeId', 'serviceCode', 'serviceLabel', 'status', 'minutesWorked', 'attachments', 'createdAt', 'createdByName', 'updatedAt', 'version', 'abilities'),
  notes: 'personal',
};

/** A file: its name often carries the person's (personal data); type, size, digest and dates are organisational. */
export const attachmentFieldClasses: FieldMap = { ...publicFields('id', 'mediaType', 'sizeBytes', 'sha256', 'scanStatus', 'createdAt'), filename: 'personal' };
