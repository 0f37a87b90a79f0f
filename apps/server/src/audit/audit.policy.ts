import type { PolicyTable } from '../access/policy.js';

/**
 * The audit log is read by the DPO of the ambito only (architecture, "Audit"; GDPR art. 38-39: the DPO
 * monitors compliance). Administrators do not read it and cannot alter it: their own actions are
 * audited like everyone else's, and a log its subjects could read or curate would prove nothing
 * (GDPR art. 5(2) accountability; AgID log guidelines).
 */
export const auditPolicy = {
  'audit.find': { profiles: ['dpo'], note: 'Solo il DPO: chi è registrato non legge né cura il proprio registro.' },
  'audit.export': { profiles: ['dpo'] },
  'audit.verify': { profiles: ['dpo'] },
} satisfies PolicyTable<'audit'>;
