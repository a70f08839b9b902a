/**
 * The event calendar: pending events in a binary min-heap ordered by time, then by rank
 * (the fixed order of simultaneous events of different kinds), then by insertion sequence,
 * so that events scheduled for the same instant and rank run first-in, first-out.
 *
 * An event is three numbers: its kind, a subject (an index the owner gives meaning to) and
 * its time. The heap keeps each event's time and order key (rank and sequence in one number)
 * in heap order, in typed arrays, so comparisons read them directly; kind and subject live in
 * a slot. Cancelling marks the slot and the event is dropped when it reaches the top (the
 * heap is rebuilt if cancelled events ever outnumber live ones). Nothing is allocated per
 * event once the arrays have grown to the peak number of pending events.
 */

/** Identifies a scheduled event so it can be cancelled; stale handles are detected. */
export type EventHandle = number;

const SLOT_BITS = 24;
const SLOT_LIMIT = 2 ** SLOT_BITS; // events in the heap at once
/** Generations wrap so that generation * SLOT_LIMIT + slot stays an exact integer (< 2^53). */
const GENERATION_MASK = 2 ** (53 - SLOT_BITS) - 1;
/** Order key = rank * RANK_WEIGHT + sequence: exact for ranks below 2^11 and 2^42 events. */
const RANK_WEIGHT = 2 ** 42;
const MAX_RANK = 2 ** 11 - 1;

const enum SlotState {
  Free = 0,
  Pending = 1,
  Cancelled = 2,
}

export class EventCalendar {
  // In heap order:
  private heapTimes: Float64Array;
  private heapOrders: Float64Array;
  private heapSlots: Int32Array;
  private heapCount = 0;
  // By slot:
  private kinds: Int32Array;
  private subjects: Int32Array;
  private states: Uint8Array;
  /** Incremented each time a slot is freed, so an old handle cannot cancel a new event. */
  private generations: Uint32Array;
  private free: Int32Array;
  private freeCount = 0;
  private used = 0;

  private live = 0;
  private cancelledInHeap = 0;
  private nextSeq = 0;

  /** Time, kind and subject of the event last returned by `pop`. */
  poppedTime = 0;
  poppedKind = 0;
  poppedSubject = 0;

  constructor(initialCapacity = 64) {
    const n = Math.max(4, initialCapacity);
    this.heapTimes = new Float64Array(n);
    this.heapOrders = new Float64Array(n);
    this.heapSlots = new Int32Array(n);
    this.kinds = new Int32Array(n);
    this.subjects = new Int32Array(n);
    this.states = new Uint8Array(n);
    this.generations = new Uint32Array(n);
    this.free = new Int32Array(n);
  }

  /** Pending (not cancelled) events. */
  get size(): number {
    return this.live;
  }

  /** Time of the earliest pending event (Infinity when empty). */
  peekTime(): number {
    this.dropCancelledTop();
    return this.heapCount === 0 ? Infinity : this.heapTimes[0]!;
  }

  /** Rank of the earliest pending event (Infinity when empty). */
  peekRank(): number {
    this.dropCancelledTop();
    return this.heapCount === 0 ? Infinity : Math.floor(this.heapOrders[0]! / RANK_WEIGHT);
  }

  /** Whether a pending event is due at exactly `time` with a rank lower than `rank`. */
  hasDueBefore(time: number, rank: number): boolean {
    this.dropCancelledTop();
    return this.heapCount > 0 && this.heapTimes[0] === time && this.heapOrders[0]! < rank * RANK_WEIGHT;
  }

  push(time: number, rank: number, kind: number, subject: number): EventHandle {
    if ((rank & MAX_RANK) !== rank) throw new Error(`event rank must be a whole number in 0..${MAX_RANK}, got ${rank}`);
    const slot = this.allocateSlot();
    this.kinds[slot] = kind;
    this.subjects[slot] = subject;
    this.states[slot] = SlotState.Pending;
    if (this.heapCount === this.heapTimes.length) this.growHeap();
    this.siftUp(this.heapCount++, time, rank * RANK_WEIGHT + this.nextSeq++, slot);
    this.live++;
    return this.generations[slot]! * SLOT_LIMIT + slot;
  }

  /** Removes the earliest pending event and exposes it through `popped*`. Returns false when empty. */
  pop(): boolean {
    this.dropCancelledTop();
    if (this.heapCount === 0) return false;
    const slot = this.heapSlots[0]!;
    this.poppedTime = this.heapTimes[0]!;
    this.poppedKind = this.kinds[slot]!;
    this.poppedSubject = this.subjects[slot]!;
    this.removeTop();
    this.live--;
    return true;
  }

