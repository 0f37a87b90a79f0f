import { intakeTemplates } from './templates-intake.js';
import { peopleTemplates } from './templates-people.js';
import { platformTemplates } from './templates-platform.js';
import type { Template } from './template-context.js';

/**
 * One body template per action, keyed by the action's name (the OpenAPI operationId of its POST).
 * The suite fails for an operation of the OpenAPI document without a template here, and for a
 * template whose bodies its contract refuses.
 */
export const templates: Record<string, Template> = { ...platformTemplates, ...peopleTemplates, ...intakeTemplates };
