/**
 * M/M/c/K+M: c servers, `places` waiting places (K = c + places, Infinity for unlimited),
 * exponential service at rate μ and exponential patience at rate θ (0 for none). The number
 * present is a birth–death process (models.md §3.1: death rate min(n, c)·μ + (n − c)⁺·θ),
 * solved here by its stationary law [D]; PASTA gives what arrivals see. It covers the cases
 * the closed forms do not: Erlang-A with a finite waiting room, and the waits of *served*
 * customers (the simulator's waitMean), which Erlang-A's E[Wq] (over all arrivals,
 * abandoners included) is not.
 *
 * The wait of a customer served from the line: with j customers ahead it leaves position i
 * (i ahead) at rate cμ + iθ (a service ends, or someone ahead gives up) and gives up itself
 * at rate θ. It is served with probability Π_{i≤j} (cμ + iθ)/(cμ + (i+1)θ), and then its
 * wait is a sum of independent exponential holding times with rates cμ + (i+1)θ, i = 0..j
 * (the holding time of a state does not depend on how it ends).
 */
import { requireNonNegative, requireWholeNumber } from './checks.js';

export interface PatientQueueMetrics {
  /** P(an arrival finds every waiting place taken): lost, blocked. */
  pBlock: number;
  /** P(an arrival gives up waiting): reneged. */
  pAbandon: number;
  /** P(an arrival has to wait): every server busy, a place free. */
  pWait: number;
  /** Mean number waiting. */
  queueMean: number;
  /** Busy servers / servers. */
  utilisation: number;
  /** Mean wait in line of the customers who are served (those served at once count 0). */
  servedWaitMean: number;
}

/** Relative size below which the rest of an unlimited line's law is left out. */
const TAIL = 1e-18;
const MAX_STATES = 2_000_000;

export function mmcKPatience(c: number, places: number, arrivalRate: number, serviceRate: number, patienceRate: number): PatientQueueMetrics {
  requireWholeNumber('servers', c, 1);
  if (places !== Infinity) requireWholeNumber('waiting places', places);
  requireNonNegative('arrival rate', arrivalRate);
  requireNonNegative('service rate', serviceRate, false);
  requireNonNegative('patience rate', patienceRate);
  if (places === Infinity && patienceRate === 0 && arrivalRate >= c * serviceRate) {
    throw new RangeError('an unlimited line without abandonment needs λ < cμ to settle');
  }
  // Unnormalised p_n, scaled as we go so nothing overflows: when the sum grows too large, the
  // newest term is divided by it at once and the earlier ones at the end (rescales records
  // [index, factor]: the terms before index are divided by factor), so each term is scaled once.
  const p: number[] = [1];
  const rescales: number[] = [];
  let total = 1;
  let n = 1;
  for (; n <= c + places && n < MAX_STATES; n++) {
    const death = Math.min(n, c) * serviceRate + Math.max(0, n - c) * patienceRate;
    const next = (p[n - 1]! * arrivalRate) / death;
    if (!(next < Infinity)) throw new RangeError('the arrival rate is too large against the service and patience rates to solve');
    p.push(next);
    total += next;
    if (places === Infinity && n > c && next < TAIL * total && arrivalRate < death) break;
    if (total > 1e250) {
      rescales.push(n, total);
      p[n]! /= total;
      total = 1;
    }
  }
  if (n === MAX_STATES && n <= c + places && p[n - 1]! >= TAIL * total) {
    throw new RangeError(`its law reaches past ${MAX_STATES.toLocaleString('en-US')} customers present at once: too many states to solve`);
  }
  let divisor = 1;
  for (let k = p.length - 1, r = rescales.length - 2; k >= 0; k--) {
    while (r >= 0 && k < rescales[r]!) {
      divisor *= rescales[r + 1]!;
      r -= 2;
    }
    if (divisor !== 1) p[k]! /= divisor;
  }
  const capacity = c + places;
  let pBlock = 0;
  let pWait = 0;
  let queueMean = 0;
  let busy = 0;
  let servedAtOnce = 0;
  let servedFromLine = 0;
  let servedWaitSum = 0;
  let pServed = 1; // P(served | j ahead), updated as j grows
  let waitGivenServed = 0; // E[W | served, j ahead]
  p.forEach((weight, n) => {
    const share = weight / total;
    busy += Math.min(n, c) * share;
    queueMean += Math.max(0, n - c) * share;
    if (n === capacity) {
      pBlock += share;
      return;
    }
    if (n < c) {
      servedAtOnce += share;
      return;
    }
    const j = n - c;
    const leave = c * serviceRate + (j + 1) * patienceRate;
    pServed *= (c * serviceRate + j * patienceRate) / leave;
    waitGivenServed += 1 / leave;
    pWait += share;
    servedFromLine += share * pServed;
    servedWaitSum += share * pServed * waitGivenServed;
  });
  const served = servedAtOnce + servedFromLine;
  return {
    pBlock,
    pAbandon: Math.max(0, 1 - pBlock - served),
    pWait,
    queueMean,
    utilisation: busy / c,
    servedWaitMean: served > 0 ? servedWaitSum / served : 0,
  };
}
