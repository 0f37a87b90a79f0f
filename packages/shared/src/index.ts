export * from './wire/errors.js';
export * from './wire/primitives.js';
export * from './organisation.js';
export * from './contracts/index.js';
export * from './i18n/error-messages.js';
export * from './fiscal-code/index.js';
export * from './synthetic/index.js';
export * from './wire/masked.js';
