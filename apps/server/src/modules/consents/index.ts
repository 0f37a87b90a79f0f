import { getPrivacy } from './actions/get-privacy.js';
import { recordConsents } from './actions/record-consents.js';
import { withdrawConsent } from './actions/withdraw-consent.js';
import { printPrivacyForms } from './actions/print-privacy-forms.js';

/** Privacy notice and optional consents (issue 5, point 3). */
export const consentsHandlers = {
  'consents.get': getPrivacy,
  'consents.record': recordConsents,
  'consents.withdraw': withdrawConsent,
  'consents.print': printPrivacyForms,
} as const;
