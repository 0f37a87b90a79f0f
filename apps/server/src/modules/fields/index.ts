import { findFields } from './actions/find-fields.js';
import { upsertField } from './actions/upsert-field.js';

/** Configuration-defined fields (access issue): definitions with a field class, for the owning modules. */
export const fieldsHandlers = {
  'fields.find': findFields,
  'fields.upsert': upsertField,
} as const;

export { fieldsPolicy } from './fields.policy.js';
export { loadFieldDefinitions, type FieldDefinitionRecord } from './fields.repo.js';
