/**
 * Probability distributions of durations, in the scenario's time unit. Each is compiled once
 * into a stateless sampler; samples are non-negative and finite by construction, because
 * parameters are validated at the scenario boundary (see scenario/schema.ts).
 */
import type { DistributionSpec } from '../scenario/schema.js';
import type { RandomStream } from './streams.js';

/**
 * A distribution as the scenario schema defines it (scenario/schema.ts is its single source
 * of truth), in its object form; a bare number in a file is resolved to `deterministic`.
 */
export type Distribution = Exclude<DistributionSpec, number>;

export interface Sampler {
  sample(random: RandomStream): number;
}

/** The mean of a distribution (for checks now; for wait forecasts and quotes later). */
export function meanOf(d: Distribution): number {
  switch (d.dist) {
    case 'exponential':
    case 'erlang':
    case 'gamma':
    case 'lognormal':
      return d.mean;
    case 'deterministic':
      return d.value;
    case 'uniform':
      return (d.min + d.max) / 2;
    case 'triangular':
      return (d.min + d.mode + d.max) / 3;
    case 'empirical': {
      const weights = d.weights ?? d.values.map(() => 1);
      const total = weights.reduce((a, b) => a + b, 0);
      return d.values.reduce((sum, v, i) => sum + v * weights[i]!, 0) / total;
    }
  }
}

/** Second moment E[X^2] (used by the Pollaczek–Khinchine and Cobham formulas in tests). */
export function secondMomentOf(d: Distribution): number {
  const m = meanOf(d);
  switch (d.dist) {
    case 'exponential':
      return 2 * m * m;
    case 'deterministic':
      return m * m;
    case 'uniform':
      return (d.max - d.min) ** 2 / 12 + m * m;
    case 'triangular': {
      const { min: a, mode: c, max: b } = d;
      return (a * a + b * b + c * c - a * b - a * c - b * c) / 18 + m * m;
    }
    case 'erlang':
      return (m * m) / d.k + m * m;
    case 'gamma':
    case 'lognormal':
      return d.sd * d.sd + m * m;
    case 'empirical': {
      const weights = d.weights ?? d.values.map(() => 1);
      const total = weights.reduce((a, b) => a + b, 0);
      return d.values.reduce((sum, v, i) => sum + v * v * weights[i]!, 0) / total;
    }
  }
}

class Exponential implements Sampler {
  constructor(private readonly mean: number) {}
  sample(random: RandomStream): number {
    return -this.mean * Math.log(1 - random.next());
  }
}

class Deterministic implements Sampler {
  constructor(private readonly value: number) {}
  sample(): number {
    return this.value;
  }
}

class Uniform implements Sampler {
  constructor(
    private readonly min: number,
    private readonly max: number,
  ) {}
  sample(random: RandomStream): number {
    return this.min + (this.max - this.min) * random.next();
  }
}

class Triangular implements Sampler {
  private readonly split: number;
  constructor(
    private readonly min: number,
    private readonly mode: number,
    private readonly max: number,
  ) {
    this.split = max > min ? (mode - min) / (max - min) : 0;
  }
  sample(random: RandomStream): number {
    const u = random.next();
    const { min, mode, max } = this;
    return u < this.split
      ? min + Math.sqrt(u * (max - min) * (mode - min))
      : max - Math.sqrt((1 - u) * (max - min) * (max - mode));
  }
}

class Erlang implements Sampler {
  private readonly phaseMean: number;
  constructor(
    private readonly k: number,
    mean: number,
  ) {
    this.phaseMean = mean / k;
  }
  sample(random: RandomStream): number {
    let logSum = 0;
    for (let i = 0; i < this.k; i++) logSum += Math.log(1 - random.next());
    return -this.phaseMean * logSum;
  }
}

/** Standard normal by Box–Muller; stateless, so a sampler never mixes two streams. */
function standardNormal(random: RandomStream): number {
  const u = 1 - random.next(); // (0, 1]
  const v = random.next();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

/** A gamma's shape (mean/sd)² and scale sd²/mean; the schema refuses a pair for which either is not a finite number > 0. */
export function gammaShapeScale(mean: number, sd: number): { shape: number; scale: number } {
  return { shape: (mean * mean) / (sd * sd), scale: (sd * sd) / mean };
}

/** A lognormal's σ² = ln(1 + (sd/mean)²); the schema refuses a pair for which it is not a finite number. */
export function lognormalSigma2(mean: number, sd: number): number {
  return Math.log(1 + (sd * sd) / (mean * mean));
}

/** Gamma by Marsaglia & Tsang (2000), with the u^(1/shape) boost for shape < 1. */
class Gamma implements Sampler {
  private readonly shape: number;
  private readonly scale: number;
  private readonly d: number;
  private readonly c: number;
  constructor(mean: number, sd: number) {
    const { shape, scale } = gammaShapeScale(mean, sd);
    this.shape = shape;
    this.scale = scale;
    const a = this.shape < 1 ? this.shape + 1 : this.shape;
    this.d = a - 1 / 3;
    this.c = 1 / Math.sqrt(9 * this.d);
  }
  sample(random: RandomStream): number {
    const { d, c } = this;
    let x: number;
    for (;;) {
      const z = standardNormal(random);
      const v0 = 1 + c * z;
      if (v0 <= 0) continue;
      const v = v0 * v0 * v0;
      const u = 1 - random.next();
      if (Math.log(u) < 0.5 * z * z + d - d * v + d * Math.log(v)) {
        x = d * v;
        break;
      }
    }
    if (this.shape < 1) x *= Math.pow(1 - random.next(), 1 / this.shape);
    return x * this.scale;
  }
}

/** Lognormal given the mean and sd of the variable itself (not of its log). */
class Lognormal implements Sampler {
  private readonly mu: number;
  private readonly sigma: number;
  constructor(mean: number, sd: number) {
    const sigma2 = lognormalSigma2(mean, sd);
    this.sigma = Math.sqrt(sigma2);
    this.mu = Math.log(mean) - sigma2 / 2;
  }
  sample(random: RandomStream): number {
    return Math.exp(this.mu + this.sigma * standardNormal(random));
  }
}

class Empirical implements Sampler {
  private readonly values: Float64Array;
  private readonly cumulative: Float64Array;
  constructor(values: number[], weights: number[] | undefined) {
    this.values = Float64Array.from(values);
    this.cumulative = new Float64Array(values.length);
    let total = 0;
    for (let i = 0; i < values.length; i++) {
      total += weights ? weights[i]! : 1;
      this.cumulative[i] = total;
    }
    for (let i = 0; i < values.length; i++) this.cumulative[i]! /= total;
  }
  sample(random: RandomStream): number {
    const u = random.next();
    const cumulative = this.cumulative;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (u < cumulative[mid]!) hi = mid;
      else lo = mid + 1;
    }
    return this.values[lo]!;
  }
}

export function samplerFor(d: Distribution): Sampler {
  switch (d.dist) {
    case 'exponential':
      return new Exponential(d.mean);
    case 'deterministic':
      return new Deterministic(d.value);
    case 'uniform':
      return new Uniform(d.min, d.max);
    case 'triangular':
      return new Triangular(d.min, d.mode, d.max);
    case 'erlang':
      return new Erlang(d.k, d.mean);
    case 'gamma':
      return new Gamma(d.mean, d.sd);
    case 'lognormal':
      return new Lognormal(d.mean, d.sd);
    case 'empirical':
      return new Empirical(d.values, d.weights);
  }
}
