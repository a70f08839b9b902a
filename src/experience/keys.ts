/**
 * The scenario keys of the waiting experience (README "How the wait feels"). Every default
 * is models.md's, from defaults.ts; descriptions carry the source tag. Times are in the
 * scenario's unit; the defaults that are durations are minutes, as in models.md, converted
 * to a clock unit (config.ts) and required in the file for any other unit (lever.ts).
 */
import { z } from 'zod';
import { nonNegative, positive, share } from '../scenario/numbers.js';
import { experienceDefaults as d } from './defaults.js';
import { defaultPerceptionParams, waitConditionNames } from './perception.js';

/** A satisfaction score, 1 to 5. */
const score = (what: string) => z.number().min(1, { error: `${what} must be between 1 and 5` }).max(5, { error: `${what} must be between 1 and 5` });
/** A key's description with its default and source tag, and the default for the JSON Schema. */
const tagged = (text: string, entry: { value: unknown; tag: string; source: string }) => ({
  description: `${text} Default ${JSON.stringify(entry.value)} ${entry.tag} (${entry.source}).`,
  default: entry.value,
});

const perception = defaultPerceptionParams();
const logit = (key: keyof typeof d.logitBalking.value, what: string) => ({
  description: `${key}: ${what}. Default ${d.logitBalking.value[key]} ${d.logitBalking.tag} (${d.logitBalking.source}).`,
  default: d.logitBalking.value[key],
});
/** When each multiplier m_a applies (the `waiting` key that turns it on), for its description. */
const multiplierWhen: Record<(typeof waitConditionNames)[number], string> = {
  occupied: 'a wait with something to do (waiting.occupied)',
  anxious: 'an anxious wait (waiting.anxious)',
  uncertain: 'an unusually unpredictable wait (waiting.uncertain)',
  unexplained: 'an unexplained wait (waiting.explained: false)',
  solo: 'the wait of a party of one (parties of several wait without it)',
  uncomfortable: 'an uncomfortable wait (waiting.comfortable: false)',
  unfamiliar: 'the wait of a first-time customer (waiting.firstTimeShare)',
  informed: 'the wait of a customer told their position or a quoted wait (waiting.information)',
};
const multiplierSource = (name: (typeof waitConditionNames)[number]) => d[`${name}Multiplier`];
const Multipliers = z.strictObject(
  Object.fromEntries(
    waitConditionNames.map((name) => [
      name,
      positive(name)
        .optional()
        .meta({
          description: `m_${name}: multiplies the perceived time of ${multiplierWhen[name]}. Default ${perception.multipliers[name]} ${multiplierSource(name).tag} (${multiplierSource(name).source}).`,
          default: perception.multipliers[name],
        }),
    ]),
  ) as Record<(typeof waitConditionNames)[number], z.ZodOptional<z.ZodNumber>>,
);
const stageWeight = (stage: 'pre' | 'in' | 'post') =>
  positive(stage)
    .optional()
    .meta({ description: `w_stage of a wait at a ${stage}-process station (waiting.stage: ${stage}); default ${perception.stageWeight[stage]} ${d.stageWeight.tag} (${d.stageWeight.source}).`, default: perception.stageWeight[stage] });

export const PerceptionKeys = z
  .strictObject({
    enabled: z.boolean().optional().meta({ description: 'false: perceived wait = clock wait (b = 1, k = 1, no multipliers). Default true.', default: true }),
    exponent: positive('exponent').optional().meta(tagged('b of the power law τ = k·t^b.', d.durationExponent)),
    overestimation: z.number().gt(-1, { error: 'overestimation must be greater than -1 (a wait cannot feel shorter than nothing)' }).optional().meta(tagged('o_ref: overestimation of an unoccupied wait of referenceWait.', d.overestimationAtReference)),
    referenceWait: positive('referenceWait')
      .optional()
      // No `default` keyword: the default is 5 minutes in whatever the time unit is (1/12 in hours, 300 in seconds).
      .meta({ description: `t_ref, in the time unit. Default ${d.referenceWait.value} minutes, converted to the time unit ${d.referenceWait.tag} (${d.referenceWait.source}); required for a unit that is not second, minute, hour or day.` }),
    stageWeights: z.strictObject({ pre: stageWeight('pre'), in: stageWeight('in'), post: stageWeight('post') }).optional().meta(tagged('w_stage by the stage of the station in the process.', d.stageWeight)),
    multipliers: Multipliers.optional().meta({ description: 'm_a for occupied 0.735, anxious 1.15, uncertain 1.10, unexplained 1.10, solo 1.0, uncomfortable 1.10, unfamiliar 1.10, informed 0.9 — all [A], directions sourced (models.md §1.3–1.4).' }),
    cap: positive('cap').optional().meta(tagged('Cap on the product of the multipliers.', d.multiplierCap)),
  })
  .meta({ description: 'Perceived waiting (models.md §1.2–1.4).' });

