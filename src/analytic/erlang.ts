/**
 * Erlang B and Erlang C, and the M/M/c waiting-time results built on them
 * (models.md §6.1, §6.2). Exact formulas, standard results [M]; checked against §7 V2–V4.
 *
 * Notation: c servers, λ arrival rate, μ = 1/E[S] service rate (same time unit as λ),
 * A = λ/μ offered load in erlangs. All waits are waits in queue, before service starts,
 * in the time unit of λ and μ.
 */
import { requireNonNegative, requireWholeNumber } from './checks.js';

/**
 * Erlang B: the blocking probability of M/M/c/c (insensitive to the service distribution
 * beyond its mean, so also M/G/c/c). Stable recursion without factorials (§6.1):
 * B(0) = 1, B(k) = A·B(k−1) / (k + A·B(k−1)).
 */
export function erlangB(c: number, offeredLoad: number): number {
  requireWholeNumber('servers', c);
  requireNonNegative('offered load', offeredLoad);
  let blocking = 1;
  for (let k = 1; k <= c; k++) blocking = (offeredLoad * blocking) / (k + offeredLoad * blocking);
  return blocking;
}

/**
 * Erlang C: the probability that an arrival to M/M/c must wait, C = c·B / (c − A(1 − B))
 * with B = Erlang B (§6.1). Returns 1 when the system is not stable (A ≥ c): then
 * every arrival eventually waits.
 */
export function erlangC(c: number, offeredLoad: number): number {
  requireWholeNumber('servers', c);
  requireNonNegative('offered load', offeredLoad);
  if (offeredLoad >= c) return 1;
  const blocking = erlangB(c, offeredLoad);
  return (c * blocking) / (c - offeredLoad * (1 - blocking));
}

/** Mean wait in queue of M/M/c, E[Wq] = C / (cμ − λ); Infinity when λ ≥ cμ. */
export function mmcWaitMean(c: number, arrivalRate: number, serviceRate: number): number {
  requireNonNegative('service rate', serviceRate, false);
  const delay = erlangC(c, arrivalRate / serviceRate);
  const drain = c * serviceRate - arrivalRate;
  return drain > 0 ? delay / drain : Infinity;
}

/** Mean number waiting in queue of M/M/c, Lq = λ·E[Wq] (Little's law). */
export function mmcQueueMean(c: number, arrivalRate: number, serviceRate: number): number {
  const wait = mmcWaitMean(c, arrivalRate, serviceRate);
  return arrivalRate === 0 ? 0 : arrivalRate * wait;
}

/**
 * P(Wq > t) for M/M/c: C·e^(−(cμ − λ)·t) (§6.1). Under FCFS the wait of a delayed
 * customer is exponential with rate cμ − λ. Returns 1 when the system is not stable.
 */
export function mmcWaitExceeds(c: number, arrivalRate: number, serviceRate: number, t: number): number {
  requireNonNegative('service rate', serviceRate, false);
  if (!(t >= 0)) throw new RangeError(`t must be >= 0, got ${t}`);
  const delay = erlangC(c, arrivalRate / serviceRate);
  const drain = c * serviceRate - arrivalRate;
  return drain > 0 ? delay * Math.exp(-drain * t) : 1;
}

/** Service level SL(t) = P(Wq ≤ t) = 1 − P(Wq > t) of M/M/c ("80% answered within 20 s"). */
export function serviceLevel(c: number, arrivalRate: number, serviceRate: number, t: number): number {
  return 1 - mmcWaitExceeds(c, arrivalRate, serviceRate, t);
}
