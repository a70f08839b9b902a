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
 * The running sums live in a Float64Array: they change twice per customer, and typed-array
 * slots take a double without boxing it.
 */
export class StationTimeIntegrals {
  /** [end of the integrated time, ∫waiting, ∫busy, ∫available, ∫overtime] */
  private readonly sums = new Float64Array(5);

  constructor(
    from: number,
    private readonly closing: number,
  ) {
    this.sums[0] = from;
  }

  get waitingArea(): number {
    return this.sums[1]!;
  }
  get busyArea(): number {
    return this.sums[2]!;
  }
  /** ∫ max(capacity, busy): servers on duty, plus those finishing a customer past their shift. */
  get availableArea(): number {
    return this.sums[3]!;
  }
  /** ∫ busy beyond the schedule: over capacity before closing, all busy time after it. */
  get overtimeArea(): number {
    return this.sums[4]!;
  }

  advance(time: number, waiting: number, busy: number, capacity: number): void {
    const sums = this.sums;
    const start = sums[0]!;
    if (time <= start) return;
    sums[0] = time;
    const dt = time - start;
    sums[1]! += waiting * dt;
    sums[2]! += busy * dt;
    sums[3]! += (busy > capacity ? busy : capacity) * dt;
    if (time > this.closing) this.overtimePastClosing(start, dt, busy, capacity);
    else if (busy > capacity) sums[4]! += (busy - capacity) * dt;
  }

  /** Overtime of a stretch [start, start + dt) that ends after closing (out of line: rare, and advance is inlined). */
  private overtimePastClosing(start: number, dt: number, busy: number, capacity: number): void {
    const beforeClosing = Math.max(0, this.closing - start);
    this.sums[4]! += Math.max(0, busy - capacity) * beforeClosing + busy * (dt - beforeClosing);
  }
}
