/**
 * The demand shaping of one segment: from the scenario's rates (the demand at the reference
 * prices) to the rates at the charged prices, per period (models.md §5).
 *
 *   constantElasticity, linearElasticity   each period's rate alone, by §5.1 (V18);
 *   logit, nestedLogit                     customers choose a period or "not at all": the
 *                                          choice is calibrated so that the reference prices
 *                                          reproduce the scenario's rates (§5.2, V17), and
 *                                          each rate scales with its period's share;
 *   fixed                                  the rates stay as they are.
 *
 * The shares are those of slot-choice.ts; the base demand of a period is its rate times its
 * length. Charged prices equal to the reference prices (and no extra utility) give exactly
 * the scenario's rates, bit for bit, so such a run is exactly the unpriced one.
 */
import type { Period } from '../model/model.js';
import type { PeriodChoice } from './config.js';
import { constantElasticityDemand, linearElasticityDemand } from './demand.js';
import { calibrateMnl, calibrateNestedLogit, nestedLogitShares, type SlotChoiceModel } from './slot-choice.js';
import type { PricingResponse } from './defaults.js';

/** What the choice of one segment is calibrated from. */
export interface ChoiceInput {
  response: 'logit' | 'nestedLogit';
  periods: readonly Period[];
  baseRates: readonly number[];
  referencePrices: readonly number[];
  elasticity: number;
  noPurchaseShare: number;
  /** Period index; undefined = the period with the least base demand. */
  calibrateOn: number | undefined;
  nestParameter: number;
  /** Per period (all periods). */
  promotion: readonly number[];
  /** Money per time unit of expected wait (0 without congestion). */
  valueOfWaiting: number;
}

/** Expected customers per period: rate × length. */
export function demandOf(rates: readonly number[], periods: readonly Period[]): number[] {
  return rates.map((rate, k) => rate * (periods[k]!.end - periods[k]!.start));
}

/** The period the elasticity is known for, by default the one with the least base demand among those with some. */
export function defaultCalibrationPeriod(baseDemand: readonly number[]): number {
  let best = -1;
  baseDemand.forEach((demand, k) => {
    if (demand > 0 && (best < 0 || demand < baseDemand[best]!)) best = k;
  });
  return best;
}

/**
 * Calibrates the choice (§5.2): base shares s_k = D_k / M with market M = ΣD / (1 − s_0),
 * β_p from the own elasticity of period `calibrateOn`, α_k reproducing the shares. Periods
 * without base demand are not in the choice (their demand stays 0). Undefined when the
 * segment has no demand at all.
 */
export function calibrateChoice(input: ChoiceInput): PeriodChoice | undefined {
  const baseDemand = demandOf(input.baseRates, input.periods);
  const periods = baseDemand.flatMap((demand, k) => (demand > 0 ? [k] : []));
  if (periods.length === 0) return undefined;
  const calibrateOn = input.calibrateOn ?? defaultCalibrationPeriod(baseDemand);
  const slot = periods.indexOf(calibrateOn);
  if (slot < 0) throw new RangeError(`the period calibrated on (${input.periods[calibrateOn]?.name}) has no base demand`);
  const total = periods.reduce((a, k) => a + baseDemand[k]!, 0);
  const market = total / (1 - input.noPurchaseShare);
  const slots = periods.map((k) => baseDemand[k]! / market);
  const none = 1 - slots.reduce((a, b) => a + b, 0);
  const calibration = { prices: periods.map((k) => input.referencePrices[k]!), shares: { slots, none }, ownElasticity: input.elasticity, calibrateOn: slot };
  const nestParameter = input.response === 'nestedLogit' ? input.nestParameter : 1;
  const model: SlotChoiceModel = nestParameter === 1 ? calibrateMnl(calibration) : calibrateNestedLogit(calibration, nestParameter);
  const choice: PeriodChoice = {
    periods,
    model,
    nestParameter,
    noPurchaseShare: input.noPurchaseShare,
    calibrateOn,
    promotion: periods.map((k) => input.promotion[k] ?? 0),
    baseShares: [],
    waitWeight: model.betaPrice * input.valueOfWaiting,
  };
  // Without the promotion: the base is the scenario's demand, which no promotion shaped.
  choice.baseShares = nestedLogitShares(model, calibration.prices, nestParameter).slots;
  return choice;
}

/**
 * The shares of the periods in the choice at `prices` (per period), with `extra` utility per
 * period of the choice added to the promotion (the congestion term); without either, at the
 * reference prices, these are exactly `baseShares` (the same computation, bit for bit).
 */
export function choiceShares(choice: PeriodChoice, prices: readonly number[], extra?: readonly number[]): number[] {
  const utility = extra === undefined && choice.promotion.every((d) => d === 0) ? undefined : choice.promotion.map((d, j) => d + (extra?.[j] ?? 0));
  const slotPrices = choice.periods.map((k) => prices[k]!);
  return nestedLogitShares(choice.model, slotPrices, choice.nestParameter, utility).slots;
}

/** The rates of a choice whose periods have `shares`: each base rate scaled by its share's change. */
export function ratesFromShares(choice: PeriodChoice, baseRates: readonly number[], shares: readonly number[]): number[] {
  const rates = [...baseRates];
  choice.periods.forEach((k, j) => {
    rates[k] = baseRates[k]! * (shares[j]! / choice.baseShares[j]!);
  });
  return rates;
}

/** The priced rates of a segment at `prices` (per period); `extra`: the logit's congestion term. */
export function pricedRates(
  segment: { response: PricingResponse; elasticity: number; referencePrices: readonly number[]; baseRates: readonly number[]; choice: PeriodChoice | null },
  prices: readonly number[],
  extra?: readonly number[],
): number[] {
  const { baseRates, referencePrices, elasticity } = segment;
  switch (segment.response) {
    case 'constantElasticity':
      return baseRates.map((rate, k) => constantElasticityDemand(rate, prices[k]!, referencePrices[k]!, elasticity));
    case 'linearElasticity':
      return baseRates.map((rate, k) => linearElasticityDemand(rate, prices[k]!, referencePrices[k]!, elasticity));
    case 'logit':
    case 'nestedLogit':
      return segment.choice === null ? [...baseRates] : ratesFromShares(segment.choice, baseRates, choiceShares(segment.choice, prices, extra));
    case 'fixed':
      return [...baseRates];
  }
}
