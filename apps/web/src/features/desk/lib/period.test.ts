import { describe, expect, it } from 'vitest';
import { counterEntries, monthPeriod, todayInRome } from './period';

describe('desk periods', () => {
  it('gives the whole month, leap years included', () => {
    expect(monthPeriod('2026-11-28')).toEqual({ from: '2026-11-01', to: '2026-11-30' });
    expect(monthPeriod('2028-02-10')).toEqual({ from: '2028-02-01', to: '2028-02-29' });
    expect(monthPeriod('2026-02-01')).toEqual({ from: '2026-02-01', to: '2026-02-28' });
    expect(monthPeriod('2026-12-31')).toEqual({ from: '2026-12-01', to: '2026-12-31' });
  });

  it("takes today's date in Italy, not in UTC", () => {
    // 23:30 UTC on 31 December is already 1 January in Rome (UTC+1).
    expect(todayInRome(new Date('2026-12-31T23:30:00Z'))).toBe('2027-01-01');
    expect(todayInRome(new Date('2026-07-15T10:00:00Z'))).toBe('2026-07-15');
  });

  it('lists the counters in reading order', () => {
    const c = { officeId: '00000000-0000-4000-8000-000000000000', from: '2026-11-01', to: '2026-11-30', complete: 4, incomplete: 2, sent: 1, received: 3, refused: 0, proposals: 5 };
    expect(counterEntries(c)).toEqual([
      { key: 'complete', value: 4 },
      { key: 'incomplete', value: 2 },
      { key: 'sent', value: 1 },
      { key: 'received', value: 3 },
      { key: 'refused', value: 0 },
      { key: 'proposals', value: 5 },
    ]);
  });
});
