/**
 * The scenario keys of the pricing lever: a top-level `pricing` (reference prices, charged
 * prices, how demand responds, promotion, congestion) and a `pricing` in each segment that
 * overrides the demand keys for that segment (price- and time-sensitive segments, §5.5).
 * Defaults and their sources are in defaults.ts; the README documents every key.
 */
import { z } from 'zod';
import { markShareKey, percentageHint, wholeNumber } from '../scenario/numbers.js';
import { pricingDefaults as d, pricingResponses } from './defaults.js';

markShareKey('noPurchaseShare');
const noPurchaseShareBounds = (issue: { input?: unknown }) =>
  `noPurchaseShare must be between 0 and 1, both excluded (some come and some do not)${percentageHint(issue.input, true)}`;

const price = z.number().positive({ error: 'a price must be greater than 0' });
const perPeriodPrice = z.union([price, z.record(z.string(), price)]);

/**
 * The demand keys, at the top level (with the defaults below) or in a segment, which takes a
 * key it leaves out from the top level: a segment's keys carry no default in the JSON Schema.
 */
function demandKeys(where: 'scenario' | 'segment') {
  // The top level's default, or that a segment's key left out is the top level's.
  const byDefault = (value: unknown) => (where === 'scenario' ? { default: value } : {});
  const told = (value: unknown, tag = '') => (where === 'scenario' ? `default ${String(value)}${tag}` : 'default: the top-level pricing’s');
  return {
    referencePrice: perPeriodPrice.meta({
      description: 'The price (a number, or per period) at which the arrival rates are the demand: the rates of arrivals.rate are the demand at these prices.',
    }),
    price: perPeriodPrice.optional().meta({ description: 'The price charged: a number, or per period { periodName: price } (default: the reference price).' }),
    response: z
      .enum(pricingResponses as [string, ...string[]], { error: `response must be one of ${pricingResponses.join(', ')}` })
      .optional()
      .meta({
        description: `How demand responds to the price (${told(d.response)}): logit = customers choose between the periods and "not at all" (§5.2); nestedLogit = the same with the periods in one nest; constantElasticity / linearElasticity = each period's volume alone (§5.1); fixed = no response.`,
        ...byDefault(d.response),
      }),
    elasticity: z
      .number()
      .negative({ error: 'elasticity must be below 0 (demand falls as the price rises)' })
      .optional()
      .meta({ description: `Own-price elasticity (${told(d.elasticity, ' [A], coffee / quick service, §5.3')}); for the logit forms, that of the period calibrateOn.`, ...byDefault(d.elasticity) }),
    noPurchaseShare: z
      .number()
      .gt(0, { error: noPurchaseShareBounds })
      .lt(1, { error: noPurchaseShareBounds })
      .optional()
      .meta({ description: `Logit forms: the share of the market that does not come at all at the reference prices (${told(d.noPurchaseShare, ' [A]')}).`, ...byDefault(d.noPurchaseShare) }),
    calibrateOn: z
      .string()
      .min(1)
      .optional()
      .meta({ description: 'Logit forms: the period whose own-price elasticity is `elasticity` (default: the period with the least base demand).' }),
  };
}

const segmentDemandKeys = demandKeys('segment');

export const SegmentPricingSchema = z
  .strictObject({
    ...segmentDemandKeys,
    referencePrice: segmentDemandKeys.referencePrice.optional(),
    valueOfWaiting: z
      .number()
      .nonnegative({ error: 'valueOfWaiting must be 0 or more' })
      .optional()
      .meta({ description: "With pricing.congestion: this segment's value of a time unit of expected wait, in money (overrides pricing.congestion.valueOfWaiting)." }),
  })
  .meta({ description: 'Pricing keys that differ for this segment (prices, response, elasticity, ...); the rest come from the top-level pricing.' });

export const CongestionSchema = z
  .strictObject({
    valueOfWaiting: z
      .number()
      .nonnegative({ error: 'valueOfWaiting must be 0 or more' })
      .meta({ description: 'Money a customer would pay to wait one time unit less: the wait weight is β_w = β_p × valueOfWaiting (§5.2).' }),
    damping: z
      .number()
      .gt(0, { error: 'damping must be in (0, 1]' })
      .max(1, { error: 'damping must be in (0, 1]' })
      .optional()
      .meta({ description: `Step of the damped fixed point, in (0, 1] (default ${d.damping} [A]).`, default: d.damping }),
    tolerance: z
      .number()
      .positive({ error: 'tolerance must be greater than 0' })
      .optional()
      .meta({ description: `Settled when no period's share of a segment's market moves by this much in one step (default ${d.tolerance} [A]).`, default: d.tolerance }),
    referenceWaits: z
      .union([z.number().nonnegative({ error: 'a wait must be 0 or more' }), z.record(z.string(), z.number().nonnegative({ error: 'a wait must be 0 or more' }))])
      .optional()
      .meta({
        description:
          'The expected waits (a number, or per period) at which the arrival rates were observed. Default: the waits this scenario itself gives at the reference prices (simulated). Give the waits of the system as it was when a variant changes the system (one more server).',
      }),
    maxIterations: wholeNumber('maxIterations', 1)
      .optional()
      .meta({ description: `Give up (an error) after this many steps, each a whole set of replications (default ${d.maxIterations} [A]).`, default: d.maxIterations }),
  })
  .meta({ description: 'Customers avoid periods they expect to be crowded: the term −β_w·E[W] in the logit, with E[W] from the simulation itself, iterated to a fixed point.' });

export const PricingSchema = z
  .strictObject({
    ...demandKeys('scenario'),
    nestParameter: z
      .number()
      .gt(0, { error: 'nestParameter must be in (0, 1]' })
      .max(1, { error: 'nestParameter must be in (0, 1]' })
      .optional()
      .meta({ description: `nestedLogit: the nest parameter λ (default ${d.nestParameter} [A]); 1 is the plain logit.`, default: d.nestParameter }),
    promotion: z
      .record(z.string(), z.number())
      .optional()
      .meta({ description: 'Logit forms: extra utility of promoted periods { periodName: δ } (δ = 0.2 acts like a 20% discount at β_p·p = 1 [A], §5.4).' }),
    congestion: CongestionSchema.optional(),
  })
  .meta({ description: 'Prices per period and how demand responds to them (models.md §5). Without this key demand is the arrival rates.' });

export type PricingKeys = z.infer<typeof PricingSchema>;
export type SegmentPricingKeys = z.infer<typeof SegmentPricingSchema>;
export type PerPeriodPrice = z.infer<typeof perPeriodPrice>;
