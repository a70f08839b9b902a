import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { QuantileSketch, approxLog2, quantileRelativeAccuracy } from '../../src/metrics/quantiles.js';
import { createStream } from '../../src/random/streams.js';
import { samplerFor, type Distribution } from '../../src/random/distributions.js';

const QS = [0, 0.01, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95, 0.99, 0.999, 1];

/** The sketch's convention: the lower order statistic at rank floor(q (n - 1)). */
function exactQuantile(sorted: Float64Array, q: number): number {
  return sorted[Math.floor(q * (sorted.length - 1))]!;
}

function sample(d: Distribution, n: number, source: string): Float64Array {
  const sampler = samplerFor(d);
  const stream = createStream(99, 0, source);
  return Float64Array.from({ length: n }, () => sampler.sample(stream));
}

function expectWithinOnePercent(values: Float64Array): void {
  const sketch = new QuantileSketch();
  for (const v of values) sketch.add(v);
  const sorted = Float64Array.from(values).sort();
  for (const q of QS) {
    const exact = exactQuantile(sorted, q);
    const estimate = sketch.quantile(q);
    if (exact === 0) expect(estimate, `q=${q}`).toBe(0);
    else expect(Math.abs(estimate - exact) / exact, `q=${q}: ${estimate} vs ${exact}`).toBeLessThanOrEqual(0.01);
  }
}

describe('approxLog2 (the bucket mapping)', () => {
  // The mapping as first written: the mantissa made by writing the exponent bits of 1 into the float.
  const words = new Uint32Array(2);
  const float = new Float64Array(words.buffer);
  const high = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 1 : 0;
  const cubic = (m: number) => (((6 / 35) * m - 3 / 5) * m + 10 / 7) * m;
  function byBits(x: number): number {
    float[0] = x;
    const exponent = ((words[high]! >>> 20) & 0x7ff) - 1023;
    words[high] = (words[high]! & 0x000fffff) | 0x3ff00000;
    return exponent + cubic(float[0]! - 1);
  }

  it('scales the mantissa out exactly: the same number as setting its bits, for every exponent a wait can have', () => {
    const stream = createStream(7, 0, 'approxLog2');
    for (let i = 0; i < 200_000; i++) {
      const x = 2 ** (-30 + 70 * stream.next()) * (1 + stream.next()); // 1e-9 .. 1e21
      expect(approxLog2(x)).toBe(byBits(x));
    }
    for (let e = -1022; e <= 1023; e++) for (const x of [2 ** e, 2 ** e * 1.5, 2 ** e * (2 - 2 ** -52)]) expect(approxLog2(x), `${x}`).toBe(byBits(x));
  });

  it('puts Infinity and NaN in the top bucket, with every value past the largest', () => {
    const top = QuantileSketch.bucketOf(1e13);
    expect([QuantileSketch.bucketOf(Infinity), QuantileSketch.bucketOf(NaN), QuantileSketch.bucketOf(Number.MAX_VALUE)]).toEqual([top, top, top]);
  });
});

