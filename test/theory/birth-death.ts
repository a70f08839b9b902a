/**
 * Exact stationary solutions of birth–death chains for the number in system, used to judge the
 * simulation of balking and reneging (models.md §3.2–3.3, validation cases V8–V11).
 * Nothing here imports from src/: the judge must not share code with the judged.
 *
 * A chain is given by its offered arrival rate λ, its joining rates λ_n = λ·b(n) (balking
 * thins arrivals), and its death rates split into service completions and abandonments.
 * p_n ∝ Π_{i<n} λ_i / (service_{i+1} + abandonment_{i+1}).
 *
 * Truncation: an infinite chain is cut at the first state N where the ratio r = λ_N/μ_{N+1}
 * is below 1, no larger than the one before, and w_N·(N·r/(1−r) + r/(1−r)²) < tolerance·Σw
 * (default tolerance 1e-15). That expression bounds both the omitted mass Σ_{m>N} w_m and the
 * omitted part of Σ m·w_m when the ratios do not increase beyond N — true of every chain here,
 * whose joining rates do not increase and whose death rates do not decrease in n. So the
 * probabilities, L and Lq are exact to about 1e-15 relative.
 */

export interface BirthDeathChain {
  /** Offered arrival rate λ, before any balking. */
  readonly arrivalRate: number;
  /** Servers s: the ones in service are min(n, s), the waiting (n − s)⁺. */
  readonly servers: number;
  /** λ_n, the rate at which arrivals join in state n; 0 ends a finite chain. */
  birth(n: number): number;
  /** Rate of service completions in state n. */
  service(n: number): number;
  /** Rate of abandonments in state n (none if absent). */
  abandonment?(n: number): number;
}

export interface BirthDeathSolution {
  /** p_0 … p_N (N: the last state kept). */
  probabilities: number[];
  /** L = Σ n·p_n */
  inSystemMean: number;
  /** Lq = Σ (n − s)⁺·p_n */
  queueLengthMean: number;
  /** λ_eff = Σ λ_n·p_n: rate of arrivals that join (throughput into the system). */
  joiningRate: number;
  /** Σ service_n·p_n: rate of customers served (= λ_eff − abandonment rate). */
  servedRate: number;
  /** Σ abandonment_n·p_n */
  abandonmentRate: number;
  /** P(balk or blocked) = 1 − λ_eff/λ. */
  balking: number;
  /** P(abandon) over all arrivals: abandonment rate / λ. */
  abandonment: number;
  /** Mean wait in queue of those who join (abandoners included until they leave): Lq/λ_eff (Little). */
  waitMeanJoined: number;
  /** Mean time in system of those who join: L/λ_eff (Little). */
  sojournMeanJoined: number;
  /** Mean busy servers / s. */
  utilisation: number;
}

export function solveBirthDeath(chain: BirthDeathChain, tolerance = 1e-15, maxStates = 10_000_000): BirthDeathSolution {
  const deaths = (n: number): number => chain.service(n) + (chain.abandonment?.(n) ?? 0);
  const weights = [1];
  let total = 1;
  let previousRatio = Infinity;
  for (let n = 0; ; n++) {
    const birth = chain.birth(n);
    if (birth === 0) break;
    const death = deaths(n + 1);
    if (!(death > 0)) throw new RangeError(`state ${n + 1} has no way down`);
    const ratio = birth / death;
    const w = weights[n]! * ratio;
    weights.push(w);
    total += w;
    const N = n + 1;
    if (ratio < 1 && ratio <= previousRatio && w * ((N * ratio) / (1 - ratio) + ratio / (1 - ratio) ** 2) < tolerance * total) break;
    previousRatio = ratio;
    if (N >= maxStates) throw new Error(`birth–death chain not truncated within ${maxStates} states`);
  }
  const p = weights.map((w) => w / total);
  const s = chain.servers;
  let l = 0;
  let lq = 0;
  let busy = 0;
  let joining = 0;
  let served = 0;
  let abandoning = 0;
  p.forEach((pn, n) => {
    l += n * pn;
    lq += Math.max(0, n - s) * pn;
    busy += Math.min(n, s) * pn;
    joining += chain.birth(n) * pn;
    served += chain.service(n) * pn;
    abandoning += (chain.abandonment?.(n) ?? 0) * pn;
  });
  const lambda = chain.arrivalRate;
  return {
    probabilities: p,
    inSystemMean: l,
    queueLengthMean: lq,
    joiningRate: joining,
    servedRate: served,
    abandonmentRate: abandoning,
    balking: 1 - joining / lambda,
    abandonment: abandoning / lambda,
    waitMeanJoined: lq / joining,
    sojournMeanJoined: l / joining,
    utilisation: busy / s,
  };
}

