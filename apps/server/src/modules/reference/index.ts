import { codeList } from './actions/code-list.js';
import { findComuni } from './actions/find-comuni.js';
import { findStates } from './actions/find-states.js';

export { referencePolicy } from './reference.policy.js';

/** Reference data for forms (comuni with history, foreign states, code lists), by action name. */
export const referenceHandlers = {
  'reference.comuni': findComuni,
  'reference.states': findStates,
  'reference.codeList': codeList,
} as const;
