/**
 * The service system's rules, checked on small scenarios with arrivals injected at exact times
 * and deterministic service and patience, so that events coincide on purpose.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Customer } from '../../src/model/customer.js';
import { Outcome, type StationView } from '../../src/model/journey.js';
import { Rank } from '../../src/model/events.js';
import type { StationState } from '../../src/model/stations.js';
import type { ServiceSystem } from '../../src/model/system.js';
import { buildModel, runWithArrivals, type Watcher } from './harness.js';

describe('order of simultaneous events (see the top of src/model/system.ts)', () => {
  it('a service end at the same instant as a shift change frees its server before the change', () => {
    // One server on [0, 10), none on [10, 20), one again after. A's service ends at 10.
    const model = buildModel({
      horizon: 30,
      periodStarts: [0, 10, 20],
      stations: [{ id: 'desk', servers: [1, 0, 1] }],
      segments: [{ id: 'a', route: ['desk'], service: 10 }],
    });
    const capacityAtFinish = new CapacityAtFinish();
    const run = runWithArrivals(model, [[0, 0]], 1, 0, [capacityAtFinish]);
    // When A's service end is handled, the schedule still has the old shift's server.
    expect(capacityAtFinish.seen).toEqual([{ time: 10, capacity: 1, busy: 0 }]);
    expect(run.metrics.overtime).toBe(0);
    expect(run.journey.outcomeOf(0)).toEqual({ outcome: 'served', station: -1, time: 10 });
  });

  it('a server whose shift ends is not handed a new customer, even when it finishes at that instant', () => {
    // Two servers on [0, 10), one after. A ends at 10 exactly when its server's shift ends;
    // C, waiting since 1, must wait for B's server (free at 20).
    const model = buildModel({
      horizon: 60,
      periodStarts: [0, 10],
      stations: [{ id: 'desk', servers: [2, 1] }],
      segments: [
        { id: 'ten', route: ['desk'], service: 10 },
        { id: 'twenty', route: ['desk'], service: 20 },
        { id: 'five', route: ['desk'], service: 5 },
      ],
    });
    const run = runWithArrivals(model, [
      [0, 0],
      [0, 1],
      [1, 2],
    ]);
    expect(run.journey.find(0, 'finish')!.time).toBe(10);
    expect(run.journey.find(2, 'start')).toMatchObject({ time: 20, waited: 19 });
  });

  it('after a capacity drop, nobody new starts until busy servers fall below the new capacity; the excess is overtime', () => {
    // Two busy at 10 when capacity drops to 1: the first to finish (at 12) leaves; the
    // waiting customer starts only when the other finishes (at 15).
    const model = buildModel({
      horizon: 60,
      periodStarts: [0, 10],
      stations: [{ id: 'desk', servers: [2, 1] }],
      segments: [
        { id: 'fifteen', route: ['desk'], service: 15 },
        { id: 'twelve', route: ['desk'], service: 12 },
        { id: 'five', route: ['desk'], service: 5 },
      ],
    });
    const run = runWithArrivals(model, [
      [0, 0],
      [0, 1],
      [1, 2],
    ]);
    expect(run.journey.find(2, 'start')!.time).toBe(15);
    expect(run.metrics.overtime).toBe(2); // busy 2 > capacity 1 on [10, 12)
  });

  it('a shift change that adds servers at an instant serves the line at that instant', () => {
    const model = buildModel({
      horizon: 30,
      periodStarts: [0, 10],
      stations: [{ id: 'desk', servers: [0, 2] }],
      segments: [{ id: 'a', route: ['desk'], service: 3 }],
    });
    const run = runWithArrivals(model, [
      [2, 0],
      [4, 0],
      [6, 0],
    ]);
    expect([0, 1, 2].map((id) => run.journey.find(id, 'start')!.time)).toEqual([10, 10, 13]);
  });

  it('the line is served before anyone in it reneges at the same instant', () => {
    // B's patience (10) runs out at 10, exactly when A's service ends: B is served.
    const model = buildModel({
      stations: [{ id: 'desk', servers: 1 }],
      segments: [
        { id: 'long', route: ['desk'], service: 10 },
        { id: 'patient', route: ['desk'], service: 5, patience: 10 },
      ],
    });
    const run = runWithArrivals(model, [
      [0, 0],
      [0, 1],
    ]);
    expect(run.journey.find(1, 'start')).toMatchObject({ time: 10, waited: 10 });
    expect(run.journey.outcomeOf(1)!.outcome).toBe('served');
    expect(run.metrics.reneged).toBe(0);
  });

  it('a customer whose patience runs out just before a server frees reneges, having waited its patience', () => {
    const model = buildModel({
      stations: [{ id: 'desk', servers: 1 }],
      segments: [
        { id: 'long', route: ['desk'], service: 10 },
        { id: 'patient', route: ['desk'], service: 5, patience: 9.5 },
      ],
    });
    const run = runWithArrivals(model, [
      [0, 0],
      [0, 1],
    ]);
    expect(run.journey.outcomeOf(1)).toEqual({ outcome: 'reneged', station: 0, time: 9.5 });
    expect(run.journey.find(1, 'start')).toBeUndefined();
    expect(run.metrics.reneged).toBe(1);
    expect(run.stations[0]!.reneged).toBe(1);
    expect(run.segments[1]!.reneged).toBe(1);
  });

  it('a customer taken into service no longer reneges when its patience would have run out', () => {
    const model = buildModel({
      stations: [{ id: 'desk', servers: 1 }],
      segments: [
        { id: 'a', route: ['desk'], service: 4 },
        { id: 'patient', route: ['desk'], service: 20, patience: 6 },
      ],
    });
    const run = runWithArrivals(model, [
      [0, 0],
      [1, 1], // starts at 4; would have reneged at 7, which is during its service
    ]);
    expect(run.journey.outcomeOf(1)).toEqual({ outcome: 'served', station: -1, time: 24 });
  });

  it('an arrival at the same instant as a service end finds the freed server', () => {
    const model = buildModel({
      stations: [{ id: 'desk', servers: 1, queueCapacity: 0 }],
      segments: [{ id: 'a', route: ['desk'], service: 10 }],
    });
    const run = runWithArrivals(model, [
      [0, 0],
      [10, 0],
    ]);
    expect(run.journey.find(1, 'start')).toMatchObject({ time: 10, waited: 0 });
    expect(run.metrics.blocked).toBe(0);
  });

  it('an arrival at the same instant as a renege sees the line without the customer who gave up', () => {
    // balkAt 1: whoever finds 1 or more waiting balks. B gives up at 5, C arrives at 5.
    const model = buildModel({
      stations: [{ id: 'desk', servers: 1 }],
      segments: [
        { id: 'long', route: ['desk'], service: 100 },
        { id: 'impatient', route: ['desk'], service: 1, patience: 5, balkAt: 1 },
        { id: 'balker', route: ['desk'], service: 1, balkAt: 1 },
      ],
    });
    const run = runWithArrivals(model, [
      [0, 0],
      [0, 1],
      [5, 2],
    ]);
    expect(run.journey.outcomeOf(1)!.outcome).toBe('reneged');
    expect(run.journey.find(2, 'join')!.time).toBe(5);
    expect(run.metrics.balked).toBe(0);
  });

  it('an arrival at the same instant as a shift change sees the new capacity', () => {
    const model = buildModel({
      horizon: 30,
      periodStarts: [0, 10, 20],
      stations: [{ id: 'desk', servers: [0, 1, 0], queueCapacity: 0 }],
      segments: [{ id: 'a', route: ['desk'], service: 5 }],
    });
    const run = runWithArrivals(model, [
      [10, 0], // the desk opens at 10: served
      [20, 0], // the desk closes at 20: no server, no waiting place
    ]);
    expect(run.journey.find(0, 'start')!.time).toBe(10);
    expect(run.journey.outcomeOf(1)).toEqual({ outcome: 'blocked', station: 0, time: 20 });
  });

  it('customers arriving at the same instant are served in the order they arrived', () => {
    const model = buildModel({
      stations: [{ id: 'desk', servers: 1 }],
      segments: [{ id: 'a', route: ['desk'], service: 2 }],
    });
    const run = runWithArrivals(
      model,
      Array.from({ length: 5 }, () => [3, 0] as const),
    );
    expect([0, 1, 2, 3, 4].map((id) => run.journey.find(id, 'start')!.time)).toEqual([3, 5, 7, 9, 11]);
  });

  it('a customer moving on to its next station at the instant that station frees its server is served there, not blocked', () => {
    // Tandem line, 5 at each station, no waiting place at the second. Y: first [0, 5],
    // second [5, 10]. X arrives at 1, waits, first [5, 10], reaches the second at 10, the
    // instant Y leaves it: the server is free at that instant (service ends come first).
    const model = buildModel({
      stations: [
        { id: 'first', servers: 1 },
        { id: 'second', servers: 1, queueCapacity: 0 },
      ],
      segments: [{ id: 'a', route: ['first', 'second'], service: 5 }],
    });
    const run = runWithArrivals(model, [
      [0, 0],
      [1, 0],
    ]);
    expect(run.journey.outcomeOf(1)).toEqual({ outcome: 'served', station: -1, time: 15 });
    expect(run.metrics.blocked).toBe(0);
  });

  it('customers finishing at the same instant move on in the order they finished: the first takes the next station\'s free server', () => {
    const model = buildModel({
      stations: [
        { id: 'a', servers: 2 },
        { id: 'b', servers: 1 },
      ],
      segments: [{ id: 's', route: ['a', 'b'], service: 1 }],
    });
    const run = runWithArrivals(model, [
      [0, 0],
      [0, 0],
    ]);
    expect([0, 1].map((id) => run.journey.find(id, 'start', 1)!.time)).toEqual([1, 2]);
  });

  it('a customer a lever takes out of the line (leaveLine, then end) leaves once: no patience event of it fires on the next customer in its record', () => {
    // One server busy 0–10; customer 1 waits from 1 (patience 5), and is turned away at 2 by a
    // lever's event; customer 2 arrives at 3 into the freed record and must renege at 8 (3 + 5), not at 6.
    const model = buildModel({
      stations: [{ id: 'desk', servers: 1 }],
      segments: [{ id: 's', route: ['desk'], service: 10, patience: 5 }],
    });
    let tried: unknown;
    const turnAway: Watcher = {
      arrive() {}, reach() {}, start() {}, finish() {}, leave() {}, stationChanged() {},
      waiting: [] as Customer[],
      join(customer: Customer, _station: StationView, ahead: number) {
        if (ahead >= 0) (this as unknown as { waiting: Customer[] }).waiting.push(customer);
      },
      attach(system: ServiceSystem) {
        const waiting = (this as unknown as { waiting: Customer[] }).waiting;
        const kind = system.registerEvent('turn away', Rank.arrival, {
          handle: () => {
            const customer = waiting.shift()!;
            try {
              system.end(customer, Outcome.denied, customer.station);
            } catch (error) {
              tried = error;
            }
            system.leaveLine(customer);
            system.end(customer, Outcome.denied, customer.station);
          },
        });
        system.schedule(2, kind, 0);
      },
    } as Watcher;
    const run = runWithArrivals(model, [
      [0, 0],
      [1, 0],
      [3, 0],
    ], 1, 0, [turnAway]);
    expect(String(tried)).toMatch(/end\(\) of a customer waiting in a line: take it out first/);
    expect(run.journey.outcomeOf(1)).toEqual({ outcome: 'denied', station: 0, time: 2 });
    expect(run.journey.outcomeOf(2)).toEqual({ outcome: 'reneged', station: 0, time: 8 });
    expect(run.journey.steps.filter((step) => step.what === 'leave')).toHaveLength(3);
    expect(run.metrics.arrivals).toBe(run.metrics.served! + run.metrics.reneged! + run.metrics.denied!);
  });

  it('a customer moving on to a station at the instant it finishes serving someone does not balk at a line that is being served', () => {
    // balkAt 1 at the second station. Z waits there behind Y; at 10 Y leaves, Z starts and
    // X arrives from the first station: X finds nobody waiting after that instant's service.
    const model = buildModel({
      stations: [
        { id: 'first', servers: 2 },
        { id: 'second', servers: 1 },
      ],
      segments: [
        { id: 'direct', route: ['second'], service: 10 },
        { id: 'tandem', route: ['first', 'second'], service: [10, 1], balkAt: 1 },
      ],
    });
    const run = runWithArrivals(model, [
      [0, 1], // X: first [0, 10], then the second at 10
      [0, 0], // Y: second [0, 10]
      [1, 0], // Z: waits at the second, starts at 10
    ]);
    expect(run.journey.find(2, 'start')!.time).toBe(10);
    expect(run.journey.outcomeOf(0)!.outcome).toBe('served');
    expect(run.metrics.balked).toBe(0);
  });

  it('a customer moving on to a station at the instant its last server leaves, with no waiting places, is blocked (the line never exceeds queueCapacity)', () => {
    const model = buildModel({
      horizon: 30,
      periodStarts: [0, 10, 20],
      stations: [
        { id: 'first', servers: 1 },
        { id: 'second', servers: [1, 0, 1], queueCapacity: 0 },
      ],
      segments: [{ id: 'a', route: ['first', 'second'], service: 10 }],
    });
    const run = runWithArrivals(model, [[0, 0]]); // first [0, 10], reaches the second at 10
    const second = run.journey.snapshots.filter((s) => s.station === 1);
    expect(Math.max(...second.map((s) => s.waiting))).toBeLessThanOrEqual(0);
    expect(run.journey.outcomeOf(0)).toEqual({ outcome: 'blocked', station: 1, time: 10 });
  });
});

describe('shifts and overtime', () => {
  it('at a shift end the leaving server finishes its customer; that time is overtime', () => {
    // One server on [0, 10), none on [10, 20), one on [20, 30). A: [5, 13] (3 past the shift).
    // B arrives at 6 and waits for the next shift: [20, 28].
    const model = buildModel({
      horizon: 30,
      periodStarts: [0, 10, 20],
      stations: [{ id: 'desk', servers: [1, 0, 1] }],
      segments: [{ id: 'a', route: ['desk'], service: 8 }],
    });
    const run = runWithArrivals(model, [
      [5, 0],
      [6, 0],
    ]);
    expect(run.journey.find(0, 'finish')!.time).toBe(13);
    expect(run.journey.find(1, 'start')).toMatchObject({ time: 20, waited: 14 });
    expect(run.metrics.overtime).toBe(3);
    expect(run.stations[0]!.overtime).toBe(3);
    // Busy 16; available = 10 (first shift) + 3 (finishing) + 10 (last shift, to the horizon).
    expect(run.metrics.utilisation).toBeCloseTo(16 / 23, 12);
    expect(run.metrics.queueLengthMean).toBeCloseTo(14 / 30, 12);
    expect(run.endTime).toBe(30);
  });

  it('with drain: true, service after closing is overtime and the run ends at the last departure', () => {
    const model = buildModel({
      horizon: 30,
      stations: [{ id: 'desk', servers: 1 }],
      segments: [{ id: 'a', route: ['desk'], service: 10 }],
    });
    const run = runWithArrivals(model, [[25, 0]]);
    expect(run.endTime).toBe(35);
    expect(run.metrics.served).toBe(1);
    expect(run.metrics.overtime).toBe(5);
    expect(run.metrics.utilisation).toBeCloseTo(10 / 35, 12);
  });

  it('overtime adds up over stations', () => {
    const model = buildModel({
      horizon: 30,
      periodStarts: [0, 10],
      stations: [
        { id: 'a', servers: [1, 0] },
        { id: 'b', servers: [1, 0] },
      ],
      drain: false,
      segments: [
        { id: 'x', route: ['a'], service: 12 },
        { id: 'y', route: ['b'], service: 15 },
      ],
    });
    const run = runWithArrivals(model, [
      [0, 0],
      [0, 1],
    ]);
    expect(run.stations.map((s) => s.overtime)).toEqual([2, 5]);
    expect(run.metrics.overtime).toBe(7);
  });
});

describe('balking, blocking and priorities', () => {
  it('a customer who finds balkAt or more waiting balks; fewer, and it joins', () => {
    const model = buildModel({
      stations: [{ id: 'desk', servers: 1 }],
      segments: [{ id: 'a', route: ['desk'], service: 100, balkAt: 2 }],
    });
    const run = runWithArrivals(model, [
      [0, 0], // served at once
      [1, 0], // finds 0 waiting: joins
      [2, 0], // finds 1 waiting: joins
      [3, 0], // finds 2 waiting: balks
    ]);
    expect(run.journey.outcomeOf(3)).toEqual({ outcome: 'balked', station: 0, time: 3 });
    expect(run.journey.find(3, 'join')).toBeUndefined();
    expect(run.journey.find(2, 'join')!.time).toBe(2);
    expect(run.metrics.balked).toBe(1);
    expect(run.stations[0]!.balked).toBe(1);
    expect(run.metrics.abandonmentRate).toBe(0.25);
  });

  it('customers in service do not count towards balkAt', () => {
    const model = buildModel({
      stations: [{ id: 'desk', servers: 3 }],
      segments: [{ id: 'a', route: ['desk'], service: 100, balkAt: 1 }],
    });
    const run = runWithArrivals(model, [
      [0, 0],
      [1, 0],
      [2, 0],
      [3, 0], // 3 in service, nobody waiting: joins
      [4, 0], // 1 waiting: balks
    ]);
    expect(run.journey.outcomeOf(3)!.outcome).toBe('served');
    expect(run.journey.outcomeOf(4)!.outcome).toBe('balked');
  });

  it('an arrival finding the waiting places full is blocked', () => {
    const model = buildModel({
      stations: [{ id: 'desk', servers: 1, queueCapacity: 1 }],
      segments: [{ id: 'a', route: ['desk'], service: 10 }],
    });
    const run = runWithArrivals(model, [
      [0, 0],
      [1, 0],
      [2, 0],
    ]);
    expect(run.journey.outcomeOf(1)!.outcome).toBe('served');
    expect(run.journey.outcomeOf(2)).toEqual({ outcome: 'blocked', station: 0, time: 2 });
    expect(run.metrics.blocked).toBe(1);
    expect(run.stations[0]!.blocked).toBe(1);
    expect(run.segments[0]!.blocked).toBe(1);
  });

  it('queueCapacity 0 is a loss system: whoever must wait is blocked', () => {
    const model = buildModel({
      stations: [{ id: 'desk', servers: 2, queueCapacity: 0 }],
      segments: [{ id: 'a', route: ['desk'], service: 10 }],
    });
    const run = runWithArrivals(model, [
      [0, 0],
      [1, 0],
      [2, 0],
      [11, 0],
    ]);
    expect([0, 1, 2, 3].map((id) => run.journey.outcomeOf(id)!.outcome)).toEqual(['served', 'served', 'blocked', 'served']);
  });

  it('blocking is checked before balking: a full line blocks even a customer who would balk', () => {
    const model = buildModel({
      stations: [{ id: 'desk', servers: 1, queueCapacity: 1 }],
      segments: [{ id: 'a', route: ['desk'], service: 10, balkAt: 1 }],
    });
    const run = runWithArrivals(model, [
      [0, 0],
      [1, 0],
      [2, 0],
    ]);
    expect(run.journey.outcomeOf(2)!.outcome).toBe('blocked');
    expect(run.metrics.balked).toBe(0);
  });

  it('priority discipline serves the lower priority number first, fifo within a class, without preempting', () => {
    const model = buildModel({
      stations: [{ id: 'desk', servers: 1, discipline: 'priority' }],
      segments: [
        { id: 'vip', route: ['desk'], service: 10, priority: 1 },
        { id: 'regular', route: ['desk'], service: 10, priority: 5 },
      ],
    });
    const run = runWithArrivals(model, [
      [0, 1], // regular R0, in service at once (not preempted)
      [1, 1], // regular R1
      [2, 0], // vip V2
      [3, 1], // regular R3
      [4, 0], // vip V4
    ]);
    const startOf = (id: number) => run.journey.find(id, 'start')!.time;
    expect([startOf(0), startOf(2), startOf(4), startOf(1), startOf(3)]).toEqual([0, 10, 20, 30, 40]);
  });

  it('fifo discipline ignores priorities', () => {
    const model = buildModel({
      stations: [{ id: 'desk', servers: 1 }],
      segments: [
        { id: 'vip', route: ['desk'], service: 10, priority: 1 },
        { id: 'regular', route: ['desk'], service: 10, priority: 5 },
      ],
    });
    const run = runWithArrivals(model, [
      [0, 1],
      [1, 1],
      [2, 0],
    ]);
    expect(run.journey.find(1, 'start')!.time).toBe(10);
    expect(run.journey.find(2, 'start')!.time).toBe(20);
  });
});

describe('routes, closing and counting', () => {
  it('a customer visits the stations of its route in order, waiting where it must', () => {
    const model = buildModel({
      stations: [
        { id: 'triage', servers: 1 },
        { id: 'doctor', servers: 1 },
      ],
      segments: [{ id: 'p', route: ['triage', 'doctor'], service: [2, 7] }],
    });
    const run = runWithArrivals(model, [
      [0, 0],
      [0, 0],
    ]);
    // P0: triage [0, 2], doctor [2, 9]. P1: triage [2, 4], doctor [9, 16] (waits 2 + 5).
    expect(run.journey.of(1).map((s) => [s.what, s.station, s.time])).toEqual([
      ['arrive', -1, 0],
      ['reach', 0, 0],
      ['join', 0, 0],
      ['start', 0, 2],
      ['finish', 0, 4],
      ['reach', 1, 4],
      ['join', 1, 4],
      ['start', 1, 9],
      ['finish', 1, 16],
      ['leave', -1, 16],
    ]);
    expect(run.metrics.waitMean).toBe((0 + 7) / 2);
    expect(run.metrics.timeInSystemMean).toBe((9 + 16) / 2);
    expect(run.stations[1]!.waitMean).toBe(2.5);
    expect(run.stations[0]!.served).toBe(2);
  });

  it('with drain: false the run stops at the horizon and those inside are inSystemAtEnd', () => {
    const model = buildModel({
      horizon: 30,
      drain: false,
      stations: [{ id: 'desk', servers: 1 }],
      segments: [{ id: 'a', route: ['desk'], service: 20 }],
    });
    const run = runWithArrivals(model, [
      [0, 0], // served [0, 20]
      [5, 0], // in service at 30
      [6, 0], // waiting at 30
    ]);
    expect(run.endTime).toBe(30);
    expect(run.metrics).toMatchObject({ arrivals: 3, served: 1, inSystemAtEnd: 2 });
    expect(run.stations[0]).toMatchObject({ arrivals: 3, served: 1, inSystemAtEnd: 2 });
    expect(run.journey.outcomeOf(1)).toEqual({ outcome: 'inSystemAtEnd', station: 0, time: 30 });
    expect(run.journey.outcomeOf(2)).toEqual({ outcome: 'inSystemAtEnd', station: 0, time: 30 });
  });

  it('with drain: true the same customers are all served', () => {
    const model = buildModel({
      horizon: 30,
      stations: [{ id: 'desk', servers: 1 }],
      segments: [{ id: 'a', route: ['desk'], service: 20 }],
    });
    const run = runWithArrivals(model, [
      [0, 0],
      [5, 0],
      [6, 0],
    ]);
    expect(run.endTime).toBe(60);
    expect(run.metrics).toMatchObject({ arrivals: 3, served: 3, inSystemAtEnd: 0 });
  });

  it('with drain: false a service ending exactly at the horizon counts as served', () => {
    const model = buildModel({
      horizon: 30,
      drain: false,
      stations: [{ id: 'desk', servers: 1 }],
      segments: [{ id: 'a', route: ['desk'], service: 10 }],
    });
    const run = runWithArrivals(model, [[20, 0]]);
    expect(run.metrics).toMatchObject({ served: 1, inSystemAtEnd: 0 });
  });

  it('customers who arrive before the warm-up are not counted, even if served after it', () => {
    const model = buildModel({
      horizon: 50,
      warmup: 10,
      stations: [{ id: 'desk', servers: 1 }],
      segments: [{ id: 'a', route: ['desk'], service: 8 }],
    });
    const run = runWithArrivals(model, [
      [5, 0], // [5, 13]: not counted
      [9, 0], // waits 4, [13, 21]: not counted
      [10, 0], // counted: waits 11, [21, 29]
    ]);
    expect(run.metrics).toMatchObject({ arrivals: 1, served: 1, waitMean: 11 });
    expect(run.stations[0]).toMatchObject({ arrivals: 1, served: 1 });
    // Time averages run over [10, 50]: busy all of [10, 29].
    expect(run.metrics.utilisation).toBeCloseTo(19 / 40, 12);
  });

  it('a metric with nobody served is NaN (undefined in this replication)', () => {
    const model = buildModel({
      stations: [{ id: 'desk', servers: 1, queueCapacity: 0 }],
      segments: [{ id: 'a', route: ['desk'], service: 1 }],
    });
    const run = runWithArrivals(model, []);
    expect(run.metrics.arrivals).toBe(0);
    expect(run.metrics.waitMean).toBeNaN();
    expect(run.metrics.waitP90).toBeNaN();
    expect(run.metrics.abandonmentRate).toBeNaN();
  });

  it('every customer leaves exactly once', () => {
    const model = buildModel({
      horizon: 40,
      drain: false,
      periodStarts: [0, 20],
      stations: [
        { id: 'a', servers: [2, 1], queueCapacity: 2 },
        { id: 'b', servers: 1 },
      ],
      segments: [
        { id: 'x', route: ['a', 'b'], service: [3, 4], patience: 5, balkAt: 2 },
        { id: 'y', route: ['b'], service: 2 },
      ],
    });
    const arrivals = Array.from({ length: 30 }, (_, i) => [i * 1.3, i % 2] as const);
    const run = runWithArrivals(model, arrivals);
    const leaves = run.journey.steps.filter((s) => s.what === 'leave');
    expect(leaves).toHaveLength(30);
    expect(new Set(leaves.map((s) => s.id)).size).toBe(30);
  });
});

/** Writes down the station's capacity and busy servers whenever a service ends. */
class CapacityAtFinish implements Watcher {
  private stations: readonly StationState[] = [];
  readonly seen: { time: number; capacity: number; busy: number }[] = [];
  attach(system: ServiceSystem): void {
    this.stations = system.stations;
  }
  finish(_c: Customer, station: StationView, time: number): void {
    const { capacity, busy } = this.stations[station.index]!;
    this.seen.push({ time, capacity, busy });
  }
  arrive(): void {}
  reach(): void {}
  join(): void {}
  start(): void {}
  leave(): void {}
  stationChanged(): void {}
}

