/**
 * Punctuality: when a booked customer who comes arrives, relative to the booked time
 * (negative = early). Drawn by inversion from exactly one uniform number per booking, so a
 * booking's offset stays the same whatever the other parameters (common random numbers).
 */
import { normalQuantile } from '../random/normal-quantile.js';
import type { PunctualitySpec } from './keys.js';

/** The offset for a uniform number u in [0, 1). */
export type OffsetOf = (u: number) => number;

export function punctualityQuantile(spec: PunctualitySpec): OffsetOf {
  if (typeof spec === 'number') return () => spec;
  switch (spec.dist) {
    case 'normal': {
      const { mean, sd } = spec;
      // u = 0 would be −∞: the smallest positive double instead.
      return (u) => mean + sd * normalQuantile(Math.max(u, Number.MIN_VALUE));
    }
    case 'uniform': {
      const { min, max } = spec;
      return (u) => min + (max - min) * u;
    }
    case 'empirical': {
      const weights = spec.weights ?? spec.values.map(() => 1);
      const total = weights.reduce((a, b) => a + b, 0);
      const cumulative: number[] = [];
      let sum = 0;
      for (const w of weights) cumulative.push((sum += w) / total);
      const values = spec.values;
      return (u) => {
        let i = 0;
        while (i < values.length - 1 && u >= cumulative[i]!) i++;
        return values[i]!;
      };
    }
  }
}
