/**
 * The scenario keys of channels, triage, lines per server and groups (issue 9), as zod
 * fragments that join the one scenario schema (levers/lever.ts), with their defaults. The
 * README's "Channels, triage, lines and groups" section documents the same keys.
 *
 *   route step   { choose: [stations], by?, shares?, skip? }            (lever channels)
 *   station      openTo, selfService                                   (lever channels)
 *   station      linePerServer                                         (lever serverLines)
 *   segment      partySize;  station  seating                          (lever groups)
 */
import { z } from 'zod';
import { share, wholeNumber } from '../scenario/numbers.js';
import { weightChecks } from '../scenario/schema.js';
import type { StepStation } from '../scenario/route-steps.js';

/** Defaults, each with its source tag (shared/models.md). */
export const channelDefaults = {
  /**
   * How a choice step picks: the shortest line. Customers react mostly to the length of a
   * line, not to its speed (Lu, Musalem, Olivares & Schilkrut 2013, models.md §3.2) [S];
   * the default itself is [A].
   */
  by: 'shortestLine',
  /** Share of a segment willing to use a self-service station: φ = 0.3 (models.md §6.7) [A]. */
  adoption: 0.3,
  /** A line per server: a newcomer joins the shortest line [A]. */
  join: 'shortest',
  /** A line per server: customers stay in the line they joined [A]. */
  jockeying: false,
  /** Seating: a party waits for one table big enough rather than pushing tables together [A]. */
  combine: false,
  /** Party size of every segment without partySize. */
  partySize: 1,
} as const;

export const choiceRules = ['shares', 'shortestLine', 'leastExpectedWait'] as const;
export type ChoiceRule = (typeof choiceRules)[number];

const stationId = z.string().min(1, { error: 'a station id must not be empty' });

/** A route step that chooses among stations (or an optional step, with one station and `skip`). */
export const ChoiceStepSchema = z
  .strictObject({
    choose: z.array(stationId).min(1, { error: 'choose must name at least one station' }).meta({
      description: 'Stations this step may send a customer to; only those open to its segment (openTo) and, for self-service, that it adopts.',
    }),
    by: z
      .enum(choiceRules, { error: 'by must be shares, shortestLine or leastExpectedWait' })
      .optional()
      .meta({
        description:
          'shares: at random by `shares`; shortestLine: the fewest waiting (a free server counts as less than none); leastExpectedWait: the least (ahead + 1) × mean service / servers; ties at random. Default shares when `shares` is given, else shortestLine [A] (customers react to the length of a line, not its speed: Lu et al. 2013 [S], models.md §3.2).',
      }),
    shares: z
      .record(z.string(), z.number().nonnegative({ error: 'a share must be 0 or more' }))
      .optional()
      .meta({ description: 'Weights per station for by: shares (default equal), renormalised over the stations the customer may use.' }),
    skip: share('skip')
      .optional()
      .meta({ description: 'Share of the segment who skip this step altogether (default 0); a route needs a step nobody skips.', default: 0 }),
  })
  .meta({ description: 'A step that chooses among stations: { choose: [ids], by?, shares?, skip? }.' });

/** The stations a choice step may lead to, for the core (scenario/route-steps.ts). */
export function choiceStepStations(step: unknown): StepStation[] | undefined {
  if (typeof step !== 'object' || step === null || Array.isArray(step) || !('choose' in step)) return undefined;
  const choose = (step as { choose: unknown }).choose;
  if (!Array.isArray(choose)) return [];
  return choose.flatMap((station, i) => (typeof station === 'string' ? [{ station, path: ['choose', i] }] : []));
}

const perSegmentShare = z.union([share('adoption'), z.record(z.string(), share('adoption'))]);

