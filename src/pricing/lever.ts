/**
 * The pricing lever: a price per period (per segment where needed) and demand that responds
 * to it (models.md §5). The scenario's arrival rates are the demand at the reference prices;
 * the lever resolves the priced rates once, before the run (segment-demand.ts), and each
 * replication simulates them: its Poisson source replaces the core's on the same streams
 * (model/arrivals.ts scenarioArrivals), so charged prices equal to the reference prices give
 * exactly the unpriced run. With `congestion`, the split is settled first (congestion.ts).
 *
 * It reports the demand account (demand-metrics.ts) and, once for the run, the calibration,
 * the flows from period to period and the congestion fixed point (`levers.pricing`).
 */
import { defineLever } from '../levers/lever.js';
import { scenarioArrivals } from '../model/arrivals.js';
import type { Model } from '../model/model.js';
import { checkPricing } from './check.js';
import type { PricingConfig, SegmentPricing } from './config.js';
import { settleCongestion } from './congestion.js';
import { demandMetrics, demandMetricValues } from './demand-metrics.js';
import { PricingSchema, SegmentPricingSchema } from './keys.js';
import { resolvePricing } from './resolve.js';

export const pricingLever = defineLever<PricingConfig>({
  name: 'pricing',
  keys: { scenario: { pricing: PricingSchema.optional() }, segment: { pricing: SegmentPricingSchema.optional() } },
  check: checkPricing,
  resolve: resolvePricing,
  metrics: demandMetrics,
  install(system, config, context) {
    if (config.congestion !== null && config.congestion.settled === null) {
      throw new Error('pricing.congestion must be settled before a replication runs (runReplications and settleModel do it)');
    }
    // arrivalSources[0] is the scenario's Poisson source (system.ts): priced rates, same streams.
    system.arrivalSources[0] = scenarioArrivals(context.model, context.seed, context.replication, config.segments.map((s) => s.pricedRates));
    const values = demandMetricValues(config, context.model);
    return { collect: () => values };
  },
  settle: (model, config) => settleCongestion(model, config),
  describe: describePricing,
});

/** Per period, by name. */
const byPeriod = <T>(model: Model, value: (p: number) => T): Record<string, T> => Object.fromEntries(model.periods.map((period, p) => [period.name, value(p)]));

function describeSegment(segment: SegmentPricing, model: Model): Record<string, unknown> {
  const { account, choice } = segment;
  return {
    response: segment.response,
    elasticity: segment.elasticity,
    ...(choice === null
      ? {}
      : {
          betaPrice: choice.model.betaPrice,
          alpha: Object.fromEntries(choice.periods.map((k, j) => [model.periods[k]!.name, choice.model.alpha[j]])),
          noPurchaseShare: choice.noPurchaseShare,
          calibrateOn: model.periods[choice.calibrateOn]!.name,
          ...(choice.nestParameter === 1 ? {} : { nestParameter: choice.nestParameter }),
          ...(choice.waitWeight === 0 ? {} : { waitWeight: choice.waitWeight }),
        }),
    periods: byPeriod(model, (p) => ({
      referencePrice: segment.referencePrices[p],
      price: segment.prices[p],
      baseRate: segment.baseRates[p],
      pricedRate: segment.pricedRates[p],
      baseDemand: account.base[p],
      pricedDemand: account.priced[p],
      stayed: account.stayed[p],
      shiftedOut: account.shiftedOut[p],
      shiftedIn: account.shiftedIn[p],
      lostToPrice: account.lostToPrice[p],
      gainedFromPrice: account.gainedFromPrice[p],
      shiftedTo: Object.fromEntries(model.periods.flatMap((period, to) => (account.shifted[p]![to]! > 0 ? [[period.name, account.shifted[p]![to]]] : []))),
    })),
  };
}

/** The calibration, prices, demand flows and congestion fixed point, for the results. */
export function describePricing(config: PricingConfig, model: Model): Record<string, unknown> {
  const settled = config.congestion?.settled;
  return {
    segments: Object.fromEntries(config.segments.map((segment, i) => [model.segments[i]!.id, describeSegment(segment, model)])),
    ...(config.congestion === null || settled === null || settled === undefined
      ? {}
      : {
          note: `Pricing: the congestion fixed point settled after ${settled.iterations} iteration${settled.iterations === 1 ? '' : 's'} (last change of a share ${settled.change.toPrecision(2)}, tolerance ${config.congestion.tolerance}).`,
          congestion: {
            iterations: settled.iterations,
            change: settled.change,
            tolerance: config.congestion.tolerance,
            damping: config.congestion.damping,
            expectedWaits: Object.fromEntries(settled.waits.map((waits, i) => [model.segments[i]!.id, byPeriod(model, (p) => waits[p])])),
            baseWaits: Object.fromEntries(settled.baseWaits.map((waits, i) => [model.segments[i]!.id, byPeriod(model, (p) => waits[p])])),
          },
        }),
  };
}