// ---------------------------------------------------------------------------------------
// Ready-made chains
// ---------------------------------------------------------------------------------------

/** s servers of rate μ each: service rate min(n, s)·μ. */
function serviceBy(servers: number, mu: number): (n: number) => number {
  return (n) => Math.min(n, servers) * mu;
}

/** Any state-dependent balking: arrivals at rate λ join in state n with probability join(n). */
export function balkingChain(lambda: number, mu: number, servers: number, join: (inSystem: number) => number): BirthDeathChain {
  return { arrivalRate: lambda, servers, birth: (n) => lambda * join(n), service: serviceBy(servers, mu) };
}

/** M/M/c: no balking, no abandonment (needs λ < cμ). */
export function mmcChain(lambda: number, mu: number, servers: number): BirthDeathChain {
  if (!(lambda < servers * mu)) throw new RangeError('M/M/c needs λ < cμ');
  return balkingChain(lambda, mu, servers, () => 1);
}

/** M/M/c/K: at most K in the system. V9: M/M/1/5 at ρ = 0.9. */
export function mmcKChain(lambda: number, mu: number, servers: number, capacity: number): BirthDeathChain {
  return balkingChain(lambda, mu, servers, (n) => (n < capacity ? 1 : 0));
}

/** M/M/1 with discouraged arrivals λ_n = λ/(n + 1): p_n = e^(−ρ)ρ^n/n!, L = ρ. V8: λ = μ = 1. */
export function discouragedChain(lambda: number, mu: number): BirthDeathChain {
  return balkingChain(lambda, mu, 1, (n) => 1 / (n + 1));
}

/** Linear balking b(n) = max(0, 1 − n/N_max). V10: N_max = 5, λ = μ = 1, one server. */
export function linearBalkingChain(lambda: number, mu: number, servers: number, maxInSystem: number): BirthDeathChain {
  return balkingChain(lambda, mu, servers, (n) => Math.max(0, 1 - n / maxInSystem));
}

/** Erlang-A (M/M/N+M): every arrival joins, each waiting customer abandons at rate θ. */
export function erlangAChain(lambda: number, mu: number, servers: number, theta: number): BirthDeathChain {
  return whittModel1Chain(servers, lambda, mu, theta, 0);
}

/**
 * Whitt (1999) model 1 (uninformed), unlimited waiting room: an arrival who finds all s
 * servers busy balks with probability β (zero tolerance), otherwise joins and reneges at rate α.
 */
export function whittModel1Chain(servers: number, lambda: number, mu: number, alpha: number, beta: number): BirthDeathChain {
  return {
    arrivalRate: lambda,
    servers,
    birth: (n) => (n < servers ? lambda : lambda * (1 - beta)),
    service: serviceBy(servers, mu),
    abandonment: (n) => Math.max(0, n - servers) * alpha,
  };
}

/**
 * Whitt (1999) model 2 (informed), unlimited waiting room: with n = s + k an arrival joins with
 * probability (1 − β)·q_k, q_k = (sμ/(sμ + α))^(k+1), drawn independently of the realised
 * service times (models.md's V11 convention), and never reneges. V11: s = 10, λ = 12, μ = 1,
 * α = 0.5, β = 0.1.
 */
export function whittModel2Chain(servers: number, lambda: number, mu: number, alpha: number, beta: number): BirthDeathChain {
  const q = (servers * mu) / (servers * mu + alpha);
  return balkingChain(lambda, mu, servers, (n) => (n < servers ? 1 : (1 - beta) * Math.pow(q, n - servers + 1)));
}
