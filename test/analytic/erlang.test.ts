import { describe, expect, it } from 'vitest';
import { erlangB, erlangC, mmcQueueMean, mmcWaitExceeds, mmcWaitMean, serviceLevel } from '../../src/analytic/erlang.js';

describe('Erlang B (models.md §6.2, V2)', () => {
  const cases: [number, number, number][] = [
    [10, 10, 0.214582],
    [12, 10, 0.119739],
    [5, 3, 0.110054],
    // Restaurant without a waiting area: 16 parties/h × 45 min ⇒ A = 12.
    [12, 12, 0.198567],
    [15, 12, 0.085729],
    [18, 12, 0.026543],
  ];
  for (const [c, load, value] of cases) {
    it(`B(${c}, ${load}) = ${value}`, () => expect(erlangB(c, load)).toBeCloseTo(value, 6));
  }

  it('B(0, A) = 1 and B(1, A) = A/(1 + A)', () => {
    expect(erlangB(0, 3)).toBe(1);
    expect(erlangB(1, 3)).toBeCloseTo(0.75, 15);
  });

  it('stays finite and tiny for thousands of servers (no factorials)', () => {
    const b = erlangB(5000, 4000);
    expect(b).toBeGreaterThan(0);
    expect(b).toBeLessThan(1e-20);
  });
});

describe('Erlang C (models.md §6.1, V3)', () => {
  const cases: [number, number, number][] = [
    [2, 1, 1 / 3],
    [5, 3, 0.236152],
    [11, 10, 0.682118],
    [12, 10, 0.449388],
    [15, 10, 0.102042],
  ];
  for (const [c, load, value] of cases) {
    it(`C(${c}, ${load}) = ${value.toFixed(6)}`, () => expect(erlangC(c, load)).toBeCloseTo(value, 6));
  }

  it('is 1 when the load reaches the number of servers (unstable)', () => {
    expect(erlangC(10, 10)).toBe(1);
    expect(mmcWaitMean(10, 10, 1)).toBe(Infinity);
    expect(mmcWaitExceeds(10, 12, 1, 5)).toBe(1);
  });
});

describe('M/M/c waits', () => {
  it('M/M/1, λ = 0.8, μ = 1 (V1): Wq = 4, Lq = 3.2, P(Wq > 2) = 0.536256', () => {
    expect(mmcWaitMean(1, 0.8, 1)).toBeCloseTo(4, 12);
    expect(mmcQueueMean(1, 0.8, 1)).toBeCloseTo(3.2, 12);
    expect(mmcWaitExceeds(1, 0.8, 1, 2)).toBeCloseTo(0.536256, 6);
  });

  describe('call centre λ = 100/h, E[S] = 6 min, SL at 20 s (V3b)', () => {
    const perHour = 100;
    const mu = 10;
    const t = 20 / 3600;
    it('N = 12: E[Wq] = 0.022469 h (80.9 s), Lq = 2.24694, SL = 0.597870', () => {
      expect(mmcWaitMean(12, perHour, mu)).toBeCloseTo(0.022469, 6);
      expect(mmcWaitMean(12, perHour, mu) * 3600).toBeCloseTo(80.9, 1);
      expect(mmcQueueMean(12, perHour, mu)).toBeCloseTo(2.24694, 5);
      expect(serviceLevel(12, perHour, mu, t)).toBeCloseTo(0.59787, 6);
    });
    it('N = 13: SL = 0.758524, E[Wq] = 34.2 s', () => {
      expect(serviceLevel(13, perHour, mu, t)).toBeCloseTo(0.758524, 6);
      expect(mmcWaitMean(13, perHour, mu) * 3600).toBeCloseTo(34.2, 1);
    });
    it('N = 14: SL = 0.860566, E[Wq] = 15.7 s', () => {
      expect(serviceLevel(14, perHour, mu, t)).toBeCloseTo(0.860566, 6);
      expect(mmcWaitMean(14, perHour, mu) * 3600).toBeCloseTo(15.7, 1);
    });
  });

  it('pooling (V4): 2 × M/M/1 wait 4.0; one M/M/2 line: C = 0.711111, Wq = 1.777778, Lq = 2.844444', () => {
    expect(mmcWaitMean(1, 0.8, 1)).toBeCloseTo(4.0, 6);
    expect(erlangC(2, 1.6)).toBeCloseTo(0.711111, 6);
    expect(mmcWaitMean(2, 1.6, 1)).toBeCloseTo(1.777778, 6);
    expect(mmcQueueMean(2, 1.6, 1)).toBeCloseTo(2.844444, 6);
  });

  it('SL(0) = 1 − C and SL grows with t', () => {
    expect(serviceLevel(5, 3, 1, 0)).toBeCloseTo(1 - erlangC(5, 3), 15);
    expect(serviceLevel(5, 3, 1, 1)).toBeGreaterThan(serviceLevel(5, 3, 1, 0.5));
  });

  it('nobody waits when nobody arrives', () => {
    expect(mmcWaitMean(3, 0, 1)).toBe(0);
    expect(mmcQueueMean(3, 0, 1)).toBe(0);
  });

  it('rejects fractional servers and negative loads', () => {
    expect(() => erlangB(2.5, 1)).toThrow(RangeError);
    expect(() => erlangC(2, -1)).toThrow(RangeError);
    expect(() => mmcWaitMean(2, 1, 0)).toThrow(RangeError);
  });
});
