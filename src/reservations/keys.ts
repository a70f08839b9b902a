/**
 * The `reservations` scenario key: what is booked, when, by how many, who fails to come, how
 * many bookings to accept and what happens to those who come beyond capacity. Every default
 * is named in `reservationDefaults` with its models.md source tag.
 */
import { z } from 'zod';
import { nonNegative, positive, share, wholeNumber } from '../scenario/numbers.js';
import { DistributionSchema, weightChecks } from '../scenario/schema.js';

/** The defaults of the optional keys, each with its source (models.md §4). */
export const reservationDefaults = {
  /** Probability a booking is cancelled before the day [A]: none unless the scenario says so. */
  cancel: 0,
  /** No-show probability of a kept booking: primary-care clinic, 8.0% of 263,464 appointments (Marshfield Clinic 2021) [S]. */
  noShow: 0.08,
  /** Arrival minus booked time [A]: everyone on time. */
  punctuality: 0,
  /** A booked customer beyond capacity waits (clinic practice, LaGanga & Lawrence 2007 [S]) rather than being turned away [A]. */
  overflow: 'wait',
  /** Compensation per denied booked customer [A]: none unless given (restaurants: h = 2·r, clinics: h = 0.5·r, §4.2 [A]). */
  compensation: 0,
  /** Booking limit: accept exactly the bookable capacity, no overbooking [A]. */
  bookingLimit: 'none',
  /** Units of each slot kept from bookings for walk-ins [A]. */
  protectedUnits: 0,
  /** Minutes after the booked time a table is kept for a booked customer who has not come [A]. */
  grace: 15,
} as const;

const capacity = z
  .union([wholeNumber('capacity', 0), z.array(wholeNumber('capacity', 0)).min(1)])
  .optional()
  .meta({ description: 'Units each slot can take: one number, or one per slot (default: the station’s servers at the slot time).' });

const SlotsSchema = z
  .union([
    z.strictObject({
      times: z.array(nonNegative('a slot time')).min(1, { error: 'times must list at least one slot' }).meta({ description: 'Slot times, ascending.' }),
      capacity,
    }),
    z.strictObject({
      every: positive('every').meta({ description: 'Fixed-interval grid: a slot every this long.' }),
      from: nonNegative('from').optional().meta({ description: 'First slot (default 0).', default: 0 }),
      until: positive('until').optional().meta({ description: 'No slot at or after this time (default the horizon).' }),
      capacity,
    }),
  ])
  .meta({ description: 'The slot grid: { times: [...] } or { every, from?, until? }, each with an optional capacity.' });

const count = wholeNumber('demand', 0);
const DemandSchema = z
  .union([
    z.literal('full'),
    count,
    z.array(count).min(1),
    z.strictObject({
      poisson: z
        .union([nonNegative('poisson'), z.array(nonNegative('poisson')).min(1)])
        .meta({ description: 'Mean requests per slot (one number, or one per slot); each slot’s requests are a Poisson draw.' }),
    }),
  ])
  .meta({
    description:
      'Booking requests per slot: full (default [A]: every slot is booked up to its limit), a number or one per slot (that many ask), or { poisson: mean or one per slot }.',
    default: 'full',
  });

/** Arrival minus booked time: negative is early. */
export const PunctualitySchema = z
  .union([
    z.number(),
    z.strictObject({
      dist: z.literal('normal').meta({ description: 'Normal offsets.' }),
      mean: z.number().meta({ description: 'Mean offset (negative = early).' }),
      sd: nonNegative('sd').meta({ description: 'Standard deviation of the offset.' }),
    }),
    z
      .strictObject({
        dist: z.literal('uniform').meta({ description: 'Uniform offsets between min and max.' }),
        min: z.number().meta({ description: 'Earliest offset (negative = early).' }),
        max: z.number().meta({ description: 'Latest offset.' }),
      })
      .refine((d) => d.min <= d.max, { error: 'min must not exceed max', path: ['max'] }),
    z
      .strictObject({
        dist: z.literal('empirical').meta({ description: 'One of the listed offsets, drawn by weight.' }),
        values: z.array(z.number()).min(1, { error: 'needs at least one value' }).meta({ description: 'The possible offsets (negative = early).' }),
        weights: z.array(nonNegative('each weight')).optional().meta({ description: 'One weight per value, relative (default: all equal).' }),
      })
      .refine(weightChecks.onePerValue, weightChecks.onePerValueIssue)
      .refine(weightChecks.someAboveZero, weightChecks.someAboveZeroIssue),
  ])
  .meta({
    description:
      'Arrival minus booked time (negative = early): a number, { dist: normal, mean, sd }, { dist: uniform, min, max } or { dist: empirical, values, weights? }; an arrival is never before 0 or after the horizon. Default 0: on time [A].',
    default: reservationDefaults.punctuality,
  });

