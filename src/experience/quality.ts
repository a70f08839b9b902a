/**
 * Quality degradation above the optimal utilisation (models.md §6.6, all constants [A]): the
 * lecture notes' "demand above optimal capacity → perceived quality falls". Past ρ_opt servers
 * fail more often; a failure caps the customer's satisfaction at 2, which sends them into the
 * complaint module (§2.5, S < 3). models.md's optional second effect, servers rushing
 * (shorter services), is serviceTimeFactor below, for analysis: the run does not apply it
 * (service times are drawn on arrival, the same in every variant, for common random numbers).
 *
 * ρ is whatever utilisation the caller measures (the period's offered load λ/(cμ), or the busy
 * fraction); it may exceed 1 for an offered load, so the failure probability is capped at 1.
 */
import { experienceDefaults as d } from './defaults.js';

export interface QualityParams {
  failureBase: number;
  failureSlope: number;
  optimalUtilisation: number;
  serviceCompression: number;
  satisfactionAfterFailure: number;
}

export function defaultQualityParams(): QualityParams {
  return {
    failureBase: d.failureBase.value,
    failureSlope: d.failureSlope.value,
    optimalUtilisation: d.optimalUtilisation.value,
    serviceCompression: d.serviceCompression.value,
    satisfactionAfterFailure: d.satisfactionAfterFailure.value,
  };
}

/** f(ρ) = f₀ + f₁·max(0, ρ − ρ_opt)/(1 − ρ_opt), at most 1: 0.02 up to ρ = 0.8, 0.12 at ρ = 1. */
export function failureProbability(p: QualityParams, utilisation: number): number {
  const excess = Math.max(0, utilisation - p.optimalUtilisation) / (1 - p.optimalUtilisation);
  return Math.min(1, p.failureBase + p.failureSlope * excess);
}

/**
 * Optional service-time compression under load (servers rush): the factor on E[S],
 * 1 − 0.1·max(0, ρ − ρ_opt), floored at 0. Pair it with the failure term.
 */
export function serviceTimeFactor(p: QualityParams, utilisation: number): number {
  return Math.max(0, 1 - p.serviceCompression * Math.max(0, utilisation - p.optimalUtilisation));
}

/** A failed service leaves the customer at most at 2: S ← min(S, 2). */
export function scoreAfterFailure(p: QualityParams, score: number): number {
  return Math.min(score, p.satisfactionAfterFailure);
}
