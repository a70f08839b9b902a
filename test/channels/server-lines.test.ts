/**
 * A line per server: who joins which line, who is served next, jockeying, shifts; and, over
 * a whole run, that customers overtake each other there while one shared FIFO line keeps
 * the joining order.
 */
import { describe, expect, it } from 'vitest';
import { ServerLines, type ServerLineOptions } from '../../src/channels/server-lines.js';
import { Customer, CustomerPool } from '../../src/model/customer.js';
import { WaitingLine } from '../../src/model/waiting-line.js';
import type { StationView } from '../../src/model/journey.js';
import type { Watcher } from '../model/harness.js';
import type { ServiceSystem } from '../../src/model/system.js';
import { JourneyWatcher } from '../../src/model/journey.js';
import { modelOf, runWithLevers } from './run-with.js';

/** A station whose state the test sets, lines over it, and customers with tickets in order. */
function setUp(options: Partial<ServerLineOptions>, capacity = 2, draws: number[] = []) {
  const station = { index: 0, capacity, busy: 0, waiting: 0 };
  const pool = new CustomerPool(1);
  const column = pool.addColumn('server');
  const random = { next: () => draws.shift() ?? 0 };
  const lines = new ServerLines(station, { join: 'shortest', jockeying: false, lines: 3, ...options }, column, random, 1, pool.addColumn('place'));
  let ticket = 0;
  /** A newcomer decides to join; true if it starts at once. */
  const join = (): { customer: Customer; ahead: number } => {
    const customer = pool.acquire();
    customer.ticket = ++ticket;
    const ahead = lines.place(customer);
    if (ahead >= 0) lines.add(customer);
    else station.busy++;
    return { customer, ahead };
  };
  const lineOf = (customer: Customer) => column.values[customer.slot];
  const finish = (customer: Customer) => {
    station.busy--;
    lines.served(customer);
  };
  return { station, lines, join, lineOf, finish };
}

describe('a line per server', () => {
  it('does not keep the joining order (fairness observers look at it)', () => {
    expect(setUp({}).lines.keepsOrder).toBe(false);
    expect(new WaitingLine(1).keepsOrder).toBe(true);
  });

  it('seats a newcomer with a free server at once, else in the shortest line', () => {
    const { join, lineOf } = setUp({});
    const a = join();
    const b = join();
    expect([a.ahead, b.ahead]).toEqual([-1, -1]);
    expect([lineOf(a.customer), lineOf(b.customer)]).toEqual([0, 1]);
    const c = join(); // both lines 1 long: a tie, broken by the draw 0 → the first
    const d = join(); // line 0 is now longer: line 1
    expect([c.ahead, lineOf(c.customer), d.ahead, lineOf(d.customer)]).toEqual([0, 0, 0, 1]);
  });

  it('joins a line at random with join: random, even past a free server', () => {
    const { join, lineOf, lines } = setUp({ join: 'random' }, 2, [0.1, 0.2]);
    const a = join(); // draw 0.1 → line 0, served at once
    const b = join(); // draw 0.2 → line 0 again, although server 1 is free
    expect([a.ahead, lineOf(a.customer), b.ahead, lineOf(b.customer)]).toEqual([-1, 0, 0, 0]);
    expect(lines.canStart()).toBe(false);
  });

  it('serves each line by its own server only: a free server does not take from another line', () => {
    const { join, finish, lines } = setUp({});
    const a = join();
    join();
    const c = join(); // line 0
    finish(a.customer);
    expect(lines.canStart()).toBe(true);
    expect(lines.next()).toBe(c.customer);
    const d = join(); // lines 0 (c in service) and 1 (b) are both 1 long: the draw 0 → line 0
    const e = join(); // line 1, behind b
    finish(c.customer); // server 0 takes d, its own; e stays for server 1

    expect(lines.next()).toBe(d.customer);
    expect(lines.canStart()).toBe(false);
    expect(lines.size).toBe(1);
    expect(e.ahead).toBe(0);
  });

  it('without jockeying, a server may stand idle while another line waits', () => {
    const { join, finish, lines, lineOf } = setUp({});
    const a = join();
    join();
    const c = join();
    const d = join();
    expect([lineOf(c.customer), lineOf(d.customer)]).toEqual([0, 1]);
    finish(a.customer);
    expect(lines.next()).toBe(c.customer); // server 0 takes its own line
    finish(c.customer); // line 0 is empty, line 1 still has d waiting behind b
    expect(lines.canStart()).toBe(false);
    expect(lines.size).toBe(1);
  });

  it('with jockeying, the last of a line two longer moves to the shorter one', () => {
    const { join, finish, lines, lineOf } = setUp({ jockeying: true });
    const a = join();
    join();
    const c = join();
    const d = join();
    finish(a.customer);
    expect(lines.next()).toBe(c.customer);
    finish(c.customer); // line 0: 0 long, line 1: b in service + d: 2 long → d moves
    expect(lineOf(d.customer)).toBe(0);
    expect(lines.canStart()).toBe(true);
    expect(lines.next()).toBe(d.customer);
  });

  it('when a server goes off duty, its line joins the open lines in joining order', () => {
    const { station, join, lines, lineOf } = setUp({}, 3);
    join();
    join();
    join(); // three in service
    const waiting = [join(), join(), join()].map((j) => j.customer); // one per line
    expect(waiting.map(lineOf)).toEqual([0, 1, 2]);
    station.capacity = 1;
    lines.serversChanged(station);
    expect(waiting.map(lineOf)).toEqual([0, 0, 0]);
    expect(lines.size).toBe(3);
  });

  it('a closing till sends a line of 300,000 to the open ones (it overflowed the stack, spread into one call)', () => {
    const { station, join, lines, lineOf } = setUp({}, 2);
    const everyone = Array.from({ length: 300_000 }, () => join().customer);
    station.capacity = 1;
    lines.serversChanged(station);
    expect(lines.size).toBe(300_000 - 2);
    expect(lineOf(everyone.at(-1)!)).toBe(0);
  });

  it('sees the shortest open line for route choices: −1 with a free server, Infinity with none on duty', () => {
    const { station, join, lines } = setUp({}, 2);
    expect(lines.shortestAhead()).toBe(-1);
    join();
    join();
    expect(lines.shortestAhead()).toBe(0);
    join();
    expect(lines.shortestAhead()).toBe(0);
    join();
    expect(lines.shortestAhead()).toBe(1);
    station.capacity = 0;
    expect(lines.shortestAhead()).toBe(Infinity);
  });
});