export const SatisfactionKeys = z
  .strictObject({
    lossAversion: positive('lossAversion').optional().meta(tagged('λ_loss: how much steeper the score falls below adequate.', d.lossAversion)),
    slipPenalty: nonNegative('slipPenalty').optional().meta(tagged('Points off per slip (being overtaken).', d.slipPenalty)),
    slipPenaltyCap: nonNegative('slipPenaltyCap').optional().meta(tagged('Most points off for slips.', d.slipPenaltyCap)),
    quoteGain: nonNegative('quoteGain').optional().meta(tagged('γ⁺: reward for beating a quoted wait.', d.quoteGainWeight)),
    quoteLoss: nonNegative('quoteLoss').optional().meta(tagged('γ⁻: penalty for missing a quoted wait.', d.quoteLossWeight)),
    toleranceSpread: nonNegative('toleranceSpread').optional().meta(tagged('Person-to-person spread (CV) of desired and adequate waits, lognormal; 0 for none.', d.toleranceSpreadCv)),
    lostScore: score('lostScore').optional().meta({ description: 'Score of a customer who balked, reneged, was blocked or denied. Default 1 [A]: lost and unhappy.', default: 1 }),
  })
  .meta({ description: 'The satisfaction score 1–5 from the perceived wait and the zone of tolerance, with fairness (slips) and quoted-wait terms (models.md §2.3).' });

export const QualityKeys = z
  .strictObject({
    enabled: z.boolean().optional().meta({ description: 'Service failures that rise above the optimal utilisation (models.md §6.6). Default true.', default: true }),
    baseFailure: share('baseFailure').optional().meta(tagged('f₀: failure probability at or below the optimal utilisation.', d.failureBase)),
    failureSlope: nonNegative('failureSlope').optional().meta(tagged('f₁: extra failure probability at 100% utilisation.', d.failureSlope)),
    optimalUtilisation: z.number().gt(0, { error: 'optimalUtilisation must be between 0 and 1, both excluded' }).lt(1, { error: 'optimalUtilisation must be between 0 and 1, both excluded' }).optional().meta(tagged('ρ_opt.', d.optimalUtilisation)),
    scoreAfterFailure: score('scoreAfterFailure').optional().meta(tagged('A failed service caps the score at this.', d.satisfactionAfterFailure)),
  })
  .meta({ description: 'Service failures with probability f(ρ) = baseFailure + failureSlope·(ρ − optimalUtilisation)⁺/(1 − optimalUtilisation) of the planned utilisation ρ (models.md §6.6, all [A]).' });

export const AftermathKeys = z
  .strictObject({
    preset: z
      .enum(['tarp', 'courseNotes'])
      .optional()
      .meta({
        description:
          'Complaint, recovery and word-of-mouth figures: tarp (default; TARP via Fast Company 2003 [S2]: repurchase by complaint outcome, tell 10 / 5) or courseNotes (the lecture notes: repurchase 69–80% vs 17–32% after a complaint, midpoints used, tell 20 / 10; not traced to an original, models.md §2.5 and §9 [A as given]).',
        default: 'tarp',
      }),
    severity: z.enum(['minor', 'major']).optional().meta({ description: 'Problem severity for the TARP repurchase rows: minor (< $5, default) or major (> $100) [S2] (models.md §2.5); courseNotes has no severity split.', default: 'minor' }),
  })
  .meta({ description: 'What a score leads to: complaints, their outcome, repurchase and word of mouth (models.md §2.4–2.5).' });

