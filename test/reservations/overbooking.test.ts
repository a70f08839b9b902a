import { describe, expect, it } from 'vitest';
import { binomialTail } from '../../src/analytic/discrete.js';
import {
  bookingLimit,
  criticalFractile,
  expectedDenied,
  expectedEmpty,
  expectedProfit,
  expectedServed,
  heuristicBookingLimit,
  optimalBookingLimit,
  probabilityAnyDenied,
  showProbability,
} from '../../src/reservations/overbooking.js';

describe('show-up model (models.md §4.1)', () => {
  it('a booking shows with p = (1 − c)(1 − q)', () => {
    expect(showProbability(0.1, 0.15)).toBeCloseTo(0.9 * 0.85, 15);
    expect(showProbability(0, 0.04)).toBeCloseTo(0.96, 15);
  });

  it('empty minus denied is C − b·p (E[(C − S)⁺] − E[(S − C)⁺] = C − E[S])', () => {
    for (const [b, p, c] of [[22, 0.85, 20], [10, 0.8, 12], [17, 0.96, 16]] as const) {
      expect(expectedEmpty(b, p, c) - expectedDenied(b, p, c)).toBeCloseTo(c - b * p, 12);
    }
  });

  it('nobody is denied while bookings do not exceed capacity', () => {
    expect(expectedDenied(16, 0.96, 16)).toBe(0);
    expect(probabilityAnyDenied(16, 0.96, 16)).toBe(0);
    expect(expectedServed(16, 0.96, 16)).toBeCloseTo(15.36, 12);
  });
});

describe('LINDO OVERBOOK airline: C = 16, p = 0.96, r = 225, h = 100 (V12)', () => {
  const [C, p, r, h] = [16, 0.96, 225, 100];
  it('critical fractile 0.6923; P(S(16) ≥ 16) = 0.5204 < it ≤ P(S(17) ≥ 16) = 0.8535 ⇒ b* = 17', () => {
    expect(criticalFractile(r, h)).toBeCloseTo(0.6923, 4);
    expect(binomialTail(16, 16, p)).toBeCloseTo(0.5204, 4);
    expect(binomialTail(16, 17, p)).toBeCloseTo(0.8535, 4);
    expect(optimalBookingLimit(C, p, r, h)).toBe(17);
  });
  it('E[profit] = 3509.63 at b = 17 (16: 3456.00; 18: 3459.35); E[denied] = 0.4996', () => {
    expect(expectedProfit(17, p, C, r, h)).toBeCloseTo(3509.63, 2);
    expect(expectedProfit(16, p, C, r, h)).toBeCloseTo(3456.0, 2);
    expect(expectedProfit(18, p, C, r, h)).toBeCloseTo(3459.35, 2);
    expect(expectedDenied(17, p, C)).toBeCloseTo(0.4996, 4);
  });
});

describe('restaurant: C = 20 tables, p = 0.85, r = 60, h = 120 (V12)', () => {
  const [C, p, r, h] = [20, 0.85, 60, 120];
  it('b* = 22 with E[profit] = 1092.35 (21: 1065.07; 23: 1091.61)', () => {
    expect(optimalBookingLimit(C, p, r, h)).toBe(22);
    expect(expectedProfit(22, p, C, r, h)).toBeCloseTo(1092.35, 2);
    expect(expectedProfit(21, p, C, r, h)).toBeCloseTo(1065.07, 2);
    expect(expectedProfit(23, p, C, r, h)).toBeCloseTo(1091.61, 2);
  });
  it('P(any denied) = 0.1367 and E[denied] = 0.1647 at b* = 22', () => {
    expect(probabilityAnyDenied(22, p, C)).toBeCloseTo(0.1367, 4);
    expect(expectedDenied(22, p, C)).toBeCloseTo(0.1647, 4);
  });
});

describe('clinic: C = 12, p = 0.80, r = 100, h = 50 (V12)', () => {
  const [C, p, r, h] = [12, 0.8, 100, 50];
  it('b* = 16 with E[profit] = 1112.17 (15: 1109.95; 17: 1096.38); heuristic C/p = 15', () => {
    expect(optimalBookingLimit(C, p, r, h)).toBe(16);
    expect(expectedProfit(16, p, C, r, h)).toBeCloseTo(1112.17, 2);
    expect(expectedProfit(15, p, C, r, h)).toBeCloseTo(1109.95, 2);
    expect(expectedProfit(17, p, C, r, h)).toBeCloseTo(1096.38, 2);
    expect(heuristicBookingLimit(C, p)).toBe(15);
  });
});

describe('the critical-fractile limit maximises expected profit', () => {
  for (const [C, p, r, h] of [[16, 0.96, 225, 100], [20, 0.85, 60, 120], [12, 0.8, 100, 50], [50, 0.6, 10, 40]] as const) {
    it(`C = ${C}, p = ${p}, r = ${r}, h = ${h}`, () => {
      const best = optimalBookingLimit(C, p, r, h);
      for (let b = C; b <= C * 3; b++) {
        expect(expectedProfit(b, p, C, r, h)).toBeLessThanOrEqual(expectedProfit(best, p, C, r, h) + 1e-9);
      }
    });
  }

  it('never overbooks when every booking shows', () => {
    expect(optimalBookingLimit(10, 1, 100, 1)).toBe(10);
  });

  it('finds by bisection the same b as trying every b from C up (the tail grows with b)', () => {
    const firstReaching = (C: number, p: number, r: number, h: number) => {
      const fractile = criticalFractile(r, h);
      for (let b = C; ; b++) if (binomialTail(C, b, p) >= fractile) return b;
    };
    for (const C of [0, 1, 2, 5, 16, 40, 120])
      for (const p of [0.99, 0.9, 0.6, 0.3, 0.1])
        for (const [r, h] of [[1, 1], [225, 100], [100, 1], [1, 50]] as const) {
          expect(optimalBookingLimit(C, p, r, h), `C ${C} p ${p} r ${r} h ${h}`).toBe(firstReaching(C, p, r, h));
        }
  });

  it('says so when no limit up to its bound reaches the fractile', () => {
    expect(() => optimalBookingLimit(5, 0.001, 100, 1)).toThrow(/no booking limit up to 1000 reaches the critical fractile 0\.990/);
  });
});

describe('booking-limit policies', () => {
  const [C, p] = [20, 0.85];
  it('none = C, fixedExtra = C + n, percentage = ⌊C(1 + x)⌋', () => {
    expect(bookingLimit({ kind: 'none' }, C, p)).toBe(20);
    expect(bookingLimit({ kind: 'fixedExtra', extra: 3 }, C, p)).toBe(23);
    expect(bookingLimit({ kind: 'percentage', fraction: 0.1 }, C, p)).toBe(22);
    expect(bookingLimit({ kind: 'percentage', fraction: 0.15 }, 12, p)).toBe(13);
  });
  it('capacityOverShowRate = ⌈C/p⌉ and optimal = b*', () => {
    expect(bookingLimit({ kind: 'capacityOverShowRate' }, C, p)).toBe(24);
    expect(bookingLimit({ kind: 'capacityOverShowRate' }, 12, 0.8)).toBe(15);
    expect(bookingLimit({ kind: 'optimal', revenue: 60, deniedCost: 120 }, C, p)).toBe(22);
  });
  it('rejects fractional extras', () => {
    expect(() => bookingLimit({ kind: 'fixedExtra', extra: 1.5 }, C, p)).toThrow(RangeError);
  });
});
