/**
 * Erlang-A (Palm's M/M/N+M): N servers, exponential service at rate μ, exponential
 * patience at rate θ (mean patience 1/θ); a waiting customer whose patience runs out
 * abandons (models.md §3.1).
 *
 * Exact formulas of Mandelbaum & Zeltyn / Garnett, Mandelbaum & Reiman (2002) [M],
 * verified in models.md against the birth–death solution [D]:
 *
 *   E = ErlangB(N, λ/μ),  ρ = λ/(Nμ),  Â = A(Nμ/θ, λ/θ),
 *   A(a, x) = a·e^x·x^(−a)·γ(a, x) = a·e^x·x^(−a)·Γ(a)·P(a, x)
 *   P(W>0) = Â·E / (1 + (Â − 1)·E)
 *   P(Ab | W>0) = 1/(ρ·Â) + 1 − 1/ρ,   P(Ab) = P(Ab | W>0)·P(W>0)
 *   E[Wq] = P(Ab)/θ  (over all arrivals, abandoners included),  Lq = λ·E[Wq]
 *
 * Numerics. With a = Nμ/θ and x = λ/θ (x = ρa), Â is the positive series
 * Σ_{n≥0} x^n/((a+1)…(a+n)) when x < a + 1 (always when ρ < 1), and otherwise is carried as
 * a logarithm through ln Γ and ln P(a, x): for N in the hundreds and small θ, e^x alone
 * overflows. As θ → 0 with ρ < 1, P(Ab | W>0) ≈ θ/(Nμ − λ) is a difference of terms
 * near 1/ρ, so about log10((Nμ − λ)/θ) of the 16 digits are lost (10 remain at θ = 10⁻⁶,
 * N = 10, λ = 9); θ = 0 itself is answered by Erlang C.
 *
 * The QED approximation (Garnett et al. 2002 [M], checked in models.md §3.1 [D]) gives
 * the same two probabilities from the normal distribution, for many-server intuition.
 */
import { requireNonNegative, requireWholeNumber } from './checks.js';
import { erlangB, erlangC, mmcWaitMean } from './erlang.js';
import { logGamma, logRegularizedGammaP, lowerGammaSeries } from './gamma.js';
import { normalHazard } from './normal.js';

export interface ErlangAMetrics {
  /** P(W > 0): an arrival finds every server busy and has to wait. */
  pWait: number;
  /** P(Ab): an arrival abandons before service. */
  pAbandon: number;
  /** E[Wq] over all arrivals (abandoners wait until they leave); equals P(Ab)/θ. */
  waitMean: number;
  /** Mean number waiting, Lq = λ·E[Wq] (Little's law on the queue). */
  queueMean: number;
}

/** ln A(a, x) = ln(a·e^x·x^(−a)·Γ(a)·P(a, x)), Palm's function in log form. */
export function logPalmFunction(a: number, x: number): number {
  if (x < a + 1) return Math.log(lowerGammaSeries(a, x));
  return Math.log(a) + x - a * Math.log(x) + logGamma(a) + logRegularizedGammaP(a, x);
}

function checkErlangA(arrivalRate: number, serviceRate: number, servers: number, patienceRate: number): void {
  requireNonNegative('arrival rate', arrivalRate);
  requireNonNegative('service rate', serviceRate, false);
  requireWholeNumber('servers', servers, 1);
  requireNonNegative('patience rate', patienceRate);
}

/** Exact stationary metrics of Erlang-A (λ, μ, N servers, patience rate θ). */
export function erlangA(arrivalRate: number, serviceRate: number, servers: number, patienceRate: number): ErlangAMetrics {
  checkErlangA(arrivalRate, serviceRate, servers, patienceRate);
  if (arrivalRate === 0) return { pWait: 0, pAbandon: 0, waitMean: 0, queueMean: 0 };
  if (patienceRate === 0) {
    // Infinite patience: M/M/N (Erlang C); unstable when λ ≥ Nμ.
    const waitMean = mmcWaitMean(servers, arrivalRate, serviceRate);
    return { pWait: erlangC(servers, arrivalRate / serviceRate), pAbandon: 0, waitMean, queueMean: arrivalRate * waitMean };
  }
  const blocking = erlangB(servers, arrivalRate / serviceRate);
  const utilisation = arrivalRate / (servers * serviceRate);
  const logPalm = logPalmFunction((servers * serviceRate) / patienceRate, arrivalRate / patienceRate);
  // P(W>0) = Â·E / (1 + (Â − 1)·E) = 1 / (1 + (1 − E)/(Â·E)), evaluated in logs.
  const pWait = 1 / (1 + Math.exp(Math.log1p(-blocking) - Math.log(blocking) - logPalm));
  const pAbandonGivenWait = Math.exp(-logPalm) / utilisation + 1 - 1 / utilisation;
  const pAbandon = Math.max(0, pAbandonGivenWait) * pWait;
  const waitMean = pAbandon / patienceRate;
  return { pWait, pAbandon, waitMean, queueMean: arrivalRate * waitMean };
}

export interface ErlangAApproximation {
  /** QED approximation of P(W > 0). */
  pWait: number;
  /** QED approximation of P(Ab). */
  pAbandon: number;
}

/**
 * QED (Halfin–Whitt regime) approximation of Erlang-A (§3.1). With R = λ/μ,
 * β = (N − R)/√R, r = √(θ/μ), β̂ = β/r and the normal hazard h(x) = φ(x)/(1 − Φ(x)):
 *   P(W>0) ≈ [1 + r·h(β̂)/h(−β)]^(−1),   P(Ab) ≈ P(W>0)·(r/√R)·(h(β̂) − β̂).
 * Needs θ > 0; accurate to a few per cent in P(W>0) for N around R ± a few √R (V7b).
 */
export function erlangAQed(
  arrivalRate: number,
  serviceRate: number,
  servers: number,
  patienceRate: number,
): ErlangAApproximation {
  checkErlangA(arrivalRate, serviceRate, servers, patienceRate);
  requireNonNegative('patience rate', patienceRate, false);
  requireNonNegative('arrival rate', arrivalRate, false);
  const load = arrivalRate / serviceRate;
  const beta = (servers - load) / Math.sqrt(load);
  const r = Math.sqrt(patienceRate / serviceRate);
  const betaHat = beta / r;
  const pWait = 1 / (1 + (r * normalHazard(betaHat)) / normalHazard(-beta));
  const pAbandon = pWait * (r / Math.sqrt(load)) * (normalHazard(betaHat) - betaHat);
  return { pWait, pAbandon };
}