/** Checks, at every journey point, that no line holds more than its waiting places and
 *  that service only starts on a server that is on duty. */
class InvariantWatcher implements Watcher {
  private stations: readonly StationState[] = [];
  readonly violations: string[] = [];
  attach(system: ServiceSystem): void {
    this.stations = system.stations;
  }
  private check(time: number): void {
    for (const s of this.stations) {
      if (s.waiting > s.queueCapacity) this.violations.push(`t=${time}: station ${s.index} has ${s.waiting} waiting, capacity ${s.queueCapacity}`);
      if (s.waiting < 0 || s.busy < 0) this.violations.push(`t=${time}: station ${s.index} negative state`);
    }
  }
  arrive(_c: Customer, time: number): void {
    this.check(time);
  }
  reach(_c: Customer, _s: StationView, time: number): void {
    this.check(time);
  }
  join(_c: Customer, _s: StationView, _ahead: number, time: number): void {
    this.check(time);
  }
  start(_c: Customer, station: StationView, time: number): void {
    const s = this.stations[station.index]!;
    // start() is seen after the server was taken: busy includes this customer.
    if (s.busy > s.capacity) this.violations.push(`t=${time}: service started at station ${station.index} with ${s.busy - 1} busy of ${s.capacity}`);
    this.check(time);
  }
  finish(_c: Customer, _s: StationView, time: number): void {
    this.check(time);
  }
  leave(_c: Customer, _o: Outcome, _s: StationView | undefined, time: number): void {
    this.check(time);
  }
  stationChanged(_s: StationView, time: number): void {
    this.check(time);
  }
}

