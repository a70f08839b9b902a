/**
 * Staffing rules (models.md §6.3–6.4): the Halfin–Whitt delay function, square-root
 * staffing, the fewest servers that meet a service target, and SIPP / Lag-SIPP staffing
 * of a piecewise-constant arrival rate.
 *
 * Rates and times share one unit chosen by the caller (e.g. per hour and hours).
 */
import { requireNonNegative, requireWholeNumber } from './checks.js';
import { erlangA } from './erlang-a.js';
import { erlangC, mmcWaitMean, serviceLevel } from './erlang.js';
import { normalCdf, normalPdf } from './normal.js';
import { averageRates } from './piecewise-rate.js';

/**
 * Halfin–Whitt (1981) [M]: with N = R + β√R servers, P(W>0) → α(β) = [1 + β·Φ(β)/φ(β)]^(−1)
 * as R grows (§6.3). Defined for β > 0; α(0) = 1.
 */
export function halfinWhittAlpha(beta: number): number {
  requireNonNegative('beta', beta);
  return 1 / (1 + (beta * normalCdf(beta)) / normalPdf(beta));
}

/** The β > 0 with halfinWhittAlpha(β) = α, for a delay-probability target α in (0, 1). */
export function halfinWhittBeta(alpha: number): number {
  if (!(alpha > 0 && alpha < 1)) throw new RangeError(`alpha must be in (0, 1), got ${alpha}`);
  // α(β) falls from 1 at β = 0 towards 0; bisection on a bracket that surely holds the root.
  let low = 0;
  let high = 1;
  while (halfinWhittAlpha(high) > alpha) high *= 2;
  for (let i = 0; i < 200 && high - low > 1e-15 * high; i++) {
    const middle = (low + high) / 2;
    if (halfinWhittAlpha(middle) > alpha) low = middle;
    else high = middle;
  }
  return (low + high) / 2;
}

/**
 * Square-root staffing N = ⌈R + β√R⌉ (§6.3), R = offered load. A relative slack of 1e-9
 * keeps an exact whole-number result (R = 100, β = 1 ⇒ 110) from rounding up on noise.
 */
export function squareRootStaffing(offeredLoad: number, beta: number): number {
  requireNonNegative('offered load', offeredLoad);
  const exact = offeredLoad + beta * Math.sqrt(offeredLoad);
  return Math.max(0, Math.ceil(exact - 1e-9 * Math.max(1, exact)));
}

/** A service target that a number of servers either meets or not. */
export type StaffingTarget =
  /** M/M/c (Erlang C): P(Wq ≤ within) ≥ atLeast, e.g. 80% within 20 s. */
  | { kind: 'serviceLevel'; within: number; atLeast: number }
  /** M/M/c (Erlang C): E[Wq] ≤ atMost. */
  | { kind: 'meanWait'; atMost: number }
  /** M/M/c (Erlang C): P(W > 0) ≤ atMost. */
  | { kind: 'delayProbability'; atMost: number }
  /** Erlang-A with patience rate θ = patienceRate: P(Ab) ≤ atMost. */
  | { kind: 'abandonment'; patienceRate: number; atMost: number };

/** The value of the target's measure with c servers (the achieved service level, mean wait, ...). */
export function achievedMeasure(target: StaffingTarget, c: number, arrivalRate: number, serviceRate: number): number {
  switch (target.kind) {
    case 'serviceLevel':
      return serviceLevel(c, arrivalRate, serviceRate, target.within);
    case 'meanWait':
      return mmcWaitMean(c, arrivalRate, serviceRate);
    case 'delayProbability':
      return erlangC(c, arrivalRate / serviceRate);
    case 'abandonment':
      return c === 0 ? 1 : erlangA(arrivalRate, serviceRate, c, target.patienceRate).pAbandon;
  }
}

/** Whether c servers meet the target at arrival rate λ and service rate μ. */
export function meetsTarget(target: StaffingTarget, c: number, arrivalRate: number, serviceRate: number): boolean {
  const measure = achievedMeasure(target, c, arrivalRate, serviceRate);
  return target.kind === 'serviceLevel' ? measure >= target.atLeast : measure <= target.atMost;
}

