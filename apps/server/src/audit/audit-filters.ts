import type { AuditFilters } from '@siso/shared';

/** The filters actually set (no undefined keys), as they are recorded in the reader's own audit row. */
export function filtersOf(f: AuditFilters): AuditFilters {
  return Object.fromEntries(Object.entries(f).filter(([, v]) => v !== undefined && v !== '')) as AuditFilters;
}