const BookingLimitSchema = z
  .union([
    z.enum(['none', 'capacityOverShowRate']),
    z.strictObject({ policy: z.literal('none').meta({ description: 'b = C: accept the bookable capacity, no overbooking (the same as the bare none).' }) }),
    z.strictObject({
      policy: z.literal('fixedExtra').meta({ description: 'b = C + extra.' }),
      extra: wholeNumber('extra', 0).meta({ description: 'Bookings accepted beyond the bookable capacity, per slot.' }),
    }),
    z.strictObject({
      policy: z.literal('percentage').meta({ description: 'b = ⌊C·(1 + percent/100)⌋.' }),
      percent: nonNegative('percent').meta({ description: 'Overbooking in percent of the bookable capacity.' }),
    }),
    z.strictObject({ policy: z.literal('capacityOverShowRate').meta({ description: 'b = ⌈C/p⌉, p the show probability (the same as the bare capacityOverShowRate).' }) }),
    z.strictObject({
      policy: z.literal('optimal').meta({ description: 'The smallest b ≥ C with P(Binomial(b, p) ≥ C) ≥ r/(r + h): the newsvendor critical fractile (models.md §4.2).' }),
      revenue: positive('revenue').meta({ description: 'r: margin of a booked customer served (the cost of an empty unit).' }),
      overageCost: positive('overageCost')
        .optional()
        .meta({ description: 'h: cost of a booked customer who shows beyond capacity (default: compensation).' }),
    }),
  ])
  .meta({
    description:
      'Bookings accepted per slot: none (= bookable capacity C), { policy: fixedExtra, extra }, { policy: percentage, percent }, capacityOverShowRate (⌈C/p⌉) or { policy: optimal, revenue, overageCost? } (critical fractile, models.md §4.2). Default none [A].',
    default: reservationDefaults.bookingLimit,
  });

const WalkInClass = z.strictObject({
  value: positive('value').meta({ description: 'What a walk-in of this class is worth per unit.' }),
  mean: nonNegative('mean').meta({ description: 'Walk-ins of this class who would take a unit of one slot, on average.' }),
  sd: nonNegative('sd').optional().meta({ description: 'Their standard deviation (normal demand); without it, Poisson.' }),
});

const ProtectionSchema = z
  .discriminatedUnion('rule', [
    z.strictObject({
      rule: z.literal('fixed').meta({ description: 'Keep a fixed number of units per slot.' }),
      units: wholeNumber('units', 0).meta({ description: 'Units of each slot kept for walk-ins.' }),
    }),
    z.strictObject({
      rule: z.literal('littlewood').meta({ description: 'Littlewood’s rule for one walk-in class worth more than a booking: y₁ = F⁻¹(1 − reservedValue/value) (Littlewood 1972 [S], models.md §4.3).' }),
      reservedValue: positive('reservedValue').meta({ description: 'What a booking is worth per unit.' }),
      walkIns: WalkInClass.meta({ description: 'The walk-in class: { value, mean, sd? } (Poisson demand without sd, normal with it).' }),
    }),
    z.strictObject({
      rule: z.literal('emsrb').meta({ description: 'EMSR-b for several walk-in classes (Belobaba [M], models.md §4.3).' }),
      reservedValue: positive('reservedValue').meta({ description: 'What a booking is worth per unit.' }),
      walkIns: z
        .array(WalkInClass.required({ sd: true }))
        .min(1, { error: 'walkIns must list at least one class' })
        .meta({ description: 'The walk-in classes: [{ value, mean, sd }], each with normal demand.' }),
    }),
  ])
  .meta({
    description:
      'Units of each slot kept from bookings for walk-ins: { rule: fixed, units }, { rule: littlewood, reservedValue, walkIns: { value, mean, sd? } } or { rule: emsrb, reservedValue, walkIns: [{ value, mean, sd }] } (models.md §4.3). Default none [A]; the level is rounded to the nearest unit [A].',
  });

