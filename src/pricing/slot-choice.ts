/**
 * Choice of a time slot (peak, shoulder, off-peak, …) or no purchase: multinomial logit
 * (MNL) and nested logit (models.md §5.2; Ben-Akiva & Lerman 1985 [S2]).
 *
 * Utility of slot k: V_k = α_k − β_p·p_k + e_k, where e_k collects every other term the
 * caller adds (off-peak promotion +δ, −β_w·E[W_k], schedule delay, …); V_none = 0.
 *
 * MNL:   s_k = e^(V_k) / (1 + Σ_j e^(V_j)). It has IIA: a cheaper off-peak slot draws
 *        from peak and from "none" in proportion to their shares (V17: 75% from peak).
 * Nested logit, nest {slots} vs {none}, nest parameter λ ∈ (0, 1] (0.5 by default [A]):
 *        I = ln Σ_j e^(V_j/λ)  (inclusive value of the slots),
 *        P(slots) = e^(λI) / (1 + e^(λI)),  s_k = P(slots)·e^(V_k/λ) / Σ_j e^(V_j/λ).
 *        λ = 1 is MNL; smaller λ makes slots closer substitutes of each other than of
 *        "none", so an off-peak discount cannibalises the peak more.
 */
import { requireNonNegative } from '../analytic/checks.js';

/** Choice shares: one per slot, plus "no purchase"; together they sum to 1. */
export interface SlotShares {
  slots: number[];
  none: number;
}

/** A calibrated choice model: price coefficient β_p and slot constants α_k. */
export interface SlotChoiceModel {
  betaPrice: number;
  alpha: number[];
}

export interface CalibrationInput {
  /** Base prices per slot. */
  prices: readonly number[];
  /** Observed base shares (slots and none, summing to 1, all positive). */
  shares: SlotShares;
  /** Own-price elasticity ε of the slot `calibrateOn` at the base point (negative). */
  ownElasticity: number;
  /** The slot whose elasticity is known. */
  calibrateOn: number;
}

/** The default nest parameter of the nested logit [A] (§5.2). */
export const DEFAULT_NEST_PARAMETER = 0.5;

function checkNestParameter(nestParameter: number): void {
  requireNonNegative('nest parameter', nestParameter, false);
  if (nestParameter > 1) throw new RangeError(`nest parameter must be in (0, 1], got ${nestParameter}`);
}

function checkCalibration(input: CalibrationInput): { price: number; share: number } {
  const { prices, shares, calibrateOn } = input;
  if (prices.length !== shares.slots.length) throw new RangeError('one price per slot share is needed');
  const all = [...shares.slots, shares.none];
  if (all.some((s) => !(s > 0)) || Math.abs(all.reduce((a, b) => a + b, 0) - 1) > 1e-9) {
    throw new RangeError('base shares must be positive and sum to 1');
  }
  const price = prices[calibrateOn];
  const share = shares.slots[calibrateOn];
  if (price === undefined || share === undefined || !(price > 0)) {
    throw new RangeError('calibrateOn must name a slot with a positive price');
  }
  if (!(input.ownElasticity < 0)) throw new RangeError(`own elasticity must be negative, got ${input.ownElasticity}`);
  return { price, share };
}

/**
 * MNL calibration (§5.2): β_p = −ε/(p_k·(1 − s_k)) from the one known elasticity, then
 * α_j = ln(s_j/s_0) + β_p·p_j reproduces the base shares exactly (V17: β_p = 0.1,
 * α = (2.098612, 1.0)).
 */
export function calibrateMnl(input: CalibrationInput): SlotChoiceModel {
  const { price, share } = checkCalibration(input);
  const betaPrice = -input.ownElasticity / (price * (1 - share));
  const alpha = input.shares.slots.map((s, j) => Math.log(s / input.shares.none) + betaPrice * input.prices[j]!);
  return { betaPrice, alpha };
}

/**
 * Nested-logit calibration to the same base shares and own elasticity. With nest share
 * S = 1 − s_0 and q_k = s_k/S, the own elasticity is
 *   ε_kk = −β_p·p_k·[1/λ − (1/λ − 1)·q_k − s_k],
 * and α_j = λ·ln q_j + ln(S/s_0) + β_p·p_j reproduces the base shares.
 */
export function calibrateNestedLogit(input: CalibrationInput, nestParameter = DEFAULT_NEST_PARAMETER): SlotChoiceModel {
  checkNestParameter(nestParameter);
  const { price, share } = checkCalibration(input);
  const nestShare = 1 - input.shares.none;
  const within = share / nestShare;
  const bracket = 1 / nestParameter - (1 / nestParameter - 1) * within - share;
  const betaPrice = -input.ownElasticity / (price * bracket);
  const alpha = input.shares.slots.map(
    (s, j) => nestParameter * Math.log(s / nestShare) + Math.log(nestShare / input.shares.none) + betaPrice * input.prices[j]!,
  );
  return { betaPrice, alpha };
}

function utilities(model: SlotChoiceModel, prices: readonly number[], extraUtility?: readonly number[]): number[] {
  if (prices.length !== model.alpha.length) throw new RangeError('one price per slot is needed');
  if (extraUtility !== undefined && extraUtility.length !== prices.length) {
    throw new RangeError('one extra utility per slot is needed');
  }
  return model.alpha.map((a, k) => a - model.betaPrice * prices[k]! + (extraUtility?.[k] ?? 0));
}

/** Nested-logit shares, nest {slots} vs {none} with nest parameter λ ∈ (0, 1]. */
export function nestedLogitShares(
  model: SlotChoiceModel,
  prices: readonly number[],
  nestParameter = DEFAULT_NEST_PARAMETER,
  extraUtility?: readonly number[],
): SlotShares {
  checkNestParameter(nestParameter);
  const scaled = utilities(model, prices, extraUtility).map((v) => v / nestParameter);
  // Log-sum-exp with the largest scaled utility factored out, so no exponent overflows.
  const top = scaled.reduce((m, v) => Math.max(m, v), -Infinity);
  // Every slot out of reach (an endless expected wait in each): everyone chooses not to come.
  if (top === -Infinity) return { slots: scaled.map(() => 0), none: 1 };
  const weights = scaled.map((v) => Math.exp(v - top));
  const total = weights.reduce((a, b) => a + b, 0);
  const inclusive = top + Math.log(total);
  const none = 1 / (1 + Math.exp(nestParameter * inclusive));
  const nest = 1 - none;
  return { slots: weights.map((w) => (nest * w) / total), none };
}

/** MNL shares for the given prices and extra utilities e_k (default 0): the nested logit with λ = 1. */
export function mnlShares(model: SlotChoiceModel, prices: readonly number[], extraUtility?: readonly number[]): SlotShares {
  return nestedLogitShares(model, prices, 1, extraUtility);
}

/** MNL own-price elasticity of slot k: ε_kk = −β_p·p_k·(1 − s_k). */
export function mnlOwnElasticity(betaPrice: number, price: number, share: number): number {
  return -betaPrice * price * (1 - share);
}

/** MNL cross elasticity of any other slot's share with respect to p_k: ε_jk = β_p·p_k·s_k. */
export function mnlCrossElasticity(betaPrice: number, price: number, share: number): number {
  return betaPrice * price * share;
}
