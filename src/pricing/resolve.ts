/**
 * Resolution of the pricing keys into the lever's config: per segment, the top-level keys
 * with the segment's own `pricing` on top, every default filled (defaults.ts), the choice
 * calibrated, the priced rates and the demand account computed. Runs after the checks
 * (check.ts), so every name it looks up exists.
 */
import type { ScenarioData } from '../levers/lever.js';
import type { Model, Period } from '../model/model.js';
import { accountDemand } from './accounting.js';
import type { CongestionConfig, PricingConfig, SegmentPricing } from './config.js';
import { choosesPeriods, pricingDefaults as d, type PricingResponse } from './defaults.js';
import type { PerPeriodPrice, PricingKeys, SegmentPricingKeys } from './keys.js';
import { calibrateChoice, demandOf, pricedRates } from './segment-demand.js';

export function resolvePricing(data: ScenarioData, model: Model): PricingConfig | undefined {
  const keys = data.pricing as PricingKeys | undefined;
  if (keys === undefined) return undefined;
  const segments = model.segments.map((spec, i) => resolveSegment(keys, (data.segments[i]!.pricing ?? {}) as SegmentPricingKeys, spec.rates, model.periods));
  const congestion: CongestionConfig | null =
    keys.congestion === undefined
      ? null
      : {
          damping: keys.congestion.damping ?? d.damping,
          tolerance: keys.congestion.tolerance ?? d.tolerance,
          maxIterations: keys.congestion.maxIterations ?? d.maxIterations,
          referenceWaits: keys.congestion.referenceWaits === undefined ? null : perPeriod(keys.congestion.referenceWaits, model.periods),
          settled: null,
        };
  return { segments, congestion };
}

function resolveSegment(top: PricingKeys, own: SegmentPricingKeys, baseRates: readonly number[], periods: readonly Period[]): SegmentPricing {
  const response = (own.response ?? top.response ?? d.response) as PricingResponse;
  const elasticity = own.elasticity ?? top.elasticity ?? d.elasticity;
  const referencePrices = perPeriod(own.referencePrice ?? top.referencePrice, periods);
  const prices = perPeriod(own.price ?? top.price ?? own.referencePrice ?? top.referencePrice, periods);
  const calibrateOnName = own.calibrateOn ?? top.calibrateOn;
  const choice = choosesPeriods(response)
    ? calibrateChoice({
        response: response as 'logit' | 'nestedLogit',
        periods,
        baseRates,
        referencePrices,
        elasticity,
        noPurchaseShare: own.noPurchaseShare ?? top.noPurchaseShare ?? d.noPurchaseShare,
        calibrateOn: calibrateOnName === undefined ? undefined : periods.findIndex((p) => p.name === calibrateOnName),
        nestParameter: top.nestParameter ?? d.nestParameter,
        promotion: periods.map((p) => (top.promotion !== undefined && Object.hasOwn(top.promotion, p.name) ? top.promotion[p.name]! : 0)),
        valueOfWaiting: top.congestion === undefined ? 0 : (own.valueOfWaiting ?? top.congestion.valueOfWaiting),
      }) ?? null
    : null;
  const segment: SegmentPricing = { response, elasticity, referencePrices, prices, baseRates: [...baseRates], pricedRates: [], choice, account: accountDemand([], [], false) };
  return withRates(segment, pricedRates(segment, prices), periods);
}

/** The segment simulated at `rates`, with its demand account. */
export function withRates(segment: SegmentPricing, rates: readonly number[], periods: readonly Period[]): SegmentPricing {
  const account = accountDemand(demandOf(segment.baseRates, periods), demandOf(rates, periods), segment.choice !== null);
  return { ...segment, pricedRates: [...rates], account };
}

function perPeriod(value: PerPeriodPrice | undefined, periods: readonly Period[]): number[] {
  if (value === undefined) throw new Error('pricing: a per-period value must be resolved by now (check.ts)');
  return periods.map((p) => (typeof value === 'number' ? value : Object.hasOwn(value, p.name) ? value[p.name]! : NaN));
}
