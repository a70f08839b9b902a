import { describe, expect, it } from 'vitest';
import { erlangA } from '../../src/analytic/erlang-a.js';
import { erlangC, mmcWaitMean, serviceLevel } from '../../src/analytic/erlang.js';
import {
  achievedMeasure,
  fewestServers,
  halfinWhittAlpha,
  halfinWhittBeta,
  lagSipp,
  meetsTarget,
  serverTime,
  sipp,
  squareRootStaffing,
  type StaffingTarget,
} from '../../src/analytic/staffing.js';

describe('Halfin–Whitt delay function (models.md §6.3, V6)', () => {
  const table: [number, number][] = [
    [0.5, 0.504539],
    [1, 0.223361],
    [1.5, 0.08469],
    [2, 0.026881],
  ];
  for (const [beta, alpha] of table) {
    it(`α(${beta}) = ${alpha.toFixed(6)}`, () => expect(halfinWhittAlpha(beta)).toBeCloseTo(alpha, 6));
  }

  it('β for α = 0.2 is 1.061516 (root finding), and inverts α', () => {
    expect(halfinWhittBeta(0.2)).toBeCloseTo(1.061516, 6);
    for (const alpha of [0.05, 0.5, 0.9]) expect(halfinWhittAlpha(halfinWhittBeta(alpha))).toBeCloseTo(alpha, 12);
  });

  it('α(0) = 1 and α is decreasing', () => {
    expect(halfinWhittAlpha(0)).toBe(1);
    expect(halfinWhittAlpha(1.1)).toBeLessThan(halfinWhittAlpha(1));
    expect(() => halfinWhittBeta(1)).toThrow(RangeError);
  });
});

describe('square-root staffing N = ⌈R + β√R⌉ (V6)', () => {
  const cases: [number, number, number][] = [
    [10, 14, 0.174132],
    [25, 30, 0.249893],
    [100, 110, 0.237008],
    [400, 420, 0.230285],
  ];
  for (const [load, servers, delay] of cases) {
    it(`R = ${load}, β = 1 ⇒ N = ${servers}, exact Erlang C ${delay}`, () => {
      expect(squareRootStaffing(load, 1)).toBe(servers);
      expect(erlangC(servers, load)).toBeCloseTo(delay, 6);
    });
  }

  it('the exact delay probability approaches α(1) = 0.2234 as R grows', () => {
    expect(Math.abs(erlangC(squareRootStaffing(10_000, 1), 10_000) - halfinWhittAlpha(1))).toBeLessThan(0.005);
  });
});

describe('fewestServers', () => {
  it('80% within 20 s at λ = 100/h, E[S] = 6 min needs 14 (V3b: 13 gives 0.7585, 14 gives 0.8606)', () => {
    const target: StaffingTarget = { kind: 'serviceLevel', within: 20 / 3600, atLeast: 0.8 };
    expect(fewestServers(100, 10, target)).toBe(14);
    expect(achievedMeasure(target, 14, 100, 10)).toBeCloseTo(0.860566, 6);
  });

  it('mean wait ≤ 30 s needs 14 (13 waits 34.2 s)', () => {
    const target: StaffingTarget = { kind: 'meanWait', atMost: 30 / 3600 };
    expect(fewestServers(100, 10, target)).toBe(14);
    expect(mmcWaitMean(13, 100, 10)).toBeGreaterThan(30 / 3600);
  });

  it('P(W > 0) ≤ 0.25 at R = 25 needs 30 (V6: C(30, 25) = 0.249893)', () => {
    expect(fewestServers(25, 1, { kind: 'delayProbability', atMost: 0.25 })).toBe(30);
  });

  it('Erlang-A abandonment ≤ 2% gives the smallest N that meets it, fewer than Erlang C needs', () => {
    const target: StaffingTarget = { kind: 'abandonment', patienceRate: 1, atMost: 0.02 };
    const n = fewestServers(100, 1, target);
    expect(erlangA(100, 1, n, 1).pAbandon).toBeLessThanOrEqual(0.02);
    expect(erlangA(100, 1, n - 1, 1).pAbandon).toBeGreaterThan(0.02);
    expect(meetsTarget(target, n - 1, 100, 1)).toBe(false);
    // Same delay probability under Erlang C costs more servers (§6.3).
    const delay = erlangA(100, 1, n, 1).pWait;
    expect(fewestServers(100, 1, { kind: 'delayProbability', atMost: delay })).toBeGreaterThan(n);
  });

  it('refuses targets no finite staffing meets (100% served at once, zero mean wait)', () => {
    expect(() => fewestServers(5, 1, { kind: 'serviceLevel', within: 0, atLeast: 1 })).toThrow(RangeError);
    expect(() => fewestServers(5, 1, { kind: 'meanWait', atMost: 0 })).toThrow(RangeError);
    expect(() => fewestServers(5, 1, { kind: 'delayProbability', atMost: 0.5 }, 6)).toThrow(RangeError);
  });

  it('needs no servers when nobody arrives', () => {
    expect(fewestServers(0, 1, { kind: 'meanWait', atMost: 1 })).toBe(0);
  });
});

