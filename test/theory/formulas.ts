/**
 * Exact closed-form queueing results, used to judge the simulator.
 *
 * Everything here is a small pure function of the model's parameters, written from the
 * textbook formulas in shared/models.md (§3.1, §6.1, §6.2, §6.7) and checked against the
 * published numbers of its validation cases (§7) in formulas.test.ts before any simulation
 * test relies on it. Nothing here imports from src/: the judge must not share code with
 * the judged.
 *
 * Notation: λ arrival rate, μ = 1/E[S] service rate, c servers, A = λ/μ offered load,
 * ρ = A/c utilisation. All waits are waits in queue (before service starts).
 */

function requirePositive(name: string, value: number): void {
  if (!(value > 0) || !Number.isFinite(value)) throw new RangeError(`${name} must be a positive finite number, got ${value}`);
}

function requireServers(c: number): void {
  if (!Number.isInteger(c) || c < 1) throw new RangeError(`c must be a whole number >= 1, got ${c}`);
}

// ---------------------------------------------------------------------------------------
// Erlang B and Erlang C (M/M/c/c and M/M/c)
// ---------------------------------------------------------------------------------------

/**
 * Erlang B: blocking probability of M/M/c/c (and of M/G/c/c: it is insensitive to the
 * service distribution beyond its mean) with offered load A = λ/μ.
 *
 * Stable recursion B(0) = 1, B(k) = A·B(k−1) / (k + A·B(k−1)); no factorials, no overflow.
 */
export function erlangB(c: number, A: number): number {
  if (!Number.isInteger(c) || c < 0) throw new RangeError(`c must be a whole number >= 0, got ${c}`);
  requirePositive('A', A);
  let b = 1;
  for (let k = 1; k <= c; k++) b = (A * b) / (k + A * b);
  return b;
}

/**
 * Erlang C: probability that an arrival to M/M/c must wait, P(Wq > 0), with A = λ/μ < c.
 * From Erlang B: C = c·B / (c − A·(1 − B)).
 */
export function erlangC(c: number, A: number): number {
  requireServers(c);
  requirePositive('A', A);
  if (A >= c) throw new RangeError(`M/M/c is unstable: A = ${A} >= c = ${c}`);
  const b = erlangB(c, A);
  return (c * b) / (c - A * (1 - b));
}

/** M/M/c mean wait in queue over all arrivals: E[Wq] = C(c, A) / (cμ − λ). */
export function mmcWaitMean(lambda: number, mu: number, c: number): number {
  requirePositive('λ', lambda);
  requirePositive('μ', mu);
  return erlangC(c, lambda / mu) / (c * mu - lambda);
}

/** M/M/c (FIFO) wait tail: P(Wq > t) = C(c, A)·e^{−(cμ−λ)t} for t >= 0. */
export function mmcWaitTail(lambda: number, mu: number, c: number, t: number): number {
  if (t < 0) return 1;
  return erlangC(c, lambda / mu) * Math.exp(-(c * mu - lambda) * t);
}

/**
 * The q-quantile of the M/M/c (FIFO) wait in queue: the smallest t with P(Wq <= t) >= q.
 * The law has an atom 1 − C at 0, so the quantile is 0 when C <= 1 − q; otherwise
 * t = ln(C / (1 − q)) / (cμ − λ).
 */
export function mmcWaitQuantile(lambda: number, mu: number, c: number, q: number): number {
  if (!(q > 0 && q < 1)) throw new RangeError(`q must lie in (0, 1), got ${q}`);
  const C = erlangC(c, lambda / mu);
  if (C <= 1 - q) return 0;
  return Math.log(C / (1 - q)) / (c * mu - lambda);
}

/** Mean number waiting in M/M/c: Lq = λ·E[Wq] (Little). */
export function mmcQueueLengthMean(lambda: number, mu: number, c: number): number {
  return lambda * mmcWaitMean(lambda, mu, c);
}

// ---------------------------------------------------------------------------------------
// M/G/1: Pollaczek–Khinchine, and Cobham's non-preemptive priority
// ---------------------------------------------------------------------------------------

/** First two moments of a service time. */
export interface ServiceMoments {
  /** E[S] */
  mean: number;
  /** E[S²] */
  secondMoment: number;
}

/** Moments from the mean and the standard deviation: E[S²] = sd² + mean². */
export function momentsFromMeanSd(mean: number, sd: number): ServiceMoments {
  return { mean, secondMoment: sd * sd + mean * mean };
}

