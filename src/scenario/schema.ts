/**
 * The scenario schema: the single source of truth for validation, for the TypeScript types
 * of a scenario file and for the JSON Schema printed by `queuesim schema`.
 *
 * Core keys are fixed by shared/scenario-format.md; extensions are added here and in the
 * README, never by renaming a core key. Objects are strict: an unknown key is an error.
 * Checks that relate keys to each other (names that refer to other names) live in
 * consistency.ts.
 */
import { z } from 'zod';
import type { Lever } from '../levers/lever.js';
import { coreDefaults as d } from './defaults.js';
import { gammaShapeScale, lognormalSigma2, meanOf } from '../random/distributions.js';
import { nonNegative, positive, wholeNumber } from './numbers.js';

/** An empirical list with optional weights (durations, party sizes, punctuality). */
interface Weighted {
  values: readonly unknown[];
  weights?: readonly number[] | undefined;
}

/** The two checks on the weights of a weighted list, for `.refine(check, issue)`: one weight per value, and not all zero. */
export const weightChecks = {
  onePerValue: (d: Weighted) => d.weights === undefined || d.weights.length === d.values.length,
  onePerValueIssue: { error: 'weights must have one entry per value', path: ['weights'] },
  someAboveZero: (d: Weighted) => d.weights === undefined || d.weights.some((w) => w > 0),
  someAboveZeroIssue: { error: 'at least one weight must be greater than 0', path: ['weights'] },
  finiteSum: (d: Weighted) => d.weights === undefined || Number.isFinite(d.weights.reduce((a, b) => a + b, 0)),
  finiteSumIssue: { error: 'the weights add up to more than a number can hold: scale them down (only their ratios matter)', path: ['weights'] },
};

const isFinitePositive = (x: number) => x > 0 && x < Infinity;

/**
 * An id or a name people read in tables, titles and key paths: not empty, not only spaces,
 * and one line without control characters (a line break or an escape would be written to
 * the terminal as it is).
 */
const label = (what: string) =>
  z
    .string()
    .min(1, { error: `${what} must not be empty` })
    .refine((text) => text === '' || text.trim() !== '', { error: `${what} must not be only spaces` })
    // A YAML block scalar (`name: >`) ends in a line break: the text is still one line.
    .refine((text) => !/[\u0000-\u001f\u007f]/.test(text.replace(/\n$/, '')), {
      error: `${what} must be one line of text, without control characters (a line break, a tab, an escape)`,
    });

const distributionShapes = [
  z.strictObject({
    dist: z.literal('exponential').meta({ description: 'Exponential (memoryless; sd = mean).' }),
    mean: positive('mean').meta({ description: 'Mean duration.' }),
  }),
  z.strictObject({
    dist: z.literal('deterministic').meta({ description: 'Always the same duration (a bare number means the same).' }),
    value: positive('value').meta({ description: 'The duration.' }),
  }),
  z
    .strictObject({
      dist: z.literal('uniform').meta({ description: 'Uniform between min and max.' }),
      min: nonNegative('min').meta({ description: 'Shortest duration.' }),
      max: positive('max').meta({ description: 'Longest duration (at least min).' }),
    })
    .refine((d) => d.min <= d.max, { error: 'min must not exceed max', path: ['max'] }),
  z
    .strictObject({
      dist: z.literal('triangular').meta({ description: 'Triangular: min ≤ mode ≤ max.' }),
      min: nonNegative('min').meta({ description: 'Shortest duration.' }),
      mode: nonNegative('mode').meta({ description: 'Most likely duration.' }),
      max: positive('max').meta({ description: 'Longest duration.' }),
    })
    .refine((d) => d.min <= d.mode && d.mode <= d.max, {
      error: 'needs min <= mode <= max',
      path: ['mode'],
    }),
  z.strictObject({
    dist: z.literal('erlang').meta({ description: 'Erlang: the sum of k exponential phases (sd = mean/√k).' }),
    k: wholeNumber('k', 1).meta({ description: 'Number of phases (1 is the exponential).' }),
    mean: positive('mean').meta({ description: 'Mean duration (of the whole, not of a phase).' }),
  }),
  z
    .strictObject({
      dist: z.literal('gamma').meta({ description: 'Gamma, given by the mean and sd of the duration itself.' }),
      mean: positive('mean').meta({ description: 'Mean duration.' }),
      sd: positive('sd').meta({ description: 'Standard deviation of the duration.' }),
    })
    // Its shape and scale, as the sampler computes them.
    .refine((d) => Object.values(gammaShapeScale(d.mean, d.sd)).every(isFinitePositive), {
      error: 'mean and sd are too far apart to draw from: (mean/sd)² and sd²/mean must be finite numbers greater than 0',
      path: ['sd'],
    }),
  z
    .strictObject({
      dist: z.literal('lognormal').meta({ description: 'Lognormal, given by the mean and sd of the duration itself (not of its log).' }),
      mean: positive('mean').meta({ description: 'Mean duration.' }),
      sd: positive('sd').meta({ description: 'Standard deviation of the duration.' }),
    })
    .refine((d) => Number.isFinite(lognormalSigma2(d.mean, d.sd)), { error: 'sd is too large against the mean to draw from: (sd/mean)² must be a finite number', path: ['sd'] }),
  z
    .strictObject({
      dist: z.literal('empirical').meta({ description: 'One of the listed values, drawn by weight.' }),
      values: z.array(nonNegative('each value')).min(1, { error: 'needs at least one value' }).meta({ description: 'The possible durations.' }),
      weights: z.array(nonNegative('each weight')).optional().meta({ description: 'One weight per value, relative (default: all equal).' }),
    })
    .refine(weightChecks.onePerValue, weightChecks.onePerValueIssue)
    .refine(weightChecks.someAboveZero, weightChecks.someAboveZeroIssue)
    .refine(weightChecks.finiteSum, weightChecks.finiteSumIssue)
    // A duration that is always 0 (every value 0, or only 0s weighted) is refused like a
    // deterministic 0; with weights of the wrong length or all 0, the checks above have said so.
    .refine((d) => !weightChecks.onePerValue(d) || !weightChecks.someAboveZero(d) || d.values.some((v, i) => v > 0 && (d.weights === undefined || d.weights[i]! > 0)), {
      error: 'at least one value must be greater than 0, with a weight greater than 0',
      path: ['values'],
    }),
] as const;

