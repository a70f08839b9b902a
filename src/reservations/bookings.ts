/**
 * The booking book of one replication and the arrival source that brings its customers.
 *
 * At the start of the day every slot receives its booking requests and accepts up to its
 * booking limit; each accepted booking is cancelled with probability c, else is a no-show
 * with probability q, else comes at its booked time plus a punctuality offset: binomial
 * thinning, so the shows of a slot are Binomial(b, (1 − c)(1 − q)) (models.md §4.1).
 *
 * Random numbers: the requests from the lever's stream `demand` (one uniform per slot); each
 * booking from its slot's stream `slot/k`, always three uniforms (cancel, no-show,
 * punctuality) whatever it turns out to be, and one hold time from `hold/k` when the hold
 * has its own duration. So booking i of slot k sees the same numbers whatever the booking
 * limits, the probabilities or the walk-ins are (common random numbers across levels).
 */
import type { ReplicationContext } from '../levers/lever.js';
import type { CustomerColumn } from '../model/customer.js';
import { Rank, type EventHandlerOf } from '../model/events.js';
import type { ArrivalSource } from '../model/policies.js';
import type { JourneyControl } from '../model/system.js';
import { poissonPmf } from '../analytic/discrete.js';
import { samplerFor } from '../random/distributions.js';
import type { RandomStream } from '../random/streams.js';
import type { ReservationsConfig, SlotDemand } from './config.js';
import { punctualityQuantile } from './punctuality.js';

export const BookingStatus = { shows: 0, cancelled: 1, noShow: 2 } as const;

/** Customer column `reservations/booking`: [slot index, booked time] of each booked customer. */
export const BookingColumn = { width: 2, slot: 0, bookedTime: 1 } as const;

export class BookingBook {
  /** Per booking. */
  readonly slotOf: Int32Array;
  readonly bookedTime: Float64Array;
  readonly arrival: Float64Array;
  readonly hold: Float64Array;
  readonly status: Uint8Array;
  /** Per slot. */
  readonly bookings: Int32Array;
  readonly cancellations: Int32Array;
  readonly noShows: Int32Array;
  readonly shows: Int32Array;

  constructor(config: ReservationsConfig, horizon: number, context: Pick<ReplicationContext, 'stream'>) {
    const slots = config.slots;
    const demand = context.stream('demand');
    const accepted = slots.map((slot) => Math.min(requests(slot.demand, slot.bookingLimit, demand), slot.bookingLimit));
    const total = accepted.reduce((a, b) => a + b, 0);
    this.slotOf = new Int32Array(total);
    this.bookedTime = new Float64Array(total);
    this.arrival = new Float64Array(total);
    this.hold = new Float64Array(total);
    this.status = new Uint8Array(total);
    this.bookings = Int32Array.from(accepted);
    this.cancellations = new Int32Array(slots.length);
    this.noShows = new Int32Array(slots.length);
    this.shows = new Int32Array(slots.length);

    const offsetOf = punctualityQuantile(config.punctuality);
    const holdSampler = config.hold === null ? null : samplerFor(config.hold);
    let i = 0;
    slots.forEach((slot, k) => {
      const random = context.stream(`slot/${k}`);
      const holdRandom = holdSampler === null ? null : context.stream(`hold/${k}`);
      for (let position = 0; position < accepted[k]!; position++, i++) {
        const cancelled = random.next() < config.cancelProbability;
        const noShow = random.next() < config.noShowProbability;
        const offset = offsetOf(random.next());
        this.slotOf[i] = k;
        this.bookedTime[i] = slot.appointmentTimes[position] ?? slot.time;
        this.arrival[i] = Math.min(horizon, Math.max(0, this.bookedTime[i]! + offset));
        if (holdSampler !== null) this.hold[i] = holdSampler.sample(holdRandom!);
        if (cancelled) {
          this.status[i] = BookingStatus.cancelled;
          this.cancellations[k]!++;
        } else if (noShow) {
          this.status[i] = BookingStatus.noShow;
          this.noShows[k]!++;
        } else {
          this.status[i] = BookingStatus.shows;
          this.shows[k]!++;
        }
      }
    });
  }

  /** Bookings of slot k that are not cancelled (the ones the host expects). */
  kept(k: number): number {
    return this.bookings[k]! - this.cancellations[k]!;
  }
}

/** Requests for a slot: its limit when it fills (`full`), a fixed count, or a Poisson draw by inversion. */
function requests(demand: SlotDemand, limit: number, random: RandomStream): number {
  const u = random.next();
  switch (demand.kind) {
    case 'full':
      return limit;
    case 'fixed':
      return demand.count;
    case 'poisson': {
      let k = 0;
      let cumulative = poissonPmf(0, demand.mean);
      // Stop once the tail is below double precision, or when k reaches the limit (more requests change nothing).
      while (u >= cumulative && k < limit && cumulative < 1 - 1e-15) cumulative += poissonPmf(++k, demand.mean);
      return k;
    }
  }
}

/** Brings each booked customer who shows, at its arrival time, to its route (booked segment). */
export class BookingArrivals implements ArrivalSource, EventHandlerOf {
  private kind = -1;
  private journey!: JourneyControl;

  constructor(
    private readonly config: ReservationsConfig,
    private readonly book: BookingBook,
    private readonly column: CustomerColumn,
  ) {}

  start(journey: JourneyControl): void {
    this.journey = journey;
    this.kind = journey.registerEvent('booked arrival', Rank.arrival, this);
    const { book } = this;
    for (let i = 0; i < book.status.length; i++) {
      if (book.status[i] === BookingStatus.shows) journey.post(book.arrival[i]!, this.kind, i);
    }
  }

  handle(booking: number): void {
    const { config, book } = this;
    const customer = this.journey.create(config.segment);
    if (config.hold !== null) customer.service[config.visit] = book.hold[booking]!;
    const at = customer.slot * BookingColumn.width;
    this.column.values[at + BookingColumn.slot] = book.slotOf[booking]!;
    this.column.values[at + BookingColumn.bookedTime] = book.bookedTime[booking]!;
    this.journey.begin(customer);
  }
}