  /** Cancels a pending event. Returns false if it already ran or was cancelled. */
  cancel(handle: EventHandle): boolean {
    const slot = handle % SLOT_LIMIT;
    const generation = (handle - slot) / SLOT_LIMIT;
    if (slot >= this.used || this.generations[slot] !== generation || this.states[slot] !== SlotState.Pending) return false;
    this.states[slot] = SlotState.Cancelled;
    this.live--;
    this.cancelledInHeap++;
    if (this.cancelledInHeap > 1024 && this.cancelledInHeap > this.live) this.rebuild();
    return true;
  }

  private dropCancelledTop(): void {
    if (this.cancelledInHeap === 0) return; // the common case, and one read
    while (this.heapCount > 0 && this.states[this.heapSlots[0]!] === SlotState.Cancelled) {
      this.removeTop();
      this.cancelledInHeap--;
    }
  }

  /** Frees the top event's slot and restores the heap. */
  private removeTop(): void {
    this.freeSlot(this.heapSlots[0]!);
    const last = --this.heapCount;
    if (last > 0) this.siftDown(0, this.heapTimes[last]!, this.heapOrders[last]!, this.heapSlots[last]!);
  }

  /** Drops every cancelled event and re-heapifies (Floyd), when the dead outnumber the live. */
  private rebuild(): void {
    let kept = 0;
    for (let i = 0; i < this.heapCount; i++) {
      const slot = this.heapSlots[i]!;
      if (this.states[slot] === SlotState.Cancelled) {
        this.freeSlot(slot);
        continue;
      }
      this.heapTimes[kept] = this.heapTimes[i]!;
      this.heapOrders[kept] = this.heapOrders[i]!;
      this.heapSlots[kept] = slot;
      kept++;
    }
    this.heapCount = kept;
    this.cancelledInHeap = 0;
    for (let i = (kept >> 1) - 1; i >= 0; i--) this.siftDown(i, this.heapTimes[i]!, this.heapOrders[i]!, this.heapSlots[i]!);
  }

  private freeSlot(slot: number): void {
    this.states[slot] = SlotState.Free;
    this.generations[slot] = (this.generations[slot]! + 1) & GENERATION_MASK;
    this.free[this.freeCount++] = slot;
  }

  private allocateSlot(): number {
    if (this.freeCount > 0) return this.free[--this.freeCount]!;
    if (this.used === this.kinds.length) this.growSlots();
    return this.used++;
  }

  private growSlots(): void {
    const n = this.kinds.length * 2;
    if (n > SLOT_LIMIT) throw new Error(`event calendar overflow: more than ${SLOT_LIMIT} events at once`);
    this.kinds = resized(this.kinds, new Int32Array(n));
    this.subjects = resized(this.subjects, new Int32Array(n));
    this.states = resized(this.states, new Uint8Array(n));
    this.generations = resized(this.generations, new Uint32Array(n));
    this.free = resized(this.free, new Int32Array(n));
  }

  private growHeap(): void {
    const n = this.heapTimes.length * 2;
    this.heapTimes = resized(this.heapTimes, new Float64Array(n));
    this.heapOrders = resized(this.heapOrders, new Float64Array(n));
    this.heapSlots = resized(this.heapSlots, new Int32Array(n));
  }

  /** Places (time, order, slot) at or above `position`. */
  private siftUp(position: number, time: number, order: number, slot: number): void {
    const times = this.heapTimes;
    const orders = this.heapOrders;
    const slots = this.heapSlots;
    while (position > 0) {
      const parent = (position - 1) >> 1;
      const parentTime = times[parent]!;
      if (parentTime < time || (parentTime === time && orders[parent]! < order)) break;
      times[position] = parentTime;
      orders[position] = orders[parent]!;
      slots[position] = slots[parent]!;
      position = parent;
    }
    times[position] = time;
    orders[position] = order;
    slots[position] = slot;
  }

  /** Places (time, order, slot) at or below `position`. */
  private siftDown(position: number, time: number, order: number, slot: number): void {
    const times = this.heapTimes;
    const orders = this.heapOrders;
    const slots = this.heapSlots;
    const count = this.heapCount;
    for (;;) {
      let child = 2 * position + 1;
      if (child >= count) break;
      let childTime = times[child]!;
      const right = child + 1;
      if (right < count) {
        const rightTime = times[right]!;
        if (rightTime < childTime || (rightTime === childTime && orders[right]! < orders[child]!)) {
          child = right;
          childTime = rightTime;
        }
      }
      if (time < childTime || (time === childTime && order < orders[child]!)) break;
      times[position] = childTime;
      orders[position] = orders[child]!;
      slots[position] = slots[child]!;
      position = child;
    }
    times[position] = time;
    orders[position] = order;
    slots[position] = slot;
  }
}

function resized<T extends Float64Array | Int32Array | Uint32Array | Uint8Array>(from: T, to: T): T {
  to.set(from);
  return to;
}