export const ExperienceKeys = z
  .strictObject({
    perception: PerceptionKeys.optional(),
    satisfaction: SatisfactionKeys.optional(),
    quality: QualityKeys.optional(),
    aftermath: AftermathKeys.optional(),
  })
  .meta({ description: 'Turns on the waiting experience: perceived waits, fairness, satisfaction, service failures and after-effects. `{}` uses every default.' });

/**
 * Waiting conditions, with each key's default for the JSON Schema: a station's are the
 * defaults below; a segment's `waiting` overrides its stations' key by key, so a key it leaves
 * out is the station's, and the segment's keys carry no default of their own.
 */
function waitingKeys(where: 'station' | 'segment') {
  // A station's key: its text and its default; a segment's: its text, and that it is the station's.
  const meta = (text: string, value: unknown, told = `Default ${String(value)}.`) =>
    where === 'station' ? { description: `${text} ${told}`, default: value } : { description: `${text} Default: the station’s.` };
  return z
    .strictObject({
      stage: z.enum(['pre', 'in', 'post']).optional().meta(meta('Where this wait falls in the process: pre, in or post [S] direction Dubé-Rioux et al. 1989.', 'pre')),
      occupied: z.boolean().optional().meta(meta('Something to do while waiting (complementary service): perceived × multipliers.occupied (0.735 [A]).', false)),
      comfortable: z.boolean().optional().meta(meta('Physically comfortable; false: perceived × multipliers.uncomfortable (1.10 [A]) and the adequate wait lowered to 0.8·A [A] (direction Pruyn & Smidts 1998 [S]).', true)),
      explained: z.boolean().optional().meta(meta('The wait is explained; false: perceived × multipliers.unexplained (1.10 [A]).', true)),
      anxious: z.boolean().optional().meta(meta('Customers are anxious: perceived × multipliers.anxious (1.15 [A]).', false)),
      uncertain: z
        .boolean()
        .optional()
        .meta(meta('The wait is unusually unpredictable (no line in sight, no progress): perceived × multipliers.uncertain (1.10 [A]).', false, 'Default false: an ordinary untold wait is the baseline of the 36% overestimate.')),
      value: nonNegative('value').optional().meta(meta('Value of the service v: adequate wait × (1+v), patience × (1+v); 0.5 for a high-value service [A].', 0)),
      firstTimeShare: share('firstTimeShare').optional().meta(meta('Share of customers new to the service: their perceived wait × multipliers.unfamiliar (1.10 [A]).', 0)),
      information: z
        .enum(['none', 'position', 'quote'])
        .optional()
        .meta(meta('What customers are told: none, their position (patience × 2.7 [D] Munichor & Rafaeli 2007), or a quoted wait Q = quoteFactor·(k+1)/(s·μ); either is perceived × multipliers.informed (0.9 [A]).', 'none')),
      quoteFactor: positive('quoteFactor').optional().meta(meta('κ of the quoted wait: 1.0, or 1.2 to over-quote [A]; Maister 1985 [S2].', d.quoteFactor.value, 'Default 1.0.')),
      apology: z.boolean().optional().meta(meta('Customers hear an apology: patience × 1.09 [D] Munichor & Rafaeli 2007.', false)),
    })
    .meta({
      description:
        where === 'station'
          ? 'Waiting conditions at this station (models.md §1.3–1.4); a segment’s `waiting` overrides them.'
          : 'This segment’s waiting conditions (models.md §1.3–1.4), overriding its stations’ key by key; a key left out is the station’s.',
    });
}

/** Waiting conditions at a station. */
export const StationWaitingKeys = waitingKeys('station');
/** A segment's override of its stations' waiting conditions. */
export const SegmentWaitingKeys = waitingKeys('segment');

