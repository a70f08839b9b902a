import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { EventCalendar, type EventHandle } from '../../src/engine/calendar.js';

interface Popped {
  time: number;
  kind: number;
  subject: number;
}

function popAll(calendar: EventCalendar): Popped[] {
  const out: Popped[] = [];
  while (calendar.pop()) {
    out.push({ time: calendar.poppedTime, kind: calendar.poppedKind, subject: calendar.poppedSubject });
  }
  return out;
}

describe('EventCalendar', () => {
  it('pops events in time order, whatever order they were pushed in', () => {
    const calendar = new EventCalendar();
    const times = [5, 1, 4, 2, 3, 0.5, 10, 7];
    times.forEach((time, i) => calendar.push(time, 0, 0, i));
    expect(popAll(calendar).map((e) => e.time)).toEqual([...times].sort((a, b) => a - b));
  });

  it('exposes the time, kind and subject of the popped event', () => {
    const calendar = new EventCalendar();
    calendar.push(3, 0, 7, 42);
    expect(calendar.pop()).toBe(true);
    expect([calendar.poppedTime, calendar.poppedKind, calendar.poppedSubject]).toEqual([3, 7, 42]);
  });

  it('returns false from pop, Infinity from peekTime and peekRank when empty', () => {
    const calendar = new EventCalendar();
    expect(calendar.pop()).toBe(false);
    expect(calendar.peekTime()).toBe(Infinity);
    expect(calendar.peekRank()).toBe(Infinity);
    expect(calendar.size).toBe(0);
  });

  it('orders events at equal times by rank, lower first', () => {
    const calendar = new EventCalendar();
    calendar.push(1, 3, 0, 30);
    calendar.push(1, 1, 0, 10);
    calendar.push(1, 2, 0, 20);
    calendar.push(0.5, 9, 0, 5);
    expect(popAll(calendar).map((e) => e.subject)).toEqual([5, 10, 20, 30]);
  });

  it('orders events of equal time and rank first-in, first-out', () => {
    const calendar = new EventCalendar();
    for (let i = 0; i < 50; i++) calendar.push(2, 1, 0, i);
    calendar.push(2, 0, 0, 100); // a lower rank still goes first
    expect(popAll(calendar).map((e) => e.subject)).toEqual([100, ...Array.from({ length: 50 }, (_, i) => i)]);
  });

  it('keeps FIFO among equal events even when pushes and pops interleave', () => {
    const calendar = new EventCalendar();
    calendar.push(1, 0, 0, 0);
    calendar.push(1, 0, 0, 1);
    calendar.pop();
    calendar.push(1, 0, 0, 2);
    calendar.push(1, 0, 0, 3);
    expect(popAll(calendar).map((e) => e.subject)).toEqual([1, 2, 3]);
  });

  it('peekTime and peekRank describe the next event to pop', () => {
    const calendar = new EventCalendar();
    calendar.push(4, 2, 0, 0);
    calendar.push(4, 1, 0, 1);
    calendar.push(6, 0, 0, 2);
    expect(calendar.peekTime()).toBe(4);
    expect(calendar.peekRank()).toBe(1);
  });

  it('cancel removes exactly that event and reports success', () => {
    const calendar = new EventCalendar();
    const handles = [3, 1, 2, 5, 4].map((time) => calendar.push(time, 0, 0, time));
    expect(calendar.cancel(handles[2]!)).toBe(true); // the event at time 2
    expect(calendar.size).toBe(4);
    expect(popAll(calendar).map((e) => e.subject)).toEqual([1, 3, 4, 5]);
  });

  it('cancel of the earliest event exposes the next one', () => {
    const calendar = new EventCalendar();
    const first = calendar.push(1, 0, 0, 1);
    calendar.push(2, 0, 0, 2);
    calendar.cancel(first);
    expect(calendar.peekTime()).toBe(2);
  });

  it('cancelling twice fails the second time and removes nothing else', () => {
    const calendar = new EventCalendar();
    const handle = calendar.push(1, 0, 0, 1);
    calendar.push(2, 0, 0, 2);
    expect(calendar.cancel(handle)).toBe(true);
    expect(calendar.cancel(handle)).toBe(false);
    expect(calendar.size).toBe(1);
  });

  it('a handle of an event that already ran cannot cancel anything', () => {
    const calendar = new EventCalendar();
    const handle = calendar.push(1, 0, 0, 1);
    calendar.pop();
    calendar.push(2, 0, 0, 2);
    expect(calendar.cancel(handle)).toBe(false);
    expect(calendar.size).toBe(1);
  });

  it('a stale handle cannot cancel the new event that reuses its slot', () => {
    const calendar = new EventCalendar();
    const stale = calendar.push(1, 0, 0, 1);
    calendar.pop(); // frees the slot
    const fresh = calendar.push(5, 0, 0, 5); // most likely in the same slot
    expect(calendar.cancel(stale)).toBe(false);
    expect(calendar.size).toBe(1);
    expect(calendar.cancel(fresh)).toBe(true);
    expect(calendar.size).toBe(0);
  });

  it('a stale handle stays stale after its slot has been reused many times', () => {
    const calendar = new EventCalendar();
    const stale = calendar.push(0, 0, 0, 0);
    calendar.cancel(stale);
    for (let i = 1; i <= 1000; i++) {
      calendar.push(i, 0, 0, i);
      calendar.pop();
    }
    const live = calendar.push(2000, 0, 0, 2000);
    expect(calendar.cancel(stale)).toBe(false);
    expect(calendar.size).toBe(1);
    expect(calendar.cancel(live)).toBe(true);
  });

  it('rejects handles it never issued', () => {
    const calendar = new EventCalendar();
    calendar.push(1, 0, 0, 1);
    expect(calendar.cancel(-1)).toBe(false);
    expect(calendar.cancel(12345)).toBe(false);
    expect(calendar.size).toBe(1);
  });

  it('grows past its initial capacity without losing events', () => {
    const calendar = new EventCalendar(4);
    const n = 10_000;
    const handles: EventHandle[] = [];
    for (let i = 0; i < n; i++) handles.push(calendar.push((i * 7919) % n, 0, 0, i));
    expect(calendar.size).toBe(n);
    // Handles issued before growing still cancel their own event.
    expect(calendar.cancel(handles[1]!)).toBe(true);
    const popped = popAll(calendar);
    expect(popped).toHaveLength(n - 1);
    expect(popped.map((e) => e.subject)).not.toContain(1);
    for (let i = 1; i < popped.length; i++) expect(popped[i]!.time).toBeGreaterThanOrEqual(popped[i - 1]!.time);
  });

  it('when cancelled events outnumber live ones the heap is rebuilt without them, and order is kept', () => {
    const calendar = new EventCalendar(4);
    const handles: number[] = [];
    for (let i = 0; i < 3000; i++) {
      handles.push(calendar.push((i * 7919) % 3000, i % 3, 0, i));
      if (i % 3 === 0) calendar.post((i * 104729) % 3000, i % 3, 1, 10_000 + i); // events without a handle live through the rebuild
    }
    // Cancel all but every sixth event: more than 1024 cancelled and more than the live ones.
    handles.forEach((handle, i) => {
      if (i % 6 !== 0) expect(calendar.cancel(handle)).toBe(true);
    });
    expect(calendar.size).toBe(1500);
    const internals = calendar as unknown as { heapCount: number };
    expect(internals.heapCount).toBeLessThan(4000 - 1024); // a rebuild dropped the dead
    const popped = popAll(calendar);
    expect(popped.filter((e) => e.kind === 0).map((e) => e.subject).sort((a, b) => a - b)).toEqual(Array.from({ length: 500 }, (_, k) => 6 * k));
    expect(popped.filter((e) => e.kind === 1).map((e) => e.subject).sort((a, b) => a - b)).toEqual(Array.from({ length: 1000 }, (_, k) => 10_000 + 3 * k));
    for (let i = 1; i < popped.length; i++) expect(popped[i]!.time).toBeGreaterThanOrEqual(popped[i - 1]!.time);
    // Handles of events dropped by the rebuild are stale now.
    expect(calendar.cancel(handles[1]!)).toBe(false);
  });

  it('a handle still cancels its own event after its slot has been reused 2^29 times', () => {
    // Reaching this naturally takes ~5e8 events through one slot (a long run keeps reusing the
    // most recently freed slot). We start the slot's reuse counter just below 2^29 and let
    // ordinary pushes and pops carry it past: handles must stay exact (below 2^53).
    const calendar = new EventCalendar(4);
    calendar.push(1e9, 0, 0, 0); // occupies slot 0 for the whole test
    const internals = calendar as unknown as { generations: Uint32Array };
    internals.generations[1] = 2 ** 29 - 3;
    for (let i = 0; i < 6; i++) {
      calendar.push(i, 0, 0, 1); // slot 1, each time a new generation
      calendar.pop();
    }
    const handle = calendar.push(100, 0, 0, 1); // slot 1 again, reused 2^29 + 3 times
    calendar.push(200, 0, 0, 2);
    expect(calendar.cancel(handle)).toBe(true);
    expect(calendar.size).toBe(2);
    expect(popAll(calendar).map((e) => e.subject)).toEqual([2, 0]);
  });

  it('property: random pushes, posts, cancels and pops come out sorted by (time, rank, seq), none lost or duplicated', () => {
    type Op = { op: 'push'; time: number; rank: number; posted: boolean } | { op: 'cancel'; pick: number } | { op: 'pop' };
    const opArb: fc.Arbitrary<Op> = fc.oneof(
      { weight: 5, arbitrary: fc.record({ op: fc.constant('push' as const), time: fc.integer({ min: 0, max: 20 }), rank: fc.integer({ min: 0, max: 3 }), posted: fc.boolean() }) },
      { weight: 2, arbitrary: fc.record({ op: fc.constant('cancel' as const), pick: fc.nat() }) },
      { weight: 2, arbitrary: fc.record({ op: fc.constant('pop' as const) }) },
    );
    fc.assert(
      fc.property(fc.array(opArb, { maxLength: 300 }), fc.integer({ min: 1, max: 8 }), (ops, capacity) => {
        const calendar = new EventCalendar(capacity);
        // The reference model: pending events with their sequence number.
        interface Pending {
          time: number;
          rank: number;
          seq: number;
          /** Only for pushed events: posted ones cannot be cancelled. */
          handle?: EventHandle;
        }
        const pending = new Map<number, Pending>();
        const issued: Pending[] = [];
        const key = (e: Pending) => [e.time, e.rank, e.seq] as const;
        const earliest = (): Pending | undefined => {
          let best: Pending | undefined;
          for (const e of pending.values()) {
            if (best === undefined) best = e;
            else {
              const [t, r, s] = key(e);
              const [bt, br, bs] = key(best);
              if (t < bt || (t === bt && (r < br || (r === br && s < bs)))) best = e;
            }
          }
          return best;
        };
        let seq = 0;
        let now = 0;
        const check = (): void => {
          const expected = earliest();
          expect(calendar.pop()).toBe(expected !== undefined);
          if (expected === undefined) return;
          expect(calendar.poppedSubject).toBe(expected.seq);
          expect(calendar.poppedTime).toBe(expected.time);
          expect(calendar.poppedKind).toBe(expected.rank);
          pending.delete(expected.seq);
          now = expected.time;
        };
        for (const op of ops) {
          if (op.op === 'push') {
            // Like a simulator, never schedule before the last popped time.
            const time = now + op.time;
            const s = seq++;
            if (op.posted) {
              calendar.post(time, op.rank, op.rank, s);
              pending.set(s, { time, rank: op.rank, seq: s });
            } else {
              const entry = { time, rank: op.rank, seq: s, handle: calendar.push(time, op.rank, op.rank, s) };
              pending.set(s, entry);
              issued.push(entry);
            }
          } else if (op.op === 'cancel') {
            if (issued.length === 0) continue;
            const target = issued[op.pick % issued.length]!;
            const wasPending = pending.has(target.seq);
            expect(calendar.cancel(target.handle!)).toBe(wasPending);
            pending.delete(target.seq);
          } else {
            check();
          }
          expect(calendar.size).toBe(pending.size);
        }
        // Drain: everything left comes out in order, exactly once.
        const seen = new Set<number>();
        let last: [number, number, number] = [-Infinity, -Infinity, -Infinity];
        while (pending.size > 0) {
          const expected = earliest()!;
          check();
          const current: [number, number, number] = [expected.time, expected.rank, expected.seq];
          expect(compare(current, last)).toBeGreaterThan(0);
          expect(seen.has(expected.seq)).toBe(false);
          seen.add(expected.seq);
          last = current;
        }
        expect(calendar.pop()).toBe(false);
      }),
      { numRuns: 300, seed: 20261129 },
    );
  });
  it('refuses a rank out of range (an unregistered kind has none), and a kind that is no int32 of at least 0 (a negative one in the heap reads as a slot)', () => {
    const calendar = new EventCalendar(4);
    expect(() => calendar.push(1, 2048, 0, 0)).toThrow('event rank must be a whole number in 0..2047, got 2048 (kind 0)');
    expect(() => calendar.post(1, -1, 0, 0)).toThrow('event rank must be a whole number in 0..2047, got -1 (kind 0)');
    expect(() => calendar.post(1, undefined as unknown as number, 7, 0)).toThrow('event rank must be a whole number in 0..2047, got undefined (kind 7)');
    for (const kind of [-1, NaN, 1.5, 2 ** 31, 2 ** 32 - 1]) {
      expect(() => calendar.post(1, 0, kind, 0)).toThrow(`event kind must be a whole number in 0..2147483647, got ${kind}`);
      expect(() => calendar.push(1, 0, kind, 0)).toThrow(`event kind must be a whole number in 0..2147483647, got ${kind}`);
    }
    expect(calendar.size).toBe(0);
    calendar.post(1, 0, 0, 7);
    calendar.post(2, 0, 2 ** 31 - 1, 8);
    expect(popAll(calendar)).toEqual([
      { time: 1, kind: 0, subject: 7 },
      { time: 2, kind: 2 ** 31 - 1, subject: 8 },
    ]);
  });

  it('post: events without a handle keep the same order as pushed ones, and cancels still find theirs', () => {
    const calendar = new EventCalendar(4);
    const events = Array.from({ length: 40 }, (_, i) => ({ time: i % 5, rank: i % 2, kind: i % 3 === 0 ? 1 : 2, subject: i }));
    const handles = new Map<number, EventHandle>();
    for (const e of events) {
      if (e.kind === 1) handles.set(e.subject, calendar.push(e.time, e.rank, e.kind, e.subject));
      else calendar.post(e.time, e.rank, e.kind, e.subject);
    }
    const cancelled = new Set([0, 6, 15, 33]);
    for (const subject of cancelled) expect(calendar.cancel(handles.get(subject)!)).toBe(true);
    expect(calendar.size).toBe(events.length - cancelled.size);
    const expected = events
      .filter((e) => !cancelled.has(e.subject))
      .sort((x, y) => x.time - y.time || x.rank - y.rank || x.subject - y.subject)
      .map(({ time, kind, subject }) => ({ time, kind, subject }));
    expect(popAll(calendar)).toEqual(expected);
  });
});

function compare(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return 0;
}