/** A duration's shapes; DistributionSchema adds the check that needs its mean (typed from these, so meanOf's type is not circular). */
const durationShapes = z.union([positive('a fixed duration'), z.discriminatedUnion('dist', distributionShapes)]);

export const DistributionSchema = durationShapes
  // A rate of 1/mean (the analytic baseline's, the offered load's) must be a number too.
  // (A mean that is no number comes of weights the empirical check has refused already.)
  .refine(
    (d) => {
      const mean = typeof d === 'number' ? d : meanOf(d);
      return !(mean > 0) || 1 / mean < Infinity;
    },
    { error: 'a mean duration this small cannot be simulated: its rate (1/mean) is not a finite number' },
  )
  .meta({
    description:
      'A duration in the time unit: a bare number (fixed), or { dist: exponential | deterministic | uniform | triangular | erlang | gamma | lognormal | empirical, ... }. lognormal and gamma take the mean and sd of the variable itself.',
  });

/** A value that is either one number for the whole horizon or one number per named period. */
function perPeriod<T extends z.ZodType<number>>(value: T) {
  return z.union([value, z.record(z.string(), value)]);
}

const ServerCount = wholeNumber('servers', 0);

const stationShape = {
  id: label('id').meta({ description: 'The station’s name, unique among the stations: routes, key paths and the results use it.' }),
  servers: perPeriod(ServerCount).meta({
    description: 'Servers on duty: a number, or per period { periodName: count }. When capacity drops, a busy server finishes its customer, then leaves.',
  }),
  queueCapacity: wholeNumber('queueCapacity', 0)
    .optional()
    .meta({ description: 'Waiting places (default unlimited). An arrival finding them full is blocked (lost).' }),
  discipline: z
    .enum(['fifo', 'priority'], { error: 'discipline must be fifo or priority' })
    .optional()
    .meta({ description: 'fifo (default) or priority: lower segment priority number served first, fifo within a class; non-preemptive.', default: d.discipline }),
  service: DistributionSchema.optional().meta({ description: 'Default service time; a segment may override it.' }),
};

/**
 * `route`: steps in visiting order. A step is a station id; levers may add step objects
 * (keys.routeStep, e.g. a choice among stations), which become further options of a step.
 */
function routeOf<Step extends z.ZodType>(step: Step) {
  return z
    .array(step)
    .min(1, { error: 'route must name at least one station' })
    .meta({ description: 'Steps visited in order: a station id, or a step object (a choice among stations; see the README).' });
}

