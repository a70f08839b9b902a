import { describe, expect, it } from 'vitest';
import { meanOf, samplerFor, secondMomentOf, type Distribution } from '../../src/random/distributions.js';
import { createStream } from '../../src/random/streams.js';

const N = 200_000;

/** Draws n samples; checks each is finite and >= 0 on the way. */
function draws(d: Distribution, n = N, source = JSON.stringify(d)): Float64Array {
  const sampler = samplerFor(d);
  const stream = createStream(2024, 0, source);
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const x = sampler.sample(stream);
    if (!Number.isFinite(x) || x < 0) throw new Error(`bad sample ${x} from ${JSON.stringify(d)}`);
    out[i] = x;
  }
  return out;
}

function moments(xs: Float64Array): { mean: number; variance: number; m2: number; m4: number } {
  let sum = 0;
  for (const x of xs) sum += x;
  const mean = sum / xs.length;
  let ss = 0;
  let m2 = 0;
  let m4 = 0;
  for (const x of xs) {
    ss += (x - mean) ** 2;
    m2 += x * x;
    m4 += x ** 4;
  }
  return { mean, variance: ss / (xs.length - 1), m2: m2 / xs.length, m4: m4 / xs.length };
}

const cases: { name: string; d: Distribution; fourthMoment: number }[] = [
  // fourthMoment: E[X^4], for the standard error of the sample second moment.
  { name: 'exponential', d: { dist: 'exponential', mean: 4 }, fourthMoment: 24 * 4 ** 4 },
  { name: 'uniform', d: { dist: 'uniform', min: 2, max: 10 }, fourthMoment: (10 ** 5 - 2 ** 5) / (5 * 8) },
  { name: 'triangular (asymmetric)', d: { dist: 'triangular', min: 1, mode: 2, max: 9 }, fourthMoment: NaN },
  { name: 'triangular (mode at min)', d: { dist: 'triangular', min: 0, mode: 0, max: 6 }, fourthMoment: NaN },
  { name: 'triangular (mode at max)', d: { dist: 'triangular', min: 3, mode: 6, max: 6 }, fourthMoment: NaN },
  { name: 'erlang k=3', d: { dist: 'erlang', k: 3, mean: 6 }, fourthMoment: gammaMoment(3, 2, 4) },
  { name: 'erlang k=1', d: { dist: 'erlang', k: 1, mean: 2 }, fourthMoment: gammaMoment(1, 2, 4) },
  { name: 'gamma shape 4', d: { dist: 'gamma', mean: 8, sd: 4 }, fourthMoment: gammaMoment(4, 2, 4) },
  { name: 'gamma shape 1', d: { dist: 'gamma', mean: 3, sd: 3 }, fourthMoment: gammaMoment(1, 3, 4) },
  { name: 'gamma shape 0.25 (< 1)', d: { dist: 'gamma', mean: 2, sd: 4 }, fourthMoment: gammaMoment(0.25, 8, 4) },
  { name: 'lognormal', d: { dist: 'lognormal', mean: 6, sd: 3 }, fourthMoment: lognormalMoment(6, 3, 4) },
  {
    name: 'empirical with weights',
    d: { dist: 'empirical', values: [1, 2, 5, 10], weights: [4, 3, 2, 1] },
    fourthMoment: (4 * 1 + 3 * 16 + 2 * 625 + 1 * 10_000) / 10,
  },
  { name: 'empirical without weights', d: { dist: 'empirical', values: [0, 3, 7] }, fourthMoment: (0 + 81 + 2401) / 3 },
];

/** E[X^r] of a gamma(shape, scale). */
function gammaMoment(shape: number, scale: number, r: number): number {
  let m = 1;
  for (let i = 0; i < r; i++) m *= (shape + i) * scale;
  return m;
}

/** E[X^r] of a lognormal with the given mean and sd of the variable itself. */
function lognormalMoment(mean: number, sd: number, r: number): number {
  const sigma2 = Math.log(1 + (sd * sd) / (mean * mean));
  const mu = Math.log(mean) - sigma2 / 2;
  return Math.exp(r * mu + (r * r * sigma2) / 2);
}

/** E[X^4] of a triangular(a, c, b), by numeric integration of its density. */
function triangularFourthMoment(a: number, c: number, b: number): number {
  const steps = 200_000;
  const h = (b - a) / steps;
  let sum = 0;
  for (let i = 0; i < steps; i++) {
    const x = a + (i + 0.5) * h;
    const density = x < c ? (2 * (x - a)) / ((b - a) * (c - a)) : (2 * (b - x)) / ((b - a) * (b - c));
    sum += x ** 4 * density * h;
  }
  return sum;
}