export const ToleranceKeys = z
  .union([
    z.enum(['coffee', 'bank', 'restaurant', 'clinic', 'callCentre']),
    z
      .strictObject({
        desired: nonNegative('desired').meta({ description: 'D: a perceived wait up to this scores 5, in the time unit.' }),
        adequate: positive('adequate').meta({ description: 'A: a perceived wait of this scores 3, in the time unit (more than desired).' }),
      })
      .refine((t) => t.adequate > t.desired, { error: 'adequate must be greater than desired', path: ['adequate'] }),
  ])
  .meta({
    description:
      'Zone of tolerance for the wait: { desired, adequate } in the time unit, or a preset: coffee 3/6 (default), bank 3/5, restaurant 10/20, clinic 10/30, callCentre 0.33/2 (minutes, converted to the time unit; for a unit that is not second, minute, hour or day give { desired, adequate }). The zones are [A] (models.md §2.2); what they rest on is [S2]: coffee’s desired 3 is the "3-minute standard" (Starbucks ~3 min, WSJ 2005), the bank’s 3–5 min "acceptable" (McKinsey via Consumerist 2007), the call centre’s desired 20 s the "80% in 20 s" convention, the clinic’s waits past the appointment (Maister 1985).',
    default: 'coffee',
  });

export const BalkingKeys = z
  .discriminatedUnion('rule', [
    z.strictObject({ rule: z.literal('discouraged').meta({ description: 'Joins with probability 1/(n+1), n at the station (Haight 1957 [S2]).' }) }),
    z.strictObject({
      rule: z.literal('linear').meta({ description: 'Joins with probability max(0, 1 − n/maxInSystem), n at the station [M].' }),
      maxInSystem: positive('maxInSystem').optional().meta(tagged('N_max: nobody joins at this many in the system.', d.linearBalkingMaxInSystem)),
    }),
    z.strictObject({
      rule: z.literal('geometric').meta({ description: 'Joins with probability e^(−rate·k), k waiting [M].' }),
      rate: positive('rate').optional().meta(tagged('κ of e^(−κk), k waiting.', d.geometricBalkingRate)),
    }),
    z.strictObject({
      rule: z.literal('logit').meta({ description: 'Joins with probability 1/(1 + e^−(a0 − a1·k − a2·(k − k0)⁺)), k waiting; form from Lu et al. 2013 [S].' }),
      a0: z.number().optional().meta(logit('a0', 'intercept')),
      a1: z.number().optional().meta(logit('a1', 'slope in k, the number waiting (utility a0 − a1·k − a2·(k − k0)⁺)')),
      a2: z.number().optional().meta(logit('a2', 'extra slope beyond k0 waiting')),
      k0: nonNegative('k0').optional().meta(logit('k0', 'the number waiting where the extra slope starts')),
    }),
    z.strictObject({ rule: z.literal('waitBased').meta({ description: 'Joins if its own patience exceeds the expected wait (k+1)/(s·μ) (Guo & Zipkin 2007 [S]).' }) }),
    z.strictObject({
      rule: z.literal('informed').meta({
        description: 'Told the expected wait: joins with probability (1−β)(sμ/(sμ+α))^(k+1), β = zeroToleranceShare, α = 1/mean patience, and then never reneges (Whitt 1999 model 2 [S]); a booked customer the reservations let in is not asked and keeps its patience; needs exponential patience.',
      }),
      zeroToleranceShare: share('zeroToleranceShare').optional().meta({ description: 'β: share of customers who join only if they can be served at once. Default 0 [A].', default: 0 }),
    }),
  ])
  .meta({
    description:
      'How a customer who would have to wait decides to join, seeing the line (models.md §3.2–3.3): discouraged 1/(n+1) (Haight 1957); linear 1 − n/maxInSystem (10 [A]); geometric e^(−rate·k) (0.2 [A]); logit in k (a0 2, a1 0.15, a2 0.15, k0 10 [A], Lu et al. 2013); waitBased: joins if its patience exceeds the expected wait (k+1)/(s·μ) (Guo & Zipkin 2007); informed: told the expected wait, decides at once and then never reneges (Whitt 1999 model 2; needs exponential patience). n counts customers at the station, k those waiting.',
  });