const segmentShape = {
  id: label('id').meta({ description: 'The segment’s name, unique among the segments: key paths and the results use it.' }),
  arrivals: z
    .strictObject({
      rate: perPeriod(nonNegative('rate')).meta({
        description: 'Poisson arrivals: customers per time unit, a number or per period (exact non-homogeneous Poisson).',
      }),
    })
    .meta({ description: 'How customers of this segment arrive: { rate }.' }),
  route: routeOf(z.string()),
  priority: z.number().optional().meta({ description: `Class for discipline: priority (lower is served first); default ${d.priority}.`, default: d.priority }),
  service: z
    .record(z.string(), DistributionSchema)
    .optional()
    .meta({ description: 'Per-station service time overrides: { stationId: distribution }.' }),
  patience: DistributionSchema.optional().meta({
    description: 'A customer still waiting this long in a queue leaves (reneged); a fresh draw for each queue joined.',
  }),
  balkAt: wholeNumber('balkAt', 1)
    .optional()
    .meta({ description: 'A customer who finds this many or more waiting at a station does not join (balked).' }),
};

export const PeriodSchema = z.strictObject({
  name: label('name').meta({ description: 'The period’s name: per-period values ({ periodName: value }), key paths and the results use it.' }),
  start: nonNegative('start').meta({ description: 'When the period starts, in the time unit; it lasts until the next period’s start (the last one until the end of the run).' }),
});

export const TimeSchema = z.strictObject({
  unit: z.string().min(1, { error: 'unit must not be empty' }).optional().meta({ description: `Label for all durations and rates (default ${d.unit}).`, default: d.unit }),
  horizon: positive('horizon').meta({ description: 'Doors close at this time.' }),
  warmup: nonNegative('warmup')
    .optional()
    .meta({ description: `Statistics ignore customers who arrive before this time (default ${d.warmup}).`, default: d.warmup }),
  drain: z
    .boolean({ error: 'drain must be true or false' })
    .optional()
    .meta({ description: 'true (default): customers inside at closing are still served; false: the run stops at the horizon.', default: d.drain }),
  seriesStep: positive('seriesStep')
    .optional()
    .meta({ description: 'Grid step of the over-the-day series (number waiting, in system, busy servers per station). Default: about horizon/100, rounded up to 1, 2 or 5 × 10^k (5 for a 480-minute day). At most half the horizon, and at most 10,000 points.' }),
  periods: z
    .array(PeriodSchema)
    .min(1, { error: 'periods must not be empty' })
    .optional()
    .meta({ description: 'Named, piecewise-constant periods; start times ascending, the first at 0.' }),
});

/**
 * The schema of scenario files for the core plus `levers`: each lever's keys are merged into
 * the top level, the stations and the segments (levers/lever.ts).
 */
export function buildScenarioSchema(levers: readonly Lever[]) {
  const keys = (where: 'scenario' | 'station' | 'segment') => Object.assign({}, ...levers.map((lever) => lever.keys?.[where] ?? {})) as Record<string, z.ZodType>;
  const StationSchema = z.strictObject({ ...stationShape, ...keys('station') });
  const steps = levers.flatMap((lever) => (lever.keys?.routeStep === undefined ? [] : [lever.keys.routeStep]));
  const route = steps.length === 0 ? segmentShape.route : routeOf(z.union([z.string(), ...steps]));
  const SegmentSchema = z.strictObject({ ...segmentShape, route, ...keys('segment') });
  return z
  .strictObject({
    $schema: z.string().optional().meta({ description: 'Optional link to this JSON Schema, for editors.' }),
    name: label('name').meta({ description: 'Free text, one line; the output folder is its slug.' }),
    description: z.string().optional().meta({ description: 'Free text shown in the report under the name and copied into the results (summary.json).' }),
    seed: wholeNumber('seed', 0)
      .optional()
      .meta({ description: `Same file + same seed gives identical results (default ${d.seed}).`, default: d.seed }),
    replications: wholeNumber('replications', 1)
      .optional()
      .meta({ description: `Independent runs, each with its own random streams (default ${d.replications}).`, default: d.replications }),
    time: TimeSchema.meta({ description: 'The simulated horizon: unit, horizon, warm-up, drain, series grid and named periods.' }),
    stations: z.array(StationSchema).min(1, { error: 'stations must list at least one station' }).meta({ description: 'Service points, in any order.' }),
    segments: z.array(SegmentSchema).min(1, { error: 'segments must list at least one segment' }).meta({ description: 'Customer types: how they arrive, their route and behaviour.' }),
    ...keys('scenario'),
  })
  .meta({ title: 'queuesim scenario', description: 'A service system and one simulated horizon.' });
}

/** The core keys alone: the source of the ScenarioFile type. */
export const ScenarioSchema = buildScenarioSchema([]);


export type ScenarioFile = z.infer<typeof ScenarioSchema>;
export type DistributionSpec = z.infer<typeof durationShapes>;
