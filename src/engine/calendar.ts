/**
 * The event calendar: pending events in a binary min-heap ordered by time, then by rank
 * (the fixed order of simultaneous events of different kinds), then by insertion sequence,
 * so that events scheduled for the same instant and rank run first-in, first-out.
 *
 * An event is three numbers: its kind, a subject (an index the owner gives meaning to) and
 * its time. The heap keeps each event's time, order key (rank and sequence in one number),
 * kind and subject in heap order, in typed arrays, so comparisons read them directly. An
 * event that may be cancelled (`push`, which returns a handle) has a slot instead: its heap
 * entry holds the kind NO_KIND and the slot, and the slot its kind, subject and state.
 * Cancelling marks the slot and the event is dropped when it reaches the top (the heap is
 * rebuilt if cancelled events ever outnumber live ones). An event that will not be cancelled
 * (`post`: a service end, an arrival) needs no slot, and costs neither its bookkeeping nor a
 * handle. Nothing is allocated per event once the arrays have grown to the peak number of
 * pending events.
 */

/** Identifies a scheduled event so it can be cancelled; stale handles are detected. */
export type EventHandle = number;

const SLOT_BITS = 24;
const SLOT_LIMIT = 2 ** SLOT_BITS; // cancellable (pushed) events pending at once
/** Generations wrap so that generation * SLOT_LIMIT + slot stays an exact integer (< 2^53). */
const GENERATION_MASK = 2 ** (53 - SLOT_BITS) - 1;
/** Order key = rank * RANK_WEIGHT + sequence: exact for ranks below 2^11 and 2^42 events. */
const RANK_WEIGHT = 2 ** 42;
const MAX_RANK = 2 ** 11 - 1;
/** The kind of a heap entry whose event has a slot (kinds are never negative). */
const NO_KIND = -1;

const enum SlotState {
  Free = 0,
  Pending = 1,
  Cancelled = 2,
}

export class EventCalendar {
  // In heap order:
  private heapTimes: Float64Array;
  private heapOrders: Float64Array;
  /** The event's kind, or NO_KIND: then `heapSubjects` holds its slot. */
  private heapKinds: Int32Array;
  private heapSubjects: Int32Array;
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
    this.heapKinds = new Int32Array(n);
    this.heapSubjects = new Int32Array(n);
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

  /** Adds an event that may be cancelled: its handle is for `cancel`. */
  push(time: number, rank: number, kind: number, subject: number): EventHandle {
    if ((rank & MAX_RANK) !== rank || (kind | 0) !== kind || kind < 0) badEvent(rank, kind);
    const slot = this.allocateSlot();
    this.kinds[slot] = kind;
    this.subjects[slot] = subject;
    this.states[slot] = SlotState.Pending;
    this.insert(time, rank, NO_KIND, slot);
    return this.generations[slot]! * SLOT_LIMIT + slot;
  }

  /** Adds an event that will not be cancelled (no slot, no handle). */
  post(time: number, rank: number, kind: number, subject: number): void {
    if ((rank & MAX_RANK) !== rank || (kind | 0) !== kind || kind < 0) badEvent(rank, kind);
    this.insert(time, rank, kind, subject);
  }

  private insert(time: number, rank: number, kind: number, subject: number): void {
    if (this.heapCount === this.heapTimes.length) this.growHeap();
    this.siftUp(this.heapCount++, time, rank * RANK_WEIGHT + this.nextSeq++, kind, subject);
    this.live++;
  }

  /** Removes the earliest pending event and exposes it through `popped*`. Returns false when empty. */
  pop(): boolean {
    this.dropCancelledTop();
    if (this.heapCount === 0) return false;
    this.poppedTime = this.heapTimes[0]!;
    const kind = this.heapKinds[0]!;
    const subject = this.heapSubjects[0]!;
    if (kind === NO_KIND) {
      this.poppedKind = this.kinds[subject]!;
      this.poppedSubject = this.subjects[subject]!;
      this.freeSlot(subject);
    } else {
      this.poppedKind = kind;
      this.poppedSubject = subject;
    }
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
    while (this.heapCount > 0 && this.isCancelled(0)) {
      this.freeSlot(this.heapSubjects[0]!);
      this.removeTop();
      this.cancelledInHeap--;
    }
  }

