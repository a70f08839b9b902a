import { describe, expect, it } from 'vitest';
import { Customer } from '../../src/model/customer.js';
import { WaitingLine } from '../../src/model/waiting-line.js';

let nextTicket = 1;
let nextSlot = 0;

function customer(): Customer {
  return new Customer(nextSlot++, 1);
}

/** Joins like ServiceSystem.visit: a fresh ticket, then add. */
function join(line: WaitingLine, c: Customer, priorityClass = 0): Customer {
  c.ticket = nextTicket++;
  c.priorityClass = priorityClass;
  line.add(c);
  return c;
}

/** Takes the next customer like ServiceSystem.dispatch (clears the ticket). */
function serve(line: WaitingLine): Customer | undefined {
  const c = line.next();
  if (c) c.ticket = 0;
  return c;
}

/** Leaves the line like ServiceSystem.renege. */
function renege(line: WaitingLine, c: Customer): void {
  c.ticket = 0;
  line.remove(c);
}

describe('WaitingLine', () => {
  it('serves a single class first-in, first-out', () => {
    const line = new WaitingLine(1);
    const cs = Array.from({ length: 5 }, () => join(line, customer()));
    expect(Array.from({ length: 5 }, () => serve(line))).toEqual(cs);
    expect(line.next()).toBeUndefined();
  });

  it('keeps fifo order across growth beyond its initial size and wrap-around', () => {
    const line = new WaitingLine(1);
    const order: Customer[] = [];
    const served: Customer[] = [];
    for (let i = 0; i < 12; i++) order.push(join(line, customer()));
    for (let i = 0; i < 8; i++) served.push(serve(line)!); // head moves on
    for (let i = 0; i < 40; i++) order.push(join(line, customer())); // wraps, then grows
    while (line.size > 0) served.push(serve(line)!);
    expect(served).toEqual(order);
  });

  it('serves priority classes lowest first, fifo within a class', () => {
    const line = new WaitingLine(3);
    const low1 = join(line, customer(), 2);
    const mid1 = join(line, customer(), 1);
    const low2 = join(line, customer(), 2);
    const high1 = join(line, customer(), 0);
    const mid2 = join(line, customer(), 1);
    const high2 = join(line, customer(), 0);
    expect(Array.from({ length: 6 }, () => serve(line))).toEqual([high1, high2, mid1, mid2, low1, low2]);
  });

  it('a newcomer of a more urgent class goes ahead of those already waiting (non-preemptive)', () => {
    const line = new WaitingLine(2);
    const low = join(line, customer(), 1);
    expect(serve(line)).toBe(low);
    const low2 = join(line, customer(), 1);
    const high = join(line, customer(), 0);
    expect(serve(line)).toBe(high);
    expect(serve(line)).toBe(low2);
  });

  it('skips removed (reneged) customers', () => {
    const line = new WaitingLine(1);
    const [a, b, c, d] = Array.from({ length: 4 }, () => join(line, customer()));
    renege(line, b!);
    renege(line, a!);
    expect(line.size).toBe(2);
    expect(serve(line)).toBe(c);
    expect(serve(line)).toBe(d);
    expect(serve(line)).toBeUndefined();
  });

  it('skips a reneged customer whose record was reused and rejoined later (its old place is void)', () => {
    const line = new WaitingLine(1);
    const a = join(line, customer());
    const b = join(line, customer());
    renege(line, a);
    join(line, a); // same record, new ticket, now behind b
    expect(serve(line)).toBe(b);
    expect(serve(line)).toBe(a);
    expect(line.size).toBe(0);
    expect(serve(line)).toBeUndefined();
  });

  it('skips removed customers in a more urgent class and serves the next class', () => {
    const line = new WaitingLine(2);
    const high = join(line, customer(), 0);
    const low = join(line, customer(), 1);
    renege(line, high);
    expect(serve(line)).toBe(low);
    expect(line.size).toBe(0);
  });

  it('keeps size = customers waiting through joins, services and removals', () => {
    const line = new WaitingLine(2);
    expect(line.size).toBe(0);
    const a = join(line, customer(), 0);
    join(line, customer(), 1);
    const c = join(line, customer(), 1);
    expect(line.size).toBe(3);
    renege(line, c);
    expect(line.size).toBe(2);
    serve(line);
    expect(line.size).toBe(1);
    expect(a.ticket).toBe(0);
    serve(line);
    expect(line.size).toBe(0);
    expect(line.next()).toBeUndefined();
    expect(line.size).toBe(0);
  });

  it('a line whose every member reneged does not grow without bound', () => {
    const line = new WaitingLine(1);
    // Thousands of customers join and all renege, the line never being served.
    for (let i = 0; i < 10_000; i++) renege(line, join(line, customer()));
    expect(line.size).toBe(0);
    const last = join(line, customer());
    expect(serve(line)).toBe(last);
    // Internal entries were dropped when the line emptied: at most a handful remain.
    const rings = (line as unknown as { classes: { stored: number }[] }).classes;
    expect(rings[0]!.stored).toBe(0);
  });

  it('a class that is never served while its members renege stays as small as its waiting customers', () => {
    const line = new WaitingLine(2);
    const rings = (line as unknown as { classes: { stored: number }[] }).classes;
    join(line, customer(), 0); // the urgent class always has someone, so class 1 is never served
    const waiting: Customer[] = [];
    let peak = 0;
    for (let i = 0; i < 100_000; i++) {
      waiting.push(join(line, customer(), 1));
      if (waiting.length > 20) renege(line, waiting.shift()!);
      peak = Math.max(peak, rings[1]!.stored);
    }
    expect(line.size).toBe(1 + 20);
    expect(peak).toBeLessThanOrEqual(3 * 20 + 17);
    // Order survives compaction: the urgent customer, then class 1 in joining order.
    serve(line);
    expect(Array.from({ length: 20 }, () => serve(line))).toEqual(waiting);
  });

  it('property-style: random joins, services and reneges keep fifo order and size', () => {
    let state = 12345;
    const random = () => ((state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const line = new WaitingLine(3);
    const reference: { c: Customer; cls: number; ticket: number }[] = [];
    for (let step = 0; step < 20_000; step++) {
      const u = random();
      if (u < 0.45) {
        const cls = Math.floor(random() * 3);
        const c = join(line, customer(), cls);
        reference.push({ c, cls, ticket: c.ticket });
      } else if (u < 0.8) {
        const expected = [...reference].sort((x, y) => x.cls - y.cls || x.ticket - y.ticket)[0];
        const got = serve(line);
        expect(got).toBe(expected?.c);
        if (expected) reference.splice(reference.indexOf(expected), 1);
      } else if (reference.length > 0) {
        const i = Math.floor(random() * reference.length);
        renege(line, reference[i]!.c);
        reference.splice(i, 1);
      }
      expect(line.size).toBe(reference.length);
    }
  });
});