export const ReservationsSchema = z
  .strictObject({
    segment: z.string().min(1).meta({ description: 'The segment whose customers come by booking (its arrivals.rate must be 0).' }),
    station: z.string().min(1).optional().meta({ description: 'The booked station; its first visit on the segment’s route is booked and must be a plain step, not one of a choice (default: the first step).' }),
    slots: SlotsSchema,
    demand: DemandSchema.optional(),
    cancel: share('cancel').optional().meta({ description: 'Probability a booking is cancelled before the day (default 0 [A]).', default: reservationDefaults.cancel }),
    noShow: share('noShow').optional().meta({ description: 'Probability a kept booking does not come (default 0.08: primary-care clinic, models.md §4.1 [S]; restaurants without a guarantee 0.15 [S2]).', default: reservationDefaults.noShow }),
    punctuality: PunctualitySchema.optional(),
    hold: z
      .union([z.literal('station'), DistributionSchema])
      .optional()
      .meta({ description: 'How long a booked customer holds the unit: station (default: the segment’s service there) or a duration.', default: 'station' }),
    overflow: z
      .enum(['wait', 'deny'], { error: 'overflow must be wait or deny' })
      .optional()
      .meta({ description: 'Booked customers beyond a slot’s capacity: wait (default [A]) or deny (turned away unless a unit is free).', default: reservationDefaults.overflow }),
    compensation: nonNegative('compensation').optional().meta({ description: 'Cost per denied booked customer (default 0 [A]; models.md §4.2 suggests 2·r for restaurants, 0.5·r for clinics [A]).', default: reservationDefaults.compensation }),
    bookingLimit: BookingLimitSchema.optional(),
    protection: ProtectionSchema.optional(),
    holdForBookings: z
      .union([
        z.literal(false, { error: 'holdForBookings is on unless set to false ({ ahead, grace } tune it): leave it out to keep it on' }),
        z.strictObject({
          ahead: nonNegative('ahead').optional().meta({ description: 'Start holding units this long before a slot (default: the mean hold time [D]).' }),
          grace: nonNegative('grace').optional().meta({ description: 'Stop holding this long after the booked time, in the time unit (default 15 minutes, converted to the time unit [A]; required for a unit that is not second, minute, hour or day when walk-ins share the station).' }),
        }),
      ])
      .optional()
      .meta({ description: 'Walk-ins are turned away when the free units are owed to bookings due soon; false: walk-ins take any free unit. Default on, as {} [A].', default: {} }),
    appointments: z
      .strictObject({
        rule: z
          .enum(['fixedInterval', 'baileyWelch'], { error: 'rule must be fixedInterval or baileyWelch' })
          .meta({ description: 'fixedInterval: bookings at 0, I, 2I, … from the slot time (I = length/b); baileyWelch: two at 0, then I, 2I, …, (b − 2)·I (models.md §4.4 [M]).' }),
        length: positive('length').meta({ description: 'Session length: the b bookings of a slot get times every length/b from the slot time.' }),
      })
      .optional()
      .meta({ description: 'Spread each slot’s bookings over a session (clinics, models.md §4.4) instead of all at the slot time.' }),
  })
  .meta({ description: 'Reservations, no-shows and overbooking at one station (README: Reservations).' });

export type ReservationsFile = z.infer<typeof ReservationsSchema>;
export type PunctualitySpec = z.infer<typeof PunctualitySchema>;

export const reservationKeys = { scenario: { reservations: ReservationsSchema.optional() } };
