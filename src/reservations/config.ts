/**
 * The resolved reservations: the lever's part of the model (`model.levers.reservations`),
 * plain data with every default filled and every name turned into an index.
 *
 * Other levers may read it. The money view uses:
 *   compensation   cost per booked customer who is denied (the lever reports
 *                  `deniedCost` = compensation × denied booked customers itself);
 *   segment        index of the booked segment (its customers' revenue is the money view's);
 *   slots[k].bookingLimit, .bookable, .capacity   the plan of each slot;
 *   policy         the booking-limit policy, with `revenue` (r) and `deniedCost` (h) when
 *                  it is the optimal one.
 */
import type { BookingLimitPolicy } from './overbooking.js';
import type { Distribution } from '../random/distributions.js';
import type { PunctualitySpec } from './keys.js';

export type Overflow = 'wait' | 'deny';

/** How many booking requests a slot receives. */
export type SlotDemand = { kind: 'full' } | { kind: 'fixed'; count: number } | { kind: 'poisson'; mean: number };

export interface SlotPlan {
  /** Slot time (the booked time of its customers, or the start of its appointment session). */
  time: number;
  /** Index of the period the slot time falls in (its counts go to that period). */
  period: number;
  /** Whether the slot is at or after the warm-up (its counts are measured). */
  counted: boolean;
  /** Units the slot can take (servers of the station, unless the scenario says otherwise). */
  capacity: number;
  /** Units kept from bookings for walk-ins (models.md §4.3), 0 ≤ protectedUnits ≤ capacity. */
  protectedUnits: number;
  /** C = capacity − protectedUnits: units booked customers are owed. */
  bookable: number;
  /** b: bookings accepted at most (models.md §4.2). */
  bookingLimit: number;
  demand: SlotDemand;
  /**
   * Booked time of booking position i (i < bookingLimit), from the appointment rule
   * (models.md §4.4); empty when every booking of the slot is for the slot time.
   */
  appointmentTimes: number[];
}

/** How the protected units were found, for the results and the tests (V13, V14). */
export interface ProtectionPlan {
  rule: 'fixed' | 'littlewood' | 'emsrb';
  /**
   * Units protected before rounding: Littlewood's y₁, or for EMSR-b the nested protection of
   * every walk-in class worth more than a booking (y_j of models.md §4.3).
   */
  exact: number;
  /** EMSR-b: the protection levels y₁..y_{n−1} of all classes in descending value. */
  levels: number[];
}

export interface ReservationsConfig {
  /** Index of the booked segment. */
  segment: number;
  /** Index of the booked station. */
  station: number;
  /**
   * The visit slot of the booked station in the segment's route (model.ts, SegmentModel.route;
   * the first visit): the customer's `draw` there, and the service draw a hold replaces.
   */
  visit: number;
  /** Other segments whose route visits the booked station: the walk-ins. */
  walkInSegments: number[];
  /** The slots take the station's servers as their capacity (no slots.capacity): more servers, more bookings. */
  capacityFromServers: boolean;
  slots: SlotPlan[];
  cancelProbability: number;
  noShowProbability: number;
  /** p = (1 − cancel)(1 − noShow) (models.md §4.1). */
  showProbability: number;
  punctuality: PunctualitySpec;
  /** Duration a booked customer holds the unit; null: the segment's service at the station. */
  hold: Distribution | null;
  overflow: Overflow;
  /** Cost per denied booked customer. */
  compensation: number;
  policy: BookingLimitPolicy;
  protection: ProtectionPlan;
  /** Walk-ins are held off units owed to bookings due within [time − ahead, time + grace); null: never. */
  holdForBookings: { ahead: number; grace: number } | null;
}
