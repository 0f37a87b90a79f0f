import { describe, expect, it } from 'vitest';
import { apiFilters, filtersFromParams, filtersToParams } from './listFilters';

describe('list filters', () => {
  it('default to the current month and every status and outcome', () => {
    expect(filtersFromParams(new URLSearchParams(''), '2026-11-28')).toEqual({ from: '2026-11-01', to: '2026-11-30', status: '', outcome: '' });
  });

  it('read the address and ignore malformed values', () => {
    const f = filtersFromParams(new URLSearchParams('dal=2026-01-05&al=2026-02-01&stato=complete&esito=bogus'), '2026-11-28');
    expect(f).toEqual({ from: '2026-01-05', to: '2026-02-01', status: 'complete', outcome: '' });
    expect(filtersFromParams(new URLSearchParams('dal=05/01/2026'), '2026-11-28').from).toBe('2026-11-01');
  });

  it('round-trip through the address and drop empty choices for the API', () => {
    const f = { from: '2026-03-01', to: '2026-03-31', status: '' as const, outcome: 'oriented' as const };
    expect(filtersFromParams(new URLSearchParams(filtersToParams(f)), '2026-11-28')).toEqual(f);
    expect(apiFilters(f)).toEqual({ from: '2026-03-01', to: '2026-03-31', outcome: 'oriented' });
  });
});
