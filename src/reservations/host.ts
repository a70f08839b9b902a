/**
 * The host at the booked station: who of the booked customers is seated, who is denied, and
 * which walk-ins are held off the units owed to bookings. Two join policies share one host.
 *
 * Booked customers: the first C (the slot's bookable capacity) of a slot to arrive are owed
 * a unit and always join the line (they may wait for it: that is their wait past the booked
 * time). Beyond C, with `overflow: wait` they join too (a clinic runs late); with `deny` they
 * are seated only if a unit is free beyond those owed to other bookings, else denied.
 *
 * Walk-ins (with `holdForBookings`): the units owed at time t are, over the slots whose
 * window [first booked time − ahead, last booked time + grace) holds t, the kept bookings
 * (not cancelled; no-shows are not known until the grace ends) the slot still owes: at most
 * C with `deny`. A walk-in is turned away (denied) when the free units do not exceed them;
 * otherwise the walk-in's own policy (waiting places, balking) decides.
 */
import type { Customer, CustomerColumn } from '../model/customer.js';
import type { StationView } from '../model/journey.js';
import { Admission, type JoinPolicy, type StationAtJoin } from '../model/policies.js';
import type { JourneyControl } from '../model/system.js';
import { BookingColumn, type BookingBook } from './bookings.js';
import type { ReservationsConfig } from './config.js';

export class Host {
  /** Per slot: booked customers admitted at the booked station so far. */
  readonly admitted: Int32Array;
  /** Per slot: units the slot can be owed (C, or every kept booking with overflow: wait). */
  private readonly owedAtMost: Int32Array;
  private readonly windowStart: Float64Array;
  private readonly windowEnd: Float64Array;
  /** Whether the windows open in slot order (slot times ascend): then owed() scans only the open ones. */
  private readonly startsInOrder: boolean;
  /** Slots before this one have closed their windows for good (time only moves on). */
  private firstOpen = 0;

  /**
   * @param station  the booked station itself: its units are counted whole, never as the line
   *                 a join policy is shown (channels/line-view.ts)
   */
  constructor(
    private readonly config: ReservationsConfig,
    book: BookingBook,
    private readonly journey: JourneyControl,
    private readonly station: StationView,
  ) {
    const slots = config.slots;
    const { ahead, grace } = config.holdForBookings ?? { ahead: 0, grace: 0 };
    this.admitted = new Int32Array(slots.length);
    this.owedAtMost = Int32Array.from(slots, (slot, k) => (config.overflow === 'deny' ? Math.min(slot.bookable, book.kept(k)) : book.kept(k)));
    this.windowStart = Float64Array.from(slots, (slot) => (slot.appointmentTimes[0] ?? slot.time) - ahead);
    this.windowEnd = Float64Array.from(slots, (slot, k) => (slot.appointmentTimes[book.bookings[k]! - 1] ?? slot.time) + grace);
    this.startsInOrder = this.windowStart.every((start, k) => k === 0 || this.windowStart[k - 1]! <= start);
  }

  /**
   * Units owed now to booked customers who have not arrived at the station yet. Called at
   * every walk-in's arrival, so it does not scan the whole day: the slots whose windows have
   * closed are skipped for good, and the scan stops at the first window not yet open.
   */
  owed(): number {
    const now = this.journey.now;
    const slots = this.admitted.length;
    if (!this.startsInOrder) return this.owedIn(0, slots, now);
    while (this.firstOpen < slots && this.windowEnd[this.firstOpen]! <= now) this.firstOpen++;
    let end = this.firstOpen;
    while (end < slots && this.windowStart[end]! <= now) end++;
    return this.owedIn(this.firstOpen, end, now);
  }

  private owedIn(from: number, to: number, now: number): number {
    let owed = 0;
    for (let k = from; k < to; k++) {
      if (this.windowStart[k]! <= now && now < this.windowEnd[k]!) owed += Math.max(0, this.owedAtMost[k]! - this.admitted[k]!);
    }
    return owed;
  }

  /** Units of the station free now, beyond those owed to bookings. */
  spare(): number {
    const station = this.station;
    return station.capacity - station.busy - station.waiting - this.owed();
  }

  /** A booked customer of slot k reaches the booked station: join or be denied. */
  admitBooked(k: number): Admission {
    const owedUnit = this.admitted[k]! < this.config.slots[k]!.bookable;
    if (owedUnit || this.config.overflow === 'wait' || this.spare() >= 1) {
      this.admitted[k]!++;
      return Admission.join;
    }
    return Admission.deny;
  }
}

/** The join policy of the booked segment: the host decides at the booked step, the segment's own policy elsewhere. */
export class BookedAdmission implements JoinPolicy {
  constructor(
    private readonly host: Host,
    private readonly inner: JoinPolicy,
    private readonly column: CustomerColumn,
    private readonly station: number,
    /** The booked visit slot (ReservationsConfig.visit): the router has set the customer's draw to it. */
    private readonly visit: number,
  ) {}

  decide(customer: Customer, station: StationAtJoin): Admission {
    if (station.index !== this.station || customer.draw !== this.visit) return this.inner.decide(customer, station);
    const slot = this.column.values[customer.slot * BookingColumn.width + BookingColumn.slot]!;
    return this.host.admitBooked(slot);
  }
}

/** The join policy of a walk-in segment: held off the units owed to bookings, then its own policy. */
export class WalkInAdmission implements JoinPolicy {
  constructor(
    private readonly host: Host,
    private readonly inner: JoinPolicy,
    private readonly station: number,
  ) {}

  decide(customer: Customer, station: StationAtJoin): Admission {
    if (station.index === this.station && this.host.owed() > 0 && this.host.spare() < 1) return Admission.deny;
    return this.inner.decide(customer, station);
  }
}
