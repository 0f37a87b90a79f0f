import { intakeOutcomes, intakeStatuses } from '@siso/shared';
import { monthPeriod } from './period';

export type IntakeStatus = (typeof intakeStatuses)[number];
export type IntakeOutcome = (typeof intakeOutcomes)[number];

export interface ListFilters {
  from: string;
  to: string;
  status: IntakeStatus | '';
  outcome: IntakeOutcome | '';
}

const isDay = (s: string | null): s is string => s !== null && /^\d{4}-\d{2}-\d{2}$/.test(s);

/**
 * The list's filters from the address (?dal=&al=&stato=&esito=), so Back and a shared link keep them;
 * missing or malformed values fall back to the current month and "all".
 */
export function filtersFromParams(params: URLSearchParams, today: string): ListFilters {
  const month = monthPeriod(today);
  const status = params.get('stato') ?? '';
  const outcome = params.get('esito') ?? '';
  return {
    from: isDay(params.get('dal')) ? params.get('dal')! : month.from,
    to: isDay(params.get('al')) ? params.get('al')! : month.to,
    status: (intakeStatuses as readonly string[]).includes(status) ? (status as IntakeStatus) : '',
    outcome: (intakeOutcomes as readonly string[]).includes(outcome) ? (outcome as IntakeOutcome) : '',
  };
}

export function filtersToParams(f: ListFilters): Record<string, string> {
  return { dal: f.from, al: f.to, ...(f.status ? { stato: f.status } : {}), ...(f.outcome ? { esito: f.outcome } : {}) };
}

/** The API filters (intakeRecords.find / export) of the list's filters. */
export function apiFilters(f: ListFilters) {
  return { from: f.from, to: f.to, ...(f.status ? { status: f.status } : {}), ...(f.outcome ? { outcome: f.outcome } : {}) };
}
