import { describe, expect, it } from 'vitest';
import { ArrivalProcess } from '../../src/model/arrivals.js';
import type { Period } from '../../src/model/model.js';
import { createStream } from '../../src/random/streams.js';

function periodsFrom(starts: number[], horizon: number): Period[] {
  return starts.map((start, i) => ({ name: `p${i}`, start, end: starts[i + 1] ?? horizon }));
}

/** All arrival times of one realisation over the horizon. */
function realise(process: ArrivalProcess): number[] {
  const times: number[] = [];
  for (let t = process.next(0); t !== Infinity; t = process.next(t)) times.push(t);
  return times;
}

describe('ArrivalProcess (piecewise-constant Poisson)', () => {
  const periods = periodsFrom([0, 10, 15, 30], 40);
  const rates = [0.5, 3, 0, 1.2];

  it('counts per period match rate × length (Poisson, 4 standard errors)', () => {
    const runs = 2000;
    const counts = [0, 0, 0, 0];
    for (let r = 0; r < runs; r++) {
      const process = new ArrivalProcess(periods, rates, createStream(1, r, 'arrivals/x'));
      for (const t of realise(process)) {
        const p = periods.findIndex((period) => t >= period.start && t < period.end);
        counts[p]!++;
      }
    }
    periods.forEach((period, p) => {
      const expected = rates[p]! * (period.end - period.start) * runs;
      // Poisson: variance = mean
      expect(Math.abs(counts[p]! - expected), `period ${p}`).toBeLessThanOrEqual(4 * Math.sqrt(expected));
    });
  });

  it('a period with rate 0 gets no arrivals', () => {
    for (let r = 0; r < 500; r++) {
      const process = new ArrivalProcess(periods, rates, createStream(2, r, 'arrivals/x'));
      for (const t of realise(process)) expect(t >= 15 && t < 30).toBe(false);
    }
  });

  it('with rates (0, then r) nobody arrives before the boundary, and the first arrival after it is Exp(r) from the boundary', () => {
    const boundary = 7;
    const twoPeriods = periodsFrom([0, boundary], 1e9);
    const rate = 0.25;
    const runs = 20_000;
    let sum = 0;
    for (let r = 0; r < runs; r++) {
      const first = new ArrivalProcess(twoPeriods, [0, rate], createStream(3, r, 'arrivals/x')).next(0);
      expect(first).toBeGreaterThanOrEqual(boundary);
      sum += first - boundary;
    }
    // Exp(rate): mean 1/rate, sd 1/rate
    expect(Math.abs(sum / runs - 1 / rate)).toBeLessThan((4 / rate) / Math.sqrt(runs));
  });

  it('a rate change takes effect exactly at the boundary (gaps straddling it use both rates)', () => {
    // Rate 1 on [0, 5), rate 100 after: the first arrival after time 4.9 is almost always
    // within a few hundredths after 5 when it did not come before 5.
    const twoPeriods = periodsFrom([0, 5], 1e9);
    let late = 0;
    let crossed = 0;
    for (let r = 0; r < 5000; r++) {
      const t = new ArrivalProcess(twoPeriods, [1, 100], createStream(4, r, 'arrivals/x')).next(4.9);
      if (t >= 5) {
        crossed++;
        if (t > 5.1) late++;
      }
    }
    // P(t > 5.1 | t >= 5) = e^{-100 × 0.1} ≈ 4.5e-5
    expect(crossed).toBeGreaterThan(4000);
    expect(late).toBeLessThanOrEqual(2);
  });

  it('gaps within one period are exponential with mean 1/rate', () => {
    const one = periodsFrom([0], 1e9);
    const process = new ArrivalProcess(one, [2], createStream(5, 0, 'arrivals/x'));
    const n = 50_000;
    let t = 0;
    let sumGaps = 0;
    let sumSquares = 0;
    for (let i = 0; i < n; i++) {
      const next = process.next(t);
      const gap = next - t;
      expect(gap).toBeGreaterThanOrEqual(0);
      sumGaps += gap;
      sumSquares += gap * gap;
      t = next;
    }
    const mean = sumGaps / n;
    expect(Math.abs(mean - 0.5)).toBeLessThan(4 * 0.5 / Math.sqrt(n));
    // E[gap^2] = 2 / rate^2 = 0.5; Var(gap^2) = 24/rate^4 - 0.25 = 1.25
    expect(Math.abs(sumSquares / n - 0.5)).toBeLessThan(4 * Math.sqrt(1.25 / n));
  });

  it('returns Infinity when no arrival comes before the horizon', () => {
    const process = new ArrivalProcess(periodsFrom([0, 10], 20), [1, 0], createStream(6, 0, 'arrivals/x'));
    expect(process.next(10)).toBe(Infinity);
    expect(process.next(15)).toBe(Infinity);
    const none = new ArrivalProcess(periodsFrom([0], 20), [0], createStream(6, 0, 'arrivals/x'));
    expect(none.next(0)).toBe(Infinity);
  });

  it('every arrival is after the time asked and before the horizon', () => {
    for (let r = 0; r < 200; r++) {
      const process = new ArrivalProcess(periods, rates, createStream(7, r, 'arrivals/x'));
      let last = 0;
      for (const t of realise(process)) {
        expect(t).toBeGreaterThanOrEqual(last);
        expect(t).toBeLessThan(40);
        last = t;
      }
    }
  });
});