  /** Whether the heap entry at `position` is a cancelled event. */
  private isCancelled(position: number): boolean {
    return this.heapKinds[position] === NO_KIND && this.states[this.heapSubjects[position]!] === SlotState.Cancelled;
  }

  /** Restores the heap without its top entry (whose slot, if any, the caller has freed). */
  private removeTop(): void {
    const last = --this.heapCount;
    if (last > 0) this.siftDown(0, this.heapTimes[last]!, this.heapOrders[last]!, this.heapKinds[last]!, this.heapSubjects[last]!);
  }

  /** Drops every cancelled event and re-heapifies (Floyd), when the dead outnumber the live. */
  private rebuild(): void {
    let kept = 0;
    for (let i = 0; i < this.heapCount; i++) {
      if (this.isCancelled(i)) {
        this.freeSlot(this.heapSubjects[i]!);
        continue;
      }
      this.heapTimes[kept] = this.heapTimes[i]!;
      this.heapOrders[kept] = this.heapOrders[i]!;
      this.heapKinds[kept] = this.heapKinds[i]!;
      this.heapSubjects[kept] = this.heapSubjects[i]!;
      kept++;
    }
    this.heapCount = kept;
    this.cancelledInHeap = 0;
    for (let i = (kept >> 1) - 1; i >= 0; i--) this.siftDown(i, this.heapTimes[i]!, this.heapOrders[i]!, this.heapKinds[i]!, this.heapSubjects[i]!);
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
    if (n > SLOT_LIMIT) throw new Error(`event calendar overflow: more than ${SLOT_LIMIT} cancellable events at once`);
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
    this.heapKinds = resized(this.heapKinds, new Int32Array(n));
    this.heapSubjects = resized(this.heapSubjects, new Int32Array(n));
  }

  /** Places (time, order, kind, subject) at or above `position`. */
  private siftUp(position: number, time: number, order: number, kind: number, subject: number): void {
    const times = this.heapTimes;
    const orders = this.heapOrders;
    const kinds = this.heapKinds;
    const subjects = this.heapSubjects;
    while (position > 0) {
      const parent = (position - 1) >> 1;
      const parentTime = times[parent]!;
      if (parentTime < time || (parentTime === time && orders[parent]! < order)) break;
      times[position] = parentTime;
      orders[position] = orders[parent]!;
      kinds[position] = kinds[parent]!;
      subjects[position] = subjects[parent]!;
      position = parent;
    }
    times[position] = time;
    orders[position] = order;
    kinds[position] = kind;
    subjects[position] = subject;
  }

  /** Places (time, order, kind, subject) at or below `position`. */
  private siftDown(position: number, time: number, order: number, kind: number, subject: number): void {
    const times = this.heapTimes;
    const orders = this.heapOrders;
    const kinds = this.heapKinds;
    const subjects = this.heapSubjects;
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
      kinds[position] = kinds[child]!;
      subjects[position] = subjects[child]!;
      position = child;
    }
    times[position] = time;
    orders[position] = order;
    kinds[position] = kind;
    subjects[position] = subject;
  }
}

/**
 * Out of line, so that push and post stay small enough to be inlined where they are called.
 * A kind is kept in an Int32Array, and a negative one in the heap marks a slot (NO_KIND).
 */
function badEvent(rank: number, kind: number): never {
  if ((kind | 0) !== kind || kind < 0) throw new Error(`event kind must be a whole number in 0..${2 ** 31 - 1}, got ${kind}`);
  throw new Error(`event rank must be a whole number in 0..${MAX_RANK}, got ${rank} (kind ${kind})`);
}

function resized<T extends Float64Array | Int32Array | Uint32Array | Uint8Array>(from: T, to: T): T {
  to.set(from);
  return to;
}
