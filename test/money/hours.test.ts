import { describe, expect, it } from 'vitest';
import { hoursPerUnit } from '../../src/money/hours.js';

describe('costs per hour in the scenario’s time unit', () => {
  it('knows seconds, minutes, hours and days, singular or plural, in any case', () => {
    expect(hoursPerUnit('minute')).toBe(1 / 60);
    expect(hoursPerUnit('Minutes')).toBe(1 / 60);
    expect(hoursPerUnit('min')).toBe(1 / 60);
    expect(hoursPerUnit('hours')).toBe(1);
    expect(hoursPerUnit('h')).toBe(1);
    expect(hoursPerUnit('s')).toBe(1 / 3600);
    expect(hoursPerUnit('seconds')).toBe(1 / 3600);
    expect(hoursPerUnit('days')).toBe(24);
  });

  it('does not guess for a unit that is not a time', () => {
    expect(hoursPerUnit('shift')).toBeUndefined();
    expect(hoursPerUnit('customer')).toBeUndefined();
    expect(hoursPerUnit('constructor')).toBeUndefined();
  });
});
