/**
 * Balking on the observed line (models.md §3.2–3.3): the probability that an arriving
 * customer joins, given what they see. Each rule counts what models.md counts, and its
 * parameter name says which:
 *
 *   inSystem n  — everyone present, in service and waiting: hard limit, discouraged, linear;
 *   waiting  k  — only those waiting, k = (n − s)⁺: geometric, logit, wait-based, Whitt model 2.
 *
 * Every function returns a probability in [0, 1], non-increasing in the count. The caller
 * draws u from its own stream and lets the customer join if u < b.
 */
import { experienceDefaults as d } from './defaults.js';

/** M/M/c/K capacity: 1 if n < K, else 0 (K = servers + waiting places). Standard [M]. */
export function hardLimitJoinProbability(inSystem: number, capacity: number): number {
  return inSystem < capacity ? 1 : 0;
}

/** Discouraged arrivals, 1/(n + 1) (single server; Haight 1957 [S2]). */
export function discouragedJoinProbability(inSystem: number): number {
  return 1 / (inSystem + 1);
}

/** Linear, max(0, 1 − n/N_max); N_max = 10 [A]. */
export function linearJoinProbability(inSystem: number, maxInSystem: number): number {
  return Math.max(0, 1 - inSystem / maxInSystem);
}

/** Geometric, e^(−κk); κ = 0.2 [A]. */
export function geometricJoinProbability(waiting: number, rate: number): number {
  return Math.exp(-rate * waiting);
}

export interface LogitBalking {
  a0: number;
  a1: number;
  a2: number;
  k0: number;
}

/**
 * Logit in the line length, 1/(1 + exp(−(a0 − a1·k − a2·(k − k0)⁺))); a0 = 2, a1 = a2 = 0.15,
 * k0 = 10 [A] (form: Lu et al. 2013 [S]). Note b(0) = 1/(1 + e^−2) = 0.881 < 1: applied to an
 * arrival who finds a free server it turns away 12% of them, as a purchase-incidence model
 * would; apply it only when a wait is needed to model pure balking.
 */
export function logitJoinProbability(waiting: number, p: LogitBalking): number {
  const utility = p.a0 - p.a1 * waiting - p.a2 * Math.max(0, waiting - p.k0);
  return 1 / (1 + Math.exp(-utility));
}

/** Survival function of patience, P(τ > t) (t in the time unit). */
export type PatienceSurvival = (t: number) => number;

/**
 * The expected wait of an arrival who finds k waiting and all s servers busy: Ŵ_k = (k + 1)/(sμ)
 * (it waits for k + 1 service completions at rate sμ).
 */
export function forecastWait(waiting: number, servers: number, serviceRate: number): number {
  return (waiting + 1) / (servers * serviceRate);
}

/**
 * Wait-based balking on an observable line (Guo & Zipkin 2007 [S]): join if patience exceeds
 * the forecast, P(τ > Ŵ_k). For an arrival who finds all servers busy; one who finds a free
 * server does not wait and joins.
 */
export function waitBasedJoinProbability(waiting: number, servers: number, serviceRate: number, survival: PatienceSurvival): number {
  return survival(forecastWait(waiting, servers, serviceRate));
}

/** The same with exponential patience of mean `patienceMean`: e^(−Ŵ_k/mean). */
export function waitBasedJoinProbabilityExponential(waiting: number, servers: number, serviceRate: number, patienceMean: number): number {
  return Math.exp(-forecastWait(waiting, servers, serviceRate) / patienceMean);
}

/**
 * Whitt (1999) model 2 [S]: an informed arrival who finds all s servers busy and k waiting
 * would be served after k + 1 completions, an Erlang(k + 1, sμ) time S_k; with exponential
 * patience of rate α it would not renege with probability q_k = P(T > S_k) = (sμ/(sμ + α))^(k+1).
 * A share β has zero tolerance, so the arrival joins with (1 − β)·q_k; reneging is converted
 * into balking. By Jensen, q_k ≥ e^(−α·Ŵ_k): knowing the random wait is better than the mean.
 */
export function whittInformedJoinProbability(waiting: number, servers: number, serviceRate: number, abandonRate: number, zeroToleranceShare: number): number {
  const rate = servers * serviceRate;
  return (1 - zeroToleranceShare) * Math.pow(rate / (rate + abandonRate), waiting + 1);
}

/** Whitt (1999) model 1, uninformed: join w.p. 1 − β when all servers are busy, then may renege at rate α. */
export function whittUninformedJoinProbability(zeroToleranceShare: number): number {
  return 1 - zeroToleranceShare;
}

/**
 * The rules' defaults (§3.2). The simulation asks a rule only of a customer who would have to
 * wait (journey-policies.ts, BalkingRule): one who finds a free server joins.
 */
export const defaultBalkingRules = {
  linear: { rule: 'linear', maxInSystem: d.linearBalkingMaxInSystem.value },
  geometric: { rule: 'geometric', rate: d.geometricBalkingRate.value },
  logit: { rule: 'logit', ...d.logitBalking.value },
} as const;
