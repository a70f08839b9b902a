/**
 * The event calendar: pending events in a binary min-heap ordered by time, then by rank
 * (the fixed order of simultaneous events of different kinds), then by insertion sequence,
 * so that events scheduled for the same instant and rank run first-in, first-out.
 *
 * An event is three numbers: its kind, a subject (an index the owner gives meaning to) and
 * its time. Storage is in typed arrays indexed by slot; the heap holds slots. Nothing is
 * allocated per event once the arrays have grown to the peak number of pending events.
 */

/** Identifies a scheduled event so it can be cancelled; stale handles are detected. */
export type EventHandle = number;

const SLOT_BITS = 24;
const SLOT_LIMIT = 1 << SLOT_BITS; // pending events at once
const SLOT_MASK = SLOT_LIMIT - 1;
/** Generations wrap so that generation * SLOT_LIMIT + slot stays an exact integer (< 2^53). */
const GENERATION_MASK = 2 ** (53 - SLOT_BITS) - 1;

export class EventCalendar {
  private times: Float64Array;
  private ranks: Int32Array;
  private seqs: Float64Array;
  private kinds: Int32Array;
  private subjects: Int32Array;
  /** Position of each slot in `heap`, or -1 while the slot is free. */
  private positions: Int32Array;
  /** Incremented each time a slot is freed, so an old handle cannot cancel a new event. */
  private generations: Uint32Array;
  private heap: Int32Array;
  private free: Int32Array;
  private freeCount = 0;
  private used = 0;
  private count = 0;
  private nextSeq = 0;

  /** Time, kind and subject of the event last returned by `pop`. */
  poppedTime = 0;
  poppedKind = 0;
  poppedSubject = 0;

  constructor(initialCapacity = 64) {
    const n = Math.max(4, initialCapacity);
    this.times = new Float64Array(n);
    this.ranks = new Int32Array(n);
    this.seqs = new Float64Array(n);
    this.kinds = new Int32Array(n);
    this.subjects = new Int32Array(n);
    this.positions = new Int32Array(n).fill(-1);
    this.generations = new Uint32Array(n);
    this.heap = new Int32Array(n);
    this.free = new Int32Array(n);
  }

  get size(): number {
    return this.count;
  }

  /** Time of the earliest pending event (Infinity when empty). */
  peekTime(): number {
    return this.count === 0 ? Infinity : this.times[this.heap[0]!]!;
  }

  /** Rank of the earliest pending event (Infinity when empty). */
  peekRank(): number {
    return this.count === 0 ? Infinity : this.ranks[this.heap[0]!]!;
  }

  push(time: number, rank: number, kind: number, subject: number): EventHandle {
    const slot = this.allocateSlot();
    this.times[slot] = time;
    this.ranks[slot] = rank;
    this.seqs[slot] = this.nextSeq++;
    this.kinds[slot] = kind;
    this.subjects[slot] = subject;
    const position = this.count++;
    this.heap[position] = slot;
    this.positions[slot] = position;
    this.siftUp(position);
    return this.generations[slot]! * SLOT_LIMIT + slot;
  }

  /** Removes the earliest event and exposes it through `popped*`. Returns false when empty. */
  pop(): boolean {
    if (this.count === 0) return false;
    const slot = this.heap[0]!;
    this.poppedTime = this.times[slot]!;
    this.poppedKind = this.kinds[slot]!;
    this.poppedSubject = this.subjects[slot]!;
    this.removeAt(0);
    return true;
  }

  /** Cancels a pending event. Returns false if it already ran or was cancelled. */
  cancel(handle: EventHandle): boolean {
    const slot = handle & SLOT_MASK;
    const generation = Math.floor(handle / SLOT_LIMIT);
    if (slot >= this.used || this.generations[slot] !== generation) return false;
    const position = this.positions[slot]!;
    if (position < 0) return false;
    this.removeAt(position);
    return true;
  }

  private removeAt(position: number): void {
    const slot = this.heap[position]!;
    const last = --this.count;
    if (position !== last) {
      const moved = this.heap[last]!;
      this.heap[position] = moved;
      this.positions[moved] = position;
      if (position > 0 && this.before(moved, this.heap[(position - 1) >> 1]!)) this.siftUp(position);
      else this.siftDown(position);
    }
    this.positions[slot] = -1;
    this.generations[slot] = (this.generations[slot]! + 1) & GENERATION_MASK;
    this.free[this.freeCount++] = slot;
  }

  private allocateSlot(): number {
    if (this.freeCount > 0) return this.free[--this.freeCount]!;
    if (this.used === this.times.length) this.grow();
    return this.used++;
  }

  private grow(): void {
    const n = this.times.length * 2;
    if (n > SLOT_LIMIT) throw new Error(`event calendar overflow: more than ${SLOT_LIMIT} pending events`);
    this.times = resized(this.times, new Float64Array(n));
    this.ranks = resized(this.ranks, new Int32Array(n));
    this.seqs = resized(this.seqs, new Float64Array(n));
    this.kinds = resized(this.kinds, new Int32Array(n));
    this.subjects = resized(this.subjects, new Int32Array(n));
    this.positions = resized(this.positions, new Int32Array(n).fill(-1));
    this.generations = resized(this.generations, new Uint32Array(n));
    this.heap = resized(this.heap, new Int32Array(n));
    this.free = resized(this.free, new Int32Array(n));
  }

  /** Whether slot a's event comes before slot b's. */
  private before(a: number, b: number): boolean {
    const ta = this.times[a]!;
    const tb = this.times[b]!;
    if (ta !== tb) return ta < tb;
    const ra = this.ranks[a]!;
    const rb = this.ranks[b]!;
    if (ra !== rb) return ra < rb;
    return this.seqs[a]! < this.seqs[b]!;
  }

  private siftUp(position: number): void {
    const heap = this.heap;
    const slot = heap[position]!;
    while (position > 0) {
      const parentPosition = (position - 1) >> 1;
      const parent = heap[parentPosition]!;
      if (!this.before(slot, parent)) break;
      heap[position] = parent;
      this.positions[parent] = position;
      position = parentPosition;
    }
    heap[position] = slot;
    this.positions[slot] = position;
  }

  private siftDown(position: number): void {
    const heap = this.heap;
    const count = this.count;
    const slot = heap[position]!;
    for (;;) {
      let child = 2 * position + 1;
      if (child >= count) break;
      const right = child + 1;
      if (right < count && this.before(heap[right]!, heap[child]!)) child = right;
      const childSlot = heap[child]!;
      if (!this.before(childSlot, slot)) break;
      heap[position] = childSlot;
      this.positions[childSlot] = position;
      position = child;
    }
    heap[position] = slot;
    this.positions[slot] = position;
  }
}

function resized<T extends Float64Array | Int32Array | Uint32Array>(from: T, to: T): T {
  to.set(from);
  return to;
}