describe('distributions: sample moments match meanOf and secondMomentOf (4 standard errors)', () => {
  for (const { name, d, fourthMoment } of cases) {
    it(`${name}: mean and second moment; all samples finite and >= 0`, () => {
      const xs = draws(d);
      const { mean, m2 } = moments(xs);
      const theoryMean = meanOf(d);
      const theorySecond = secondMomentOf(d);
      const variance = theorySecond - theoryMean ** 2;
      const m4 =
        d.dist === 'triangular' ? triangularFourthMoment(d.min, d.mode, d.max) : fourthMoment;
      expect(Math.abs(mean - theoryMean)).toBeLessThan(4 * Math.sqrt(variance / N) + 1e-12);
      // Var(X^2) = E[X^4] - E[X^2]^2: the standard error of the sample second moment.
      expect(Math.abs(m2 - theorySecond)).toBeLessThan(4 * Math.sqrt((m4 - theorySecond ** 2) / N) + 1e-12);
    });
  }

  it('the sample variance matches the theoretical variance for gamma with shape < 1', () => {
    const d: Distribution = { dist: 'gamma', mean: 1, sd: 2 }; // shape 0.25
    const { variance } = moments(draws(d));
    // sd of the sample variance ~ sqrt((mu4 - sigma^4) / n); mu4 = sigma^4 (3 + 6/shape)
    const sigma2 = 4;
    const mu4 = sigma2 ** 2 * (3 + 6 / 0.25);
    expect(Math.abs(variance - sigma2)).toBeLessThan(4 * Math.sqrt((mu4 - sigma2 ** 2) / N));
  });
});

describe('distributions: values and shapes', () => {
  it('deterministic always returns its value', () => {
    const xs = draws({ dist: 'deterministic', value: 3.5 }, 1000);
    expect(new Set(xs)).toEqual(new Set([3.5]));
    expect(meanOf({ dist: 'deterministic', value: 3.5 })).toBe(3.5);
    expect(secondMomentOf({ dist: 'deterministic', value: 3.5 })).toBe(12.25);
  });

  it('uniform stays within [min, max]', () => {
    const xs = draws({ dist: 'uniform', min: 2, max: 3 }, 50_000);
    for (const x of xs) expect(x >= 2 && x <= 3).toBe(true);
  });

  it('triangular stays within [min, max]', () => {
    const xs = draws({ dist: 'triangular', min: 1, mode: 4, max: 5 }, 50_000);
    for (const x of xs) expect(x >= 1 && x <= 5).toBe(true);
  });

  it('a degenerate triangular (min = mode = max) returns that value', () => {
    const xs = draws({ dist: 'triangular', min: 2, mode: 2, max: 2 }, 1000);
    expect(new Set(xs)).toEqual(new Set([2]));
  });

  it('a degenerate uniform (min = max) returns that value', () => {
    const xs = draws({ dist: 'uniform', min: 4, max: 4 }, 1000);
    expect(new Set(xs)).toEqual(new Set([4]));
  });

  it('empirical returns only listed values, in proportion to their weights', () => {
    const values = [1, 2, 5, 10];
    const weights = [4, 3, 2, 1];
    const xs = draws({ dist: 'empirical', values, weights });
    const counts = new Map<number, number>();
    for (const x of xs) counts.set(x, (counts.get(x) ?? 0) + 1);
    expect([...counts.keys()].sort((a, b) => a - b)).toEqual(values);
    values.forEach((v, i) => {
      const p = weights[i]! / 10;
      expect(Math.abs(counts.get(v)! / N - p)).toBeLessThan(4 * Math.sqrt((p * (1 - p)) / N));
    });
  });

  it('empirical never returns a value of weight 0', () => {
    const xs = draws({ dist: 'empirical', values: [1, 2, 3, 4], weights: [0, 1, 0, 1] }, 50_000);
    expect(new Set(xs)).toEqual(new Set([2, 4]));
  });

  it('empirical with a single value always returns it', () => {
    const xs = draws({ dist: 'empirical', values: [7] }, 1000);
    expect(new Set(xs)).toEqual(new Set([7]));
  });

  it('exponential is memoryless: P(X > 2m | X > m) = P(X > m) = e^-1', () => {
    const m = 3;
    const xs = draws({ dist: 'exponential', mean: m });
    const beyondM = xs.filter((x) => x > m).length;
    const beyond2M = xs.filter((x) => x > 2 * m).length;
    const p = Math.exp(-1);
    expect(Math.abs(beyondM / N - p)).toBeLessThan(4 * Math.sqrt((p * (1 - p)) / N));
    expect(Math.abs(beyond2M / beyondM - p)).toBeLessThan(4 * Math.sqrt((p * (1 - p)) / beyondM));
  });

  it('lognormal has the median exp(mu) implied by its mean and sd', () => {
    const mean = 6;
    const sd = 3;
    const sigma2 = Math.log(1 + (sd * sd) / (mean * mean));
    const median = Math.exp(Math.log(mean) - sigma2 / 2);
    const xs = draws({ dist: 'lognormal', mean, sd });
    const below = xs.filter((x) => x < median).length;
    expect(Math.abs(below / N - 0.5)).toBeLessThan(4 * Math.sqrt(0.25 / N));
  });

  it('gamma with a very small shape stays finite and non-negative', () => {
    draws({ dist: 'gamma', mean: 1, sd: 20 }, 50_000); // shape 0.0025: throws on a bad sample
  });

  it('the same stream gives the same samples (a sampler holds no hidden state)', () => {
    const d: Distribution = { dist: 'gamma', mean: 2, sd: 3 };
    expect(draws(d, 1000, 'same')).toEqual(draws(d, 1000, 'same'));
  });
});