describe('QuantileSketch', () => {
  it('is within 1% relative of the exact sample quantile for 100k exponential values', () => {
    expectWithinOnePercent(sample({ dist: 'exponential', mean: 5 }, 100_000, 'exp'));
  });

  it('is within 1% relative of the exact sample quantile for 100k lognormal values', () => {
    expectWithinOnePercent(sample({ dist: 'lognormal', mean: 3, sd: 10 }, 100_000, 'lognormal'));
  });

  it('is within 1% relative for 100k values mixed with zeros (customers served at once)', () => {
    const values = sample({ dist: 'exponential', mean: 2 }, 100_000, 'mixed');
    const coin = createStream(99, 0, 'mixed-coin');
    for (let i = 0; i < values.length; i++) if (coin.next() < 0.6) values[i] = 0;
    expectWithinOnePercent(values);
  });

  it('is within its stated relative accuracy on values spanning many orders of magnitude', () => {
    const values = Float64Array.from({ length: 10_000 }, (_, i) => 10 ** (-6 + (12 * i) / 9_999));
    const sketch = new QuantileSketch();
    for (const v of values) sketch.add(v);
    for (const q of QS) {
      const exact = exactQuantile(values, q);
      expect(Math.abs(sketch.quantile(q) - exact) / exact).toBeLessThanOrEqual(quantileRelativeAccuracy * (1 + 1e-9));
    }
  });

  it('answers any single value to within the stated accuracy (fine grid over 1e-6 .. 1e9)', () => {
    let worst = 0;
    for (let k = 0; k <= 40_000; k++) {
      const value = 1e-6 * Math.pow(10, (15 * k) / 40_000) * (1 + 1e-7 * (k % 7));
      const sketch = new QuantileSketch();
      sketch.add(value);
      worst = Math.max(worst, Math.abs(sketch.quantile(0.5) - value) / value);
    }
    expect(worst).toBeLessThanOrEqual(quantileRelativeAccuracy * (1 + 1e-9));
    expect(worst).toBeGreaterThan(quantileRelativeAccuracy * 0.9); // the bound is tight, not loose
  });

  it('counts zeros exactly: a quantile that falls among the zeros is 0', () => {
    const sketch = new QuantileSketch();
    for (let i = 0; i < 90; i++) sketch.add(0);
    for (let i = 0; i < 10; i++) sketch.add(5);
    expect(sketch.quantile(0.5)).toBe(0);
    expect(sketch.quantile(0.89)).toBe(0);
    expect(Math.abs(sketch.quantile(0.95) - 5) / 5).toBeLessThanOrEqual(0.01);
  });

  it('a single value is every quantile', () => {
    const sketch = new QuantileSketch();
    sketch.add(12.5);
    for (const q of QS) expect(Math.abs(sketch.quantile(q) - 12.5) / 12.5).toBeLessThanOrEqual(0.01);
  });

  it('is monotone in q', () => {
    const sketch = new QuantileSketch();
    for (const v of sample({ dist: 'gamma', mean: 3, sd: 5 }, 20_000, 'monotone')) sketch.add(v);
    let last = -Infinity;
    for (let q = 0; q <= 1; q += 0.005) {
      const value = sketch.quantile(q);
      expect(value).toBeGreaterThanOrEqual(last);
      last = value;
    }
  });

  it('handles 1e6 adds in constant memory and stays accurate', () => {
    const sketch = new QuantileSketch();
    const stream = createStream(1, 0, 'million');
    for (let i = 0; i < 1_000_000; i++) sketch.add(-Math.log(1 - stream.next()));
    expect(sketch.count).toBe(1_000_000);
    // Exponential(1) median: ln 2; with 1e6 values the sample median is within ~0.3% of it.
    expect(Math.abs(sketch.quantile(0.5) - Math.LN2) / Math.LN2).toBeLessThan(0.01);
  });

  it('answers the largest value for q above 1, listing or counting', () => {
    for (const n of [10, 1000]) {
      const sketch = new QuantileSketch();
      for (let i = 1; i <= n; i++) sketch.add(i);
      expect(Math.abs(sketch.quantile(1) - n) / n, `${n} values`).toBeLessThanOrEqual(quantileRelativeAccuracy + 1e-12);
      expect(sketch.quantile(1.5), `${n} values`).toBe(sketch.quantile(1));
    }
  });

  it('is NaN when empty', () => {
    const sketch = new QuantileSketch();
    expect(sketch.count).toBe(0);
    expect(sketch.quantile(0.5)).toBeNaN();
    expect(sketch.quantile(0)).toBeNaN();
    expect(sketch.quantile(1)).toBeNaN();
  });

  it('answers the bucket of the exact order statistic, listing or counting, however sketches merge', () => {
    // A sketch lists its first 256 values and counts by bucket after; merging crosses both ways.
    const value = fc.oneof(fc.constant(0), fc.double({ min: 1e-8, max: 1e6, noNaN: true }));
    fc.assert(
      fc.property(fc.array(fc.array(value, { maxLength: 400, size: 'max' }), { minLength: 1, maxLength: 4 }), (parts) => {
        const merged = new QuantileSketch();
        for (const part of parts) {
          const sketch = new QuantileSketch();
          for (const v of part) sketch.add(v);
          merged.merge(sketch);
        }
        const all = Float64Array.from(parts.flat()).sort();
        expect(merged.count).toBe(all.length);
        for (const q of QS) {
          if (all.length === 0) {
            expect(merged.quantile(q)).toBeNaN();
            continue;
          }
          const single = new QuantileSketch();
          single.add(exactQuantile(all, q)); // the order statistic's bucket, as the sketch reports it
          expect(merged.quantile(q), `q=${q}`).toBe(single.quantile(0.5));
        }
      }),
      { numRuns: 200, seed: 20261129 },
    );
  });
});