/**
 * Pollaczek–Khinchine mean wait in queue of M/G/1 (FIFO):
 * E[Wq] = λ·E[S²] / (2(1 − ρ)), ρ = λ·E[S] < 1.
 */
export function pollaczekKhinchineWaitMean(lambda: number, service: ServiceMoments): number {
  requirePositive('λ', lambda);
  const rho = lambda * service.mean;
  if (rho >= 1) throw new RangeError(`M/G/1 is unstable: ρ = ${rho} >= 1`);
  return (lambda * service.secondMoment) / (2 * (1 - rho));
}

/** One class of a multi-class M/G/1 queue. */
export interface PriorityClass {
  lambda: number;
  service: ServiceMoments;
}

/**
 * Cobham (1954): mean wait in queue of each class of a non-preemptive priority M/G/1 queue,
 * FIFO within a class. `classes` are listed from the most urgent (served first) to the least.
 *
 *   W0 = Σ_i λ_i·E[S_i²] / 2          (mean residual work of the job in service)
 *   σ_k = Σ_{i<=k} ρ_i,  ρ_i = λ_i·E[S_i]
 *   Wq_k = W0 / ((1 − σ_{k−1})(1 − σ_k))
 */
export function cobhamPriorityWaits(classes: readonly PriorityClass[]): number[] {
  const w0 = classes.reduce((sum, k) => sum + (k.lambda * k.service.secondMoment) / 2, 0);
  const waits: number[] = [];
  let sigmaBefore = 0;
  for (const k of classes) {
    const sigma = sigmaBefore + k.lambda * k.service.mean;
    if (sigma >= 1) throw new RangeError(`priority M/G/1 is unstable: load reaches ${sigma}`);
    waits.push(w0 / ((1 - sigmaBefore) * (1 - sigma)));
    sigmaBefore = sigma;
  }
  return waits;
}

/** Cobham's W0 = Σ_i λ_i·E[S_i²] / 2, exposed for the V5 check. */
export function cobhamResidualWork(classes: readonly PriorityClass[]): number {
  return classes.reduce((sum, k) => sum + (k.lambda * k.service.secondMoment) / 2, 0);
}

// ---------------------------------------------------------------------------------------
// Finite waiting room: M/M/c/K by its birth–death chain
// ---------------------------------------------------------------------------------------

export interface FiniteQueueResult {
  /** Stationary probabilities p_0 … p_K of the number in system. */
  probabilities: number[];
  /** P(an arrival is blocked) = p_K (PASTA). */
  blocking: number;
  /** Mean number waiting (not in service): Σ (n − c)⁺ p_n. */
  queueLengthMean: number;
  /** Mean number in system Σ n·p_n. */
  inSystemMean: number;
  /** Admitted (= served) arrival rate λ(1 − p_K). */
  throughput: number;
  /** Mean wait in queue of admitted customers: Lq / (λ(1 − p_K)) (Little). */
  waitMeanAdmitted: number;
  /** Server utilisation: mean busy servers / c. */
  utilisation: number;
}

/**
 * M/M/c/K: c servers, at most K customers in the system (K − c waiting places), arrivals
 * finding K inside are lost. Exact stationary law of the birth–death chain with birth rate λ
 * (n < K) and death rate min(n, c)·μ, computed with ratios (no factorials) and normalised.
 * M/M/c/c (K = c) is Erlang B; M/M/1/K has p_n ∝ ρ^n.
 */
export function mmcK(lambda: number, mu: number, c: number, K: number): FiniteQueueResult {
  requirePositive('λ', lambda);
  requirePositive('μ', mu);
  requireServers(c);
  if (!Number.isInteger(K) || K < c) throw new RangeError(`K must be a whole number >= c, got ${K}`);
  const weights = [1];
  for (let n = 1; n <= K; n++) weights.push((weights[n - 1]! * lambda) / (Math.min(n, c) * mu));
  const total = weights.reduce((a, b) => a + b, 0);
  const p = weights.map((w) => w / total);
  let lq = 0;
  let l = 0;
  let busy = 0;
  p.forEach((pn, n) => {
    lq += Math.max(0, n - c) * pn;
    l += n * pn;
    busy += Math.min(n, c) * pn;
  });
  const blocking = p[K]!;
  const throughput = lambda * (1 - blocking);
  return {
    probabilities: p,
    blocking,
    queueLengthMean: lq,
    inSystemMean: l,
    throughput,
    waitMeanAdmitted: lq / throughput,
    utilisation: busy / c,
  };
}

