import { describe, expect, it } from 'vitest';
import { perPeriodProblems, periodNamesOf } from '../../src/levers/raw-data.js';

describe("reading raw scenario data in a lever's checks", () => {
  it('finds the period names, and none in data that has none or is malformed', () => {
    expect(periodNamesOf({ time: { periods: [{ name: 'am', start: 0 }, { name: 'pm', start: 5 }] } })).toEqual(['am', 'pm']);
    expect(periodNamesOf({ time: { periods: 'morning' } })).toEqual([]);
    expect(periodNamesOf({})).toEqual([]);
  });

  it('a per-period value names every period and only periods; a partial one only periods', () => {
    const periods = ['morning', 'lunch'];
    expect(perPeriodProblems(4, ['price'], periods)).toEqual([]);
    expect(perPeriodProblems({ morning: 1, lunhc: 2 }, ['price'], periods)).toEqual([
      { path: ['price', 'lunhc'], message: 'unknown period "lunhc" (did you mean "lunch"?)' },
      { path: ['price'], message: 'gives no value for period lunch' },
    ]);
    expect(perPeriodProblems({ lunch: 0.2 }, ['promotion'], periods, false)).toEqual([]);
    expect(perPeriodProblems({ lunch: 1 }, ['price'], [])).toEqual([{ path: ['price'], message: 'per-period values need named periods in time.periods' }]);
  });
});
