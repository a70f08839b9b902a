/**
 * The pricing lever's part of the model (`model.levers.pricing`): plain data, fully resolved.
 * Per segment: the prices, the calibrated response, the priced arrival rates the simulation
 * runs, and the demand accounting. Other levers read it through `pricingOf` (money reads the
 * prices and the customers lost to price).
 */
import type { Model } from '../model/model.js';
import type { DemandAccount } from './accounting.js';
import type { PricingResponse } from './defaults.js';
import type { SlotChoiceModel } from './slot-choice.js';

/** A logit response: who chooses between which periods, calibrated as in models.md §5.2. */
export interface PeriodChoice {
  /** The periods in the choice (those with base demand), as period indices. */
  periods: number[];
  /** β_p and α_j, one α per period of `periods`. */
  model: SlotChoiceModel;
  /** λ of the nested logit; 1 for the plain logit (MNL). */
  nestParameter: number;
  /** Share of "not at all" at the reference prices. */
  noPurchaseShare: number;
  /** Period index whose own elasticity calibrated β_p. */
  calibrateOn: number;
  /** Extra utility δ of each period of `periods` (promotion, §5.4); zeros without one. */
  promotion: number[];
  /** The model's own shares at the reference prices (the base shares, as the model computes them). */
  baseShares: number[];
  /** β_w = β_p × valueOfWaiting: utility per time unit of expected wait (0 without congestion). */
  waitWeight: number;
}

export interface SegmentPricing {
  response: PricingResponse;
  elasticity: number;
  /** Per period. */
  referencePrices: number[];
  /** Per period: the prices charged. */
  prices: number[];
  /** Per period: the scenario's rates, the demand at the reference prices. */
  baseRates: number[];
  /** Per period: the rates the simulation runs. */
  pricedRates: number[];
  /** The logit forms' choice; null for the volume responses and `fixed`. */
  choice: PeriodChoice | null;
  /** Expected customers per period before and after pricing, and where they went. */
  account: DemandAccount;
}

/** The congestion fixed point's settings and, once settled, what it found. */
export interface CongestionConfig {
  damping: number;
  tolerance: number;
  maxIterations: number;
  /** Per period: the waits at which the rates were observed; null = the scenario's own, simulated at the reference prices. */
  referenceWaits: number[] | null;
  /** Null until settled (pricing/congestion.ts). */
  settled: SettledCongestion | null;
}

export interface SettledCongestion {
  /** Sets of replications run for the fixed point (one more ran for the base waits). */
  iterations: number;
  /** The largest change of a share in the last step. */
  change: number;
  /** Per segment and period: the expected wait at which the rates were observed (referenceWaits, or simulated at the reference prices). */
  baseWaits: number[][];
  /** Per segment and period: the expected wait in the last step. */
  waits: number[][];
}

export interface PricingConfig {
  /** Per segment. */
  segments: SegmentPricing[];
  /** Null without pricing.congestion. */
  congestion: CongestionConfig | null;
}

/** The pricing config of `model`, or undefined when the scenario does not use pricing. */
export function pricingOf(model: Model): PricingConfig | undefined {
  return model.levers.pricing as PricingConfig | undefined;
}
