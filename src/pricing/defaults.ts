/**
 * The defaults of the pricing lever (shared/models.md §5), each with the tag models.md gives
 * it: [S] primary source, [S2] secondary, [M] standard result, [A] assumption, [D] derived.
 * This is the only place these numbers are written down.
 */
import { DEFAULT_NEST_PARAMETER } from './slot-choice.js';

/** How demand responds to price: see segment-demand.ts. */
export type PricingResponse = 'logit' | 'nestedLogit' | 'constantElasticity' | 'linearElasticity' | 'fixed';
export const pricingResponses: readonly PricingResponse[] = ['logit', 'nestedLogit', 'constantElasticity', 'linearElasticity', 'fixed'];

/** The responses that choose between periods (and "not at all"): the rest act on each period alone. */
export function choosesPeriods(response: PricingResponse): boolean {
  return response === 'logit' || response === 'nestedLogit';
}

export const pricingDefaults = {
  /** Multinomial logit over the periods plus "not at all": the recommended model of §5.2 [M] (Ben-Akiva & Lerman 1985 [S2]). */
  response: 'logit' as PricingResponse,
  /** Own-price elasticity of coffee / quick service, −0.8 [A], set equal to restaurants' −0.81 [S] (Andreyeva et al. 2010), §5.3. */
  elasticity: -0.8,
  /** Base share of "not at all" in the logit: 0.2 [A], as in V17 (§7). */
  noPurchaseShare: 0.2,
  /** Nest parameter of the nested logit, nest {periods} vs {not at all}: 0.5 [A], §5.2. */
  nestParameter: DEFAULT_NEST_PARAMETER,
  /** Congestion fixed point: damping 0.5 [A] (analytic/fixed-point.ts). */
  damping: 0.5,
  /** Congestion fixed point: stop when no share of any segment's market moves by 0.001 or more [A]. */
  tolerance: 0.001,
  /** Congestion fixed point: at most 30 iterations, each a whole set of replications [A]. */
  maxIterations: 30,
} as const;
