import { describe, expect, it } from 'vitest';
import { baileyWelchSlots, fixedIntervalSlots } from '../../src/reservations/appointments.js';

describe('appointment slot rules (models.md §4.4)', () => {
  it('Bailey–Welch books two patients at t = 0, then one per interval', () => {
    expect(baileyWelchSlots(6, 15)).toEqual([0, 0, 15, 30, 45, 60]);
    expect(baileyWelchSlots(1, 15)).toEqual([0]);
    expect(baileyWelchSlots(0, 15)).toEqual([]);
  });

  it('the fixed-interval rule books one patient per interval from t = 0', () => {
    expect(fixedIntervalSlots(4, 20)).toEqual([0, 20, 40, 60]);
  });

  it('rejects a fractional number of patients', () => {
    expect(() => baileyWelchSlots(2.5, 10)).toThrow(RangeError);
  });
});