/** Station keys of the channels lever. */
export const accessKeys = {
  openTo: z
    .array(z.string())
    .min(1, { error: 'openTo must name at least one segment' })
    .optional()
    .meta({ description: 'Segments that may use this station (a dedicated window, an express lane); default every segment.' }),
  selfService: z
    .union([
      z.literal(true, { error: 'selfService is true or { adoption }; leave it out for a staffed station' }),
      z.strictObject({
        adoption: perSegmentShare.optional().meta({
          description: `Share of customers willing to use it: one share, or per segment { segmentId: share } (a segment not listed never uses it); default ${channelDefaults.adoption} [A].`,
          default: channelDefaults.adoption,
        }),
      }),
    ])
    .optional()
    .meta({ description: 'A self-service station (kiosk, self-checkout): only adopters use it; a choice step sends the others to a staffed station.' }),
};

/** Station key of the serverLines lever. */
export const serverLineKeys = {
  linePerServer: z
    .union([
      z.boolean({ error: 'linePerServer must be true, false or { join, jockeying }' }),
      z.strictObject({
        join: z
          .enum(['shortest', 'random'], { error: 'join must be shortest or random' })
          .optional()
          .meta({ description: `Which line a newcomer joins: the shortest (ties at random) or one at random; default ${channelDefaults.join} [A].`, default: channelDefaults.join }),
        jockeying: z
          .boolean({ error: 'jockeying must be true or false' })
          .optional()
          .meta({ description: `Whether the last in a line moves to a line two shorter (and newcomers join the shortest; Haight 1958, Koenigsberg 1966 [M]); default ${channelDefaults.jockeying} [A].`, default: channelDefaults.jockeying }),
      }),
    ])
    .optional()
    .meta({ description: 'true or { join, jockeying }: a line in front of each server instead of one shared line (default false).', default: false }),
};

/** Segment key of the groups lever. */
export const partyKeys = {
  partySize: z
    .union([
      wholeNumber('partySize', 1),
      z
        .strictObject({
          values: z.array(wholeNumber('each party size', 1)).min(1, { error: 'needs at least one value' }).meta({ description: 'The possible party sizes.' }),
          weights: z
            .array(z.number().nonnegative({ error: 'each weight must be 0 or more' }))
            .optional()
            .meta({ description: 'One weight per value, relative (default: all equal).' }),
        })
        .refine(weightChecks.onePerValue, weightChecks.onePerValueIssue)
        .refine(weightChecks.someAboveZero, weightChecks.someAboveZeroIssue),
    ])
    .optional()
    .meta({
      // No JSON Schema default: writing partySize turns the groups lever on (its metrics count
      // people as well as parties), so even 1 is not quite the same as leaving it out.
      description: `People per arrival (a party arrives, waits and is served together): a whole number, or { values, weights? }; default ${channelDefaults.partySize}.`,
    }),
};

/** Station key of the groups lever. */
export const seatingKeys = {
  seating: z
    .strictObject({
      tables: z
        .array(
          z.strictObject({
            seats: wholeNumber('seats', 1).meta({ description: 'Seats at a table of this kind: the largest party it takes alone.' }),
            count: wholeNumber('count', 1).meta({ description: 'Tables of this kind.' }),
          }),
        )
        .min(1, { error: 'tables must list at least one kind of table' })
        .meta({ description: 'Kinds of table: [{ seats, count }]; the station’s servers are its tables.' }),
      combine: z
        .boolean({ error: 'combine must be true or false' })
        .optional()
        .meta({ description: `Whether tables are pushed together for a party no free table fits; default ${channelDefaults.combine} [A].`, default: channelDefaults.combine }),
    })
    .optional()
    .meta({ description: 'Serve parties at tables: a party takes the smallest free table it fits (or several, with combine); servers = number of tables.' }),
};

export type ChoiceStepSpec = z.infer<typeof ChoiceStepSchema>;
export type SelfServiceSpec = z.infer<typeof accessKeys.selfService>;
export type LinePerServerSpec = z.infer<typeof serverLineKeys.linePerServer>;
export type PartySizeSpec = z.infer<typeof partyKeys.partySize>;
export type SeatingSpec = z.infer<typeof seatingKeys.seating>;
