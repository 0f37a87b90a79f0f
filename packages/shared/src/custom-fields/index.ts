export * from './definition.js';
export * from './values.js';
