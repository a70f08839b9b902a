/**
 * The standard normal distribution: density φ, CDF Φ, upper tail 1 − Φ, their logs for
 * far tails, and the quantile Φ⁻¹. Used by the Halfin–Whitt and QED formulas
 * (models.md §3.1, §6.3), Littlewood and EMSR-b (§4.3).
 *
 * Φ comes from the incomplete gamma function, Φ(x) = ½·Q(½, x²/2) for x ≤ 0, so both
 * tails keep full relative precision (no 1 − Φ cancellation). Φ⁻¹ is Acklam's rational
 * approximation (relative error < 1.15e-9) polished by one Halley step on that Φ, which
 * brings it to about machine precision.
 */
import { logRegularizedGammaQ } from './gamma.js';

const LOG_SQRT_2PI = 0.5 * Math.log(2 * Math.PI);

/** Standard normal density φ(x). */
export function normalPdf(x: number): number {
  return Math.exp(-0.5 * x * x - LOG_SQRT_2PI);
}

/** ln Φ(x) = ln P(Z ≤ x), finite far into the lower tail. */
export function logNormalCdf(x: number): number {
  if (Number.isNaN(x)) return NaN;
  if (x === -Infinity) return -Infinity;
  if (x <= 0) return Math.log(0.5) + logRegularizedGammaQ(0.5, 0.5 * x * x);
  return Math.log1p(-normalSurvival(x));
}

/** Φ(x) = P(Z ≤ x). */
export function normalCdf(x: number): number {
  return Math.exp(logNormalCdf(x));
}

/** 1 − Φ(x) = P(Z > x), computed without cancellation for large x. */
export function normalSurvival(x: number): number {
  return normalCdf(-x);
}

/** ln(1 − Φ(x)), finite far into the upper tail. */
export function logNormalSurvival(x: number): number {
  return logNormalCdf(-x);
}

/**
 * The hazard (inverse Mills ratio) h(x) = φ(x) / (1 − Φ(x)), used by the QED
 * approximation of Erlang-A (§3.1); computed as a ratio of logs so it stays finite.
 */
export function normalHazard(x: number): number {
  return Math.exp(-0.5 * x * x - LOG_SQRT_2PI - logNormalSurvival(x));
}

// Acklam's coefficients (central region and tails).
const A = [
  -3.969683028665376e1, 2.209460984245205e2, -2.759285104469687e2, 1.38357751867269e2, -3.066479806614716e1,
  2.506628277459239,
];
const B = [-5.447609879822406e1, 1.615858368580409e2, -1.556989798598866e2, 6.680131188771972e1, -1.328068155288572e1];
const C = [
  -7.784894002430293e-3, -3.223964580411365e-1, -2.400758277161838, -2.549732539343734, 4.374664141464968,
  2.938163982698783,
];
const D = [7.784695709041462e-3, 3.224671290700398e-1, 2.445134137142996, 3.754408661907416];
const P_LOW = 0.02425;

function acklam(p: number): number {
  if (p < P_LOW || p > 1 - P_LOW) {
    const q = Math.sqrt(-2 * Math.log(p < P_LOW ? p : 1 - p));
    const x =
      (((((C[0]! * q + C[1]!) * q + C[2]!) * q + C[3]!) * q + C[4]!) * q + C[5]!) /
      ((((D[0]! * q + D[1]!) * q + D[2]!) * q + D[3]!) * q + 1);
    return p < P_LOW ? x : -x;
  }
  const q = p - 0.5;
  const r = q * q;
  return (
    ((((((A[0]! * r + A[1]!) * r + A[2]!) * r + A[3]!) * r + A[4]!) * r + A[5]!) * q) /
    (((((B[0]! * r + B[1]!) * r + B[2]!) * r + B[3]!) * r + B[4]!) * r + 1)
  );
}

/** Φ⁻¹(p): the z with Φ(z) = p, for p in [0, 1] (±Infinity at the ends). */
export function normalQuantile(p: number): number {
  if (!(p >= 0 && p <= 1)) throw new RangeError(`normalQuantile needs p in [0, 1], got ${p}`);
  if (p === 0) return -Infinity;
  if (p === 1) return Infinity;
  const x = acklam(p);
  // One Halley step, on the smaller tail so the residual keeps its relative precision.
  const residual = p < 0.5 ? normalCdf(x) - p : 1 - p - normalCdf(-x);
  const density = normalPdf(x);
  if (density === 0) return x;
  const u = residual / density;
  return x - u / (1 + 0.5 * x * u);
}