/** Counts starts of service where someone who joined this station's line earlier was still waiting. */
class OvertakingWatch extends JourneyWatcher implements Watcher {
  overtakes = 0;
  starts = 0;
  private readonly joined = new Map<Customer, number>();
  attach(_system: ServiceSystem): void {}
  override join(customer: Customer, _station: StationView, _ahead: number, time: number): void {
    this.joined.set(customer, time);
  }
  override start(customer: Customer): void {
    const mine = this.joined.get(customer)!;
    this.joined.delete(customer);
    this.starts++;
    for (const time of this.joined.values()) {
      if (time < mine) {
        this.overtakes++;
        return;
      }
    }
  }
  override leave(customer: Customer): void {
    this.joined.delete(customer);
  }
}

describe('overtaking over a whole run (one station of three servers, λ = 2.5, mean service 1, 2 000 time units)', () => {
  const run = (station: Record<string, unknown>) => {
    const watch = new OvertakingWatch();
    runWithLevers(
      modelOf({
        name: 'overtaking',
        seed: 17,
        time: { horizon: 2000 },
        stations: [{ id: 'tills', servers: 3, service: { dist: 'exponential', mean: 1 }, ...station }],
        segments: [{ id: 'shoppers', arrivals: { rate: 2.5 }, route: ['tills'], patience: { dist: 'exponential', mean: 8 } }],
      }),
      { watchers: [watch] },
    );
    return watch;
  };

  it('one shared FIFO line: nobody who came later is ever served earlier', () => {
    const watch = run({});
    expect(watch.starts).toBeGreaterThan(4000);
    expect(watch.overtakes).toBe(0);
  });

  it('a line per server without jockeying, joined at random or the shortest: later customers are served earlier', () => {
    for (const join of ['random', 'shortest']) {
      const watch = run({ linePerServer: { join } });
      expect(watch.starts).toBeGreaterThan(4000);
      expect(watch.overtakes, join).toBeGreaterThan(100);
    }
  });
});
