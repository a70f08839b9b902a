/**
 * Satisfaction with a wait on a 1–5 scale (models.md §2.2–2.3): the perceived wait W_p is
 * judged against the customer's zone of tolerance, desired wait D and adequate wait A
 * (Zeithaml, Berry & Parasuraman 1993 [S2]), asymmetrically: beyond A each extra minute
 * costs λ_loss = 2.25 times what it cost inside the zone [A] (direction: Anderson & Sullivan
 * 1993 [S]). A quote that is beaten or missed and every slip (being overtaken) move the score.
 *
 * All functions take and return plain numbers (waits in the time unit, points); nothing allocates.
 */
import { experienceDefaults as d } from './defaults.js';

export interface SatisfactionParams {
  lossAversion: number;
  quoteGainWeight: number;
  quoteLossWeight: number;
  slipPenalty: number;
  slipPenaltyCap: number;
}

export function defaultSatisfactionParams(): SatisfactionParams {
  return {
    lossAversion: d.lossAversion.value,
    quoteGainWeight: d.quoteGainWeight.value,
    quoteLossWeight: d.quoteLossWeight.value,
    slipPenalty: d.slipPenalty.value,
    slipPenaltyCap: d.slipPenaltyCap.value,
  };
}

/**
 * The zone-of-tolerance score (§2.3), requires adequate ≥ desired:
 *
 *   5                                         if W_p ≤ D      (delight)
 *   5 − 2·(W_p − D)/(A − D)                   if D < W_p ≤ A  (inside the zone: 5 → 3)
 *   max(1, 3 − λ_loss·2·(W_p − A)/(A − D))    if W_p > A      (below adequate, steeper)
 *
 * With A = D the zone is empty and the score falls from 5 straight to 1 past D.
 */
export function zoneScore(perceived: number, desired: number, adequate: number, lossAversion: number): number {
  if (perceived <= desired) return 5;
  const width = adequate - desired;
  if (perceived <= adequate) return 5 - (2 * (perceived - desired)) / width;
  return Math.max(1, 3 - (lossAversion * 2 * (perceived - adequate)) / width);
}

/**
 * Smooth alternative to zoneScore for gradient-based studies (§2.3, [A]):
 * S = 1 + 4/(1 + exp((W_p − (D + A)/2)/s)), s = (A − D)/4. It is 3 at the middle of the zone.
 */
export function smoothZoneScore(perceived: number, desired: number, adequate: number): number {
  const spread = (adequate - desired) / 4;
  return 1 + 4 / (1 + Math.exp((perceived - (desired + adequate) / 2) / spread));
}

/**
 * Disconfirmation of a quoted wait Q (Maister's S = P − E, §2.3):
 * + γ⁺·min(1, (Q − W_p)⁺/Q) when the wait beats the quote, − γ⁻·min(1, (W_p − Q)⁺/Q) when it
 * misses it; the relative gap saturates at 1. A quote of 0 is taken at its limit: any
 * positive wait misses it fully (−γ⁻), no wait is neutral.
 */
export function quoteDisconfirmation(perceived: number, quote: number, gainWeight: number, lossWeight: number): number {
  if (quote <= 0) return perceived > 0 ? -lossWeight : 0;
  if (perceived > quote) return -lossWeight * Math.min(1, (perceived - quote) / quote);
  return gainWeight * Math.min(1, (quote - perceived) / quote);
}

/** Fairness (§1.3, Larson 1987 direction [S]): perSlip points per slip, at most cap in total. */
export function fairnessPenalty(slips: number, perSlip: number, cap: number): number {
  return Math.min(cap, perSlip * slips);
}

/**
 * The final score: zone score + quote term (if a quote was given) − fairness penalty, clamped
 * to [1, 5] once, at the end. Clamping once makes the order of the terms irrelevant; a beaten
 * quote cannot lift a delighted customer above 5 and slips cannot push an angry one below 1.
 */
export function satisfactionScore(
  p: SatisfactionParams,
  perceived: number,
  desired: number,
  adequate: number,
  slips: number,
  quote?: number,
): number {
  let s = zoneScore(perceived, desired, adequate, p.lossAversion) - fairnessPenalty(slips, p.slipPenalty, p.slipPenaltyCap);
  if (quote !== undefined) s += quoteDisconfirmation(perceived, quote, p.quoteGainWeight, p.quoteLossWeight);
  return s < 1 ? 1 : s > 5 ? 5 : s;
}

/**
 * Where a perceived wait falls, with the same boundaries as zoneScore: W_p ≤ D is desired
 * (score 5), D < W_p ≤ A is inside the tolerance zone (5 > score ≥ 3), W_p > A is below adequate.
 * For shares reported as "within tolerance", count desired too: zone ≤ WaitZone.tolerance.
 */
export const WaitZone = { desired: 0, tolerance: 1, belowAdequate: 2 } as const;
export type WaitZone = (typeof WaitZone)[keyof typeof WaitZone];

export function waitZone(perceived: number, desired: number, adequate: number): WaitZone {
  if (perceived <= desired) return WaitZone.desired;
  return perceived <= adequate ? WaitZone.tolerance : WaitZone.belowAdequate;
}

/** W_p ≤ D. */
export function withinDesired(perceived: number, desired: number): boolean {
  return perceived <= desired;
}

/** W_p ≤ A: inside the zone of tolerance or better (includes withinDesired). */
export function withinTolerance(perceived: number, adequate: number): boolean {
  return perceived <= adequate;
}

/**
 * A customer's own tolerance (§2.2, CV 0.3 [A]): D_i = D·F and A_i = A·F with one lognormal
 * factor F = exp(σz − σ²/2), σ² = ln(1 + cv²), from one standard normal deviate z (see
 * random/normal-quantile.ts to get z from a uniform). E[F] = 1 and CV(F) = cv, so D_i and A_i
 * are both lognormal with means D and A and the given CV, and A_i > D_i always holds: the
 * whole zone stretches or shrinks for patient or impatient customers. Two independent draws
 * would cross (A_i ≤ D_i) for 5% of coffee and 11% of bank customers and need a repair
 * that distorts both laws.
 */
export function toleranceFactor(z: number, cv: number): number {
  const variance = Math.log(1 + cv * cv);
  return lognormalFactor(z, Math.sqrt(variance), variance);
}

/** toleranceFactor with σ = √ln(1 + cv²) and σ² computed once (the per-customer form). */
export function lognormalFactor(z: number, sigma: number, variance: number): number {
  return Math.exp(sigma * z - variance / 2);
}

/** Value of the service (§1.3 #7, [A]): A′ = A·(1 + v), never below D. */
export function adequateForValue(adequate: number, desired: number, value: number): number {
  return Math.max(desired, adequate * (1 + value));
}

/** Physical discomfort (§1.3 #9, [A]): A′ = factor·A (0.8), never below D. */
export function adequateWhenUncomfortable(adequate: number, desired: number, factor: number): number {
  return Math.max(desired, adequate * factor);
}