describe('invariants under random arrivals', () => {
  it('property: no line exceeds its waiting places and nobody starts on a server off duty (deterministic services, shifts, tandem routes)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000 }),
        fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 3, maxLength: 3 }),
        fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 3, maxLength: 3 }),
        fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 2, maxLength: 2 }),
        fc.integer({ min: 0, max: 2 }),
        (seed, [f0, f1, f2], [s0, s1, s2], service, queueCapacity) => {
          // Staff the last period (drain: true); never mutate generated values (shrinking reuses them).
          const serversFirst = [f0!, f1!, Math.max(1, f2!)];
          const serversSecond = [s0!, s1!, Math.max(1, s2!)];
          const model = buildModel({
            horizon: 60,
            periodStarts: [0, 20, 40],
            stations: [
              { id: 'first', servers: serversFirst },
              { id: 'second', servers: serversSecond, queueCapacity },
            ],
            segments: [
              { id: 'tandem', route: ['first', 'second'], service, rates: 0.6, patience: 7, balkAt: 3 },
              { id: 'direct', route: ['second'], service: service[1]!, rates: 0.2 },
            ],
          });
          const watcher = new InvariantWatcher();
          runWithArrivals(model, [], seed, 0, [watcher]);
          expect(watcher.violations.slice(0, 3)).toEqual([]);
        },
      ),
      { numRuns: 300, seed: 20261129 },
    );
  });
});
