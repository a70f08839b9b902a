/** Constant-memory accumulators fed at the journey's points. */

/** Count and mean of observations. */
export class Tally {
  count = 0;
  sum = 0;
  add(value: number): void {
    this.count++;
    this.sum += value;
  }
  merge(other: Tally): void {
    this.count += other.count;
    this.sum += other.sum;
  }
  /** NaN when nothing was observed: the metric is undefined in this replication. */
  get mean(): number {
    return this.count === 0 ? NaN : this.sum / this.count;
  }
}

/**
 * Time integrals of one station's state over the measured window [from, ∞): waiting customers,
 * busy servers, available server-time and overtime. The caller reports the state just before
 * each change (see JourneyObserver.stationChanged), so the state is constant between calls.
 */
export class StationTimeIntegrals {
  waitingArea = 0;
  busyArea = 0;
  /** ∫ max(capacity, busy): servers on duty, plus those finishing a customer past their shift. */
  availableArea = 0;
  /** ∫ busy beyond the schedule: over capacity before closing, all busy time after it. */
  overtimeArea = 0;
  /** End of the integrated time so far. */
  last: number;

  constructor(
    private readonly from: number,
    private readonly closing: number,
  ) {
    this.last = from;
  }

  advance(time: number, waiting: number, busy: number, capacity: number): void {
    if (time <= this.last) return;
    const start = this.last;
    this.last = time;
    const dt = time - start;
    this.waitingArea += waiting * dt;
    this.busyArea += busy * dt;
    this.availableArea += (busy > capacity ? busy : capacity) * dt;
    if (time > this.closing) {
      const beforeClosing = Math.max(0, this.closing - start);
      this.overtimeArea += Math.max(0, busy - capacity) * beforeClosing + busy * (dt - beforeClosing);
    } else if (busy > capacity) {
      this.overtimeArea += (busy - capacity) * dt;
    }
  }
}
