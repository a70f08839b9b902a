/**
 * M/M/c/K: c servers and room for K customers in total, so K − c waiting places; an
 * arrival that finds K present is lost (models.md §6.2, "hard capacity" of §3.2).
 * Standard birth–death result [M], exact for any K ≥ c ≥ 1.
 *
 * Stationary law p_n ∝ A^n/n! for n ≤ c and A^c/c!·ρ^(n−c) for c < n ≤ K (A = λ/μ,
 * ρ = A/c). The terms are summed as logarithms (log-sum-exp), so c and K in the
 * thousands neither overflow nor underflow. PASTA: arrivals see the stationary law.
 */
import { requireNonNegative, requireWholeNumber } from './checks.js';

export interface FiniteQueueMetrics {
  /** P(an arrival is lost) = p_K. */
  pBlock: number;
  /** P(an arrival finds every server busy but joins): P(c ≤ N < K). */
  pWait: number;
  /** Mean number waiting in queue, Lq = Σ (n − c)·p_n. */
  queueMean: number;
  /** Mean number in the system, L = Σ n·p_n. */
  systemMean: number;
  /** Mean wait in queue of the *admitted* customers, Wq = Lq / (λ(1 − p_K)). */
  waitMean: number;
  /** Throughput λ(1 − p_K), the rate of admitted (and served) customers. */
  admittedRate: number;
  /** Server utilisation = admitted rate / (cμ). */
  utilisation: number;
}

/** Stationary metrics of M/M/c/K with `capacity` = K ≥ c places in total. */
export function mmcK(c: number, capacity: number, arrivalRate: number, serviceRate: number): FiniteQueueMetrics {
  requireWholeNumber('servers', c, 1);
  requireWholeNumber('capacity', capacity, c);
  requireNonNegative('arrival rate', arrivalRate);
  requireNonNegative('service rate', serviceRate, false);
  if (arrivalRate === 0) {
    return { pBlock: 0, pWait: 0, queueMean: 0, systemMean: 0, waitMean: 0, admittedRate: 0, utilisation: 0 };
  }
  const logLoad = Math.log(arrivalRate / serviceRate);
  const logTerms: number[] = [0];
  for (let n = 1; n <= capacity; n++) logTerms.push(logTerms[n - 1]! + logLoad - Math.log(Math.min(n, c)));
  const largest = logTerms.reduce((m, t) => Math.max(m, t), -Infinity);
  const weights = logTerms.map((t) => Math.exp(t - largest));
  const total = weights.reduce((sum, w) => sum + w, 0);
  const probabilities = weights.map((w) => w / total);

  let queueMean = 0;
  let systemMean = 0;
  let busyOnArrival = 0;
  probabilities.forEach((p, n) => {
    systemMean += n * p;
    if (n >= c) {
      queueMean += (n - c) * p;
      if (n < capacity) busyOnArrival += p;
    }
  });
  const blocking = probabilities[capacity]!;
  const admittedRate = arrivalRate * (1 - blocking);
  return {
    pBlock: blocking,
    pWait: busyOnArrival,
    queueMean,
    systemMean,
    waitMean: queueMean / admittedRate,
    admittedRate,
    utilisation: admittedRate / (c * serviceRate),
  };
}
