/**
 * Binomial and Poisson probabilities for the show-up model (models.md §4.1) and for
 * Littlewood's rule with Poisson demand (§4.3).
 *
 * Each probability is evaluated as a logarithm (ln C(n, k) from ln Γ) and exponentiated
 * once, so n in the thousands or p near 0 or 1 neither overflows nor loses the tail.
 */
import { requireNonNegative, requireProbability, requireWholeNumber } from './checks.js';
import { logGamma, regularizedGammaP } from './gamma.js';

function logFactorial(n: number): number {
  return n < 2 ? 0 : logGamma(n + 1);
}

/** P(S = k) for S ~ Binomial(n, p). */
export function binomialPmf(k: number, n: number, p: number): number {
  requireWholeNumber('trials', n);
  requireProbability('success probability', p);
  if (!Number.isInteger(k) || k < 0 || k > n) return 0;
  // Degenerate p: 0·ln 0 would be NaN.
  if (p === 0) return k === 0 ? 1 : 0;
  if (p === 1) return k === n ? 1 : 0;
  const logChoose = logFactorial(n) - logFactorial(k) - logFactorial(n - k);
  return Math.exp(logChoose + k * Math.log(p) + (n - k) * Math.log1p(-p));
}

/** P(S ≤ k) for S ~ Binomial(n, p). */
export function binomialCdf(k: number, n: number, p: number): number {
  if (k < 0) return 0;
  if (k >= n) return 1;
  let total = 0;
  for (let j = 0; j <= Math.floor(k); j++) total += binomialPmf(j, n, p);
  return Math.min(1, total);
}

/** P(S ≥ k) for S ~ Binomial(n, p), summed over the upper tail itself (no 1 − cdf cancellation). */
export function binomialTail(k: number, n: number, p: number): number {
  if (k <= 0) return 1;
  if (k > n) return 0;
  let total = 0;
  for (let j = Math.ceil(k); j <= n; j++) total += binomialPmf(j, n, p);
  return Math.min(1, total);
}

/** P(D = k) for D ~ Poisson(mean). */
export function poissonPmf(k: number, mean: number): number {
  requireNonNegative('Poisson mean', mean);
  if (!Number.isInteger(k) || k < 0) return 0;
  if (mean === 0) return k === 0 ? 1 : 0;
  return Math.exp(k * Math.log(mean) - mean - logFactorial(k));
}

/** P(D ≥ k) for D ~ Poisson(mean): the regularised lower gamma P(k, mean) for k ≥ 1. */
export function poissonTail(k: number, mean: number): number {
  requireNonNegative('Poisson mean', mean);
  if (k <= 0) return 1;
  if (mean === 0) return 0;
  return regularizedGammaP(Math.ceil(k), mean);
}
