import { consentsPrint } from '@siso/shared';
import { defineHandler } from '../../../http/action.js';

// SCAFFOLD (issue 5): replaced by the real handler.
export const printPrivacyForms = defineHandler(consentsPrint, async () => {
  throw new Error('consentsPrint not implemented yet');
});