function checkTarget(target: StaffingTarget): void {
  // Targets of exactly 100% (or a zero wait) are met by no finite staffing.
  if (target.kind === 'serviceLevel') {
    requireNonNegative('target wait', target.within);
    if (!(target.atLeast >= 0 && target.atLeast < 1)) {
      throw new RangeError(`target service level must be in [0, 1), got ${target.atLeast}`);
    }
  } else if (target.kind === 'meanWait') requireNonNegative('target mean wait', target.atMost, false);
  else {
    if (!(target.atMost > 0 && target.atMost <= 1)) {
      throw new RangeError(`target probability must be in (0, 1], got ${target.atMost}`);
    }
    if (target.kind === 'abandonment') requireNonNegative('patience rate', target.patienceRate, false);
  }
}

/**
 * The fewest servers c that meet the target (0 when nobody arrives). The search starts
 * at the smallest c that can possibly qualify: c > R for the Erlang C targets (stability),
 * c ≥ R·(1 − a) for abandonment ≤ a (servers must carry the non-abandoning load). It gives
 * up past `maxServers`, by default R + 40√R + 100: beyond β = 40 even a delay probability
 * of 10⁻³⁰⁰ is met, so only an unattainable target gets there.
 */
export function fewestServers(
  arrivalRate: number,
  serviceRate: number,
  target: StaffingTarget,
  maxServers?: number,
): number {
  requireNonNegative('arrival rate', arrivalRate);
  requireNonNegative('service rate', serviceRate, false);
  checkTarget(target);
  if (arrivalRate === 0) return 0;
  const load = arrivalRate / serviceRate;
  maxServers ??= Math.ceil(load + 40 * Math.sqrt(load) + 100);
  const start =
    target.kind === 'abandonment' ? Math.max(1, Math.floor(load * (1 - target.atMost))) : Math.floor(load) + 1;
  for (let c = start; c <= maxServers; c++) if (meetsTarget(target, c, arrivalRate, serviceRate)) return c;
  throw new RangeError(`no staffing up to ${maxServers} servers meets the target`);
}

/**
 * SIPP (Green, Kolesar & Soares 2001 [M]; §6.4): each period is staffed as if it were a
 * stationary M/M/c with that period's arrival rate.
 */
export function sipp(rates: readonly number[], serviceRate: number, target: StaffingTarget): number[] {
  return rates.map((rate) => fewestServers(rate, serviceRate, target));
}

export interface LagOptions {
  /** The shift; default the mean service time 1/μ ([M], §6.4). */
  lag?: number;
  /** Rate before the first period: a number, or 'cyclic' (the day repeats). Default: the first period's rate [A]. */
  before?: number | 'cyclic';
}

/**
 * Lag-SIPP (§6.4, [M]): SIPP applied to the rate λ(t − E[S]). The grid stays piecewise
 * constant: period i = [i·L, (i+1)·L) is staffed for the time-average of λ over
 * [i·L − lag, (i+1)·L − lag], i.e. λ_i − (λ_i − λ_{i−1})·lag/L when lag ≤ L.
 * Before the grid starts, λ is the first period's rate unless told otherwise [A].
 */
export function lagSipp(
  rates: readonly number[],
  periodLength: number,
  serviceRate: number,
  target: StaffingTarget,
  options: LagOptions = {},
): number[] {
  requireNonNegative('service rate', serviceRate, false);
  const lag = options.lag ?? 1 / serviceRate;
  return sipp(averageRates(rates, periodLength, -lag, options.before ?? rates[0] ?? 0), serviceRate, target);
}

/** Server-hours (or server-periods) of a staffing plan: Σ N_i · period length. */
export function serverTime(servers: readonly number[], periodLength: number): number {
  servers.forEach((n) => requireWholeNumber('servers', n));
  return servers.reduce((sum, n) => sum + n, 0) * periodLength;
}