/** M/M/1/K blocking in closed form: p_K = ρ^K (1 − ρ) / (1 − ρ^{K+1}) (ρ ≠ 1), 1/(K+1) at ρ = 1. */
export function mm1KBlocking(rho: number, K: number): number {
  if (rho === 1) return 1 / (K + 1);
  return (Math.pow(rho, K) * (1 - rho)) / (1 - Math.pow(rho, K + 1));
}

// ---------------------------------------------------------------------------------------
// Erlang-A (M/M/N+M): exponential patience (models.md §3.1)
// ---------------------------------------------------------------------------------------

export interface ErlangAResult {
  /** P(W > 0): an arrival finds all servers busy. */
  delayProbability: number;
  /** P(Ab): an arrival abandons before service. */
  abandonment: number;
  /** E[Wq] over all arrivals, abandoners included: P(Ab)/θ. */
  waitMean: number;
  /** Mean number waiting: λ·E[Wq]. */
  queueLengthMean: number;
}

/**
 * A(x, y) = x·e^y·y^(−x)·γ(x, y) (γ: lower incomplete gamma). With the series
 * γ(x, y) = y^x e^{−y} Σ_{n>=0} y^n / (x(x+1)…(x+n)) this is
 * A(x, y) = Σ_{n>=0} y^n / ((x+1)(x+2)…(x+n)), a series of positive terms that shrink
 * geometrically once x + n > y, so it is summed without overflow or cancellation.
 */
export function erlangAFunction(x: number, y: number): number {
  requirePositive('x', x);
  requirePositive('y', y);
  let term = 1;
  let sum = 1;
  for (let n = 1; n < 1_000_000; n++) {
    term *= y / (x + n);
    sum += term;
    if (x + n > y && term < sum * 1e-17) return sum;
  }
  throw new Error(`erlangAFunction(${x}, ${y}) did not converge`);
}

/**
 * Erlang-A exact formulas (Palm; Mandelbaum & Zeltyn; Garnett, Mandelbaum & Reiman 2002):
 * λ arrivals, μ service rate, N servers, θ = 1/(mean patience).
 *   E = B(N, λ/μ),  Â = A(Nμ/θ, λ/θ),  ρ = λ/(Nμ)
 *   P(W>0) = Â·E / (1 + (Â − 1)·E)
 *   P(Ab | W>0) = 1/(ρ·Â) + 1 − 1/ρ
 *   P(Ab) = P(Ab | W>0)·P(W>0),  E[Wq] = P(Ab)/θ
 */
export function erlangA(lambda: number, mu: number, N: number, theta: number): ErlangAResult {
  requirePositive('λ', lambda);
  requirePositive('μ', mu);
  requireServers(N);
  requirePositive('θ', theta);
  const E = erlangB(N, lambda / mu);
  const aHat = erlangAFunction((N * mu) / theta, lambda / theta);
  const rho = lambda / (N * mu);
  const delayProbability = (aHat * E) / (1 + (aHat - 1) * E);
  const abandonment = (1 / (rho * aHat) + 1 - 1 / rho) * delayProbability;
  const waitMean = abandonment / theta;
  return { delayProbability, abandonment, waitMean, queueLengthMean: lambda * waitMean };
}

/**
 * Erlang-A by its birth–death chain (birth λ, death min(n, N)μ + (n − N)⁺θ), truncated where
 * the remaining mass is below 1e-16: an independent route to the same numbers as erlangA().
 */
export function erlangABirthDeath(lambda: number, mu: number, N: number, theta: number): ErlangAResult {
  const weights = [1];
  let total = 1;
  for (let n = 1; ; n++) {
    const w = (weights[n - 1]! * lambda) / (Math.min(n, N) * mu + Math.max(0, n - N) * theta);
    weights.push(w);
    total += w;
    if (n > N && w < total * 1e-18) break;
    if (n > 10_000_000) throw new Error('erlangABirthDeath: no convergence');
  }
  let delay = 0;
  let lq = 0;
  weights.forEach((w, n) => {
    if (n >= N) delay += w / total;
    lq += (Math.max(0, n - N) * w) / total;
  });
  // Abandonment flow θ·Lq over arrival flow λ.
  const abandonment = (theta * lq) / lambda;
  return { delayProbability: delay, abandonment, waitMean: lq / lambda, queueLengthMean: lq };
}
