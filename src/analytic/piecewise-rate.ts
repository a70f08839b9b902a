/**
 * A piecewise-constant arrival rate on a grid of equal periods: rates[i] holds on
 * [i·L, (i+1)·L). Outside the grid the rate is extended either cyclically (the day
 * repeats) or by constants: `before` before the start [A], the last rate after the end.
 */
import { requireNonNegative } from './checks.js';

/** How the rate continues before the first period: a constant, or 'cyclic'. */
export type RateBeforeStart = number | 'cyclic';

function rateOfPeriod(rates: readonly number[], index: number, before: RateBeforeStart): number {
  const n = rates.length;
  if (before === 'cyclic') return rates[((index % n) + n) % n]!;
  if (index < 0) return before;
  return rates[Math.min(index, n - 1)]!;
}

/** ∫ λ(u) du over [from, to] for the extended piecewise-constant rate. */
export function integrateRate(
  rates: readonly number[],
  periodLength: number,
  from: number,
  to: number,
  before: RateBeforeStart,
): number {
  let total = 0;
  const first = Math.floor(from / periodLength);
  const last = Math.ceil(to / periodLength) - 1;
  for (let k = first; k <= last; k++) {
    const overlap = Math.min(to, (k + 1) * periodLength) - Math.max(from, k * periodLength);
    if (overlap > 0) total += overlap * rateOfPeriod(rates, k, before);
  }
  return total;
}

/**
 * The time-average of λ over each period moved by `shift`: entry i averages
 * [i·L + shift, (i+1)·L + shift]. A negative shift looks back in time (Lag-SIPP uses
 * shift = −E[S], so a period is staffed for the demand that arrived one service time earlier).
 */
export function averageRates(
  rates: readonly number[],
  periodLength: number,
  shift: number,
  before: RateBeforeStart = rates[0] ?? 0,
): number[] {
  requireNonNegative('period length', periodLength, false);
  rates.forEach((rate) => requireNonNegative('arrival rate', rate));
  return rates.map(
    (_, i) => integrateRate(rates, periodLength, i * periodLength + shift, (i + 1) * periodLength + shift, before) / periodLength,
  );
}