describe('SIPP, bank branch (models.md §6.4, V15)', () => {
  const rates = [30, 45, 60, 90, 120, 90, 60, 45]; // per hour
  const mu = 15; // E[S] = 4 min
  const target: StaffingTarget = { kind: 'serviceLevel', within: 5 / 60, atLeast: 0.8 };

  it('staffs N = (3, 4, 5, 7, 9, 7, 5, 4)', () => {
    expect(sipp(rates, mu, target)).toEqual([3, 4, 5, 7, 9, 7, 5, 4]);
  });

  it('achieves SL = (0.8727, 0.8540, 0.8412, 0.8241, 0.8128, 0.8241, 0.8412, 0.8540)', () => {
    const achieved = sipp(rates, mu, target).map((n, i) => serviceLevel(n, rates[i]!, mu, 5 / 60));
    const expected = [0.8727, 0.854, 0.8412, 0.8241, 0.8128, 0.8241, 0.8412, 0.854];
    achieved.forEach((sl, i) => expect(sl).toBeCloseTo(expected[i]!, 4));
  });

  it('uses 44 server-hours against 72 for peak staffing all day', () => {
    const plan = sipp(rates, mu, target);
    expect(serverTime(plan, 1)).toBe(44);
    expect(serverTime(rates.map(() => Math.max(...plan)), 1)).toBe(72);
  });

  it('coffee "3-minute standard" (λ = 60/h, E[S] = 1.5 min): SL(3 min) = 0.7635, 0.9882, 0.9995 for N = 2, 3, 4', () => {
    const perMinute = 1;
    const muCoffee = 1 / 1.5;
    expect(serviceLevel(2, perMinute, muCoffee, 3)).toBeCloseTo(0.7635, 4);
    expect(serviceLevel(3, perMinute, muCoffee, 3)).toBeCloseTo(0.9882, 4);
    expect(serviceLevel(4, perMinute, muCoffee, 3)).toBeCloseTo(0.9995, 4);
    expect(fewestServers(perMinute, muCoffee, { kind: 'serviceLevel', within: 3, atLeast: 0.8 })).toBe(3);
  });
});

describe('Lag-SIPP: staff period i for the average of λ over [start − E[S], end − E[S]]', () => {
  const rates = [30, 45, 60, 90, 120, 90, 60, 45];
  const target: StaffingTarget = { kind: 'serviceLevel', within: 5 / 60, atLeast: 0.8 };

  it('with E[S] = 4 min a falling period keeps part of the busier one before it', () => {
    // Period 5: 90 − (90 − 120)·4/60 = 92/h needs 8 servers, where SIPP gave 7.
    expect(lagSipp(rates, 1, 15, target)).toEqual([3, 4, 5, 7, 9, 8, 6, 4]);
  });

  it('a zero lag is plain SIPP, and a cyclic day takes the first period from the last', () => {
    expect(lagSipp(rates, 1, 15, target, { lag: 0 })).toEqual(sipp(rates, 15, target));
    const cyclic = lagSipp([200, 30], 1, 15, target, { lag: 0.5, before: 'cyclic' });
    expect(cyclic[0]).toBe(fewestServers(115, 15, target));
  });
});
