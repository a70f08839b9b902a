/**
 * The line of a booked station serves by booked time (a walk-in by the time it joined), in
 * joining order at equal keys, priority class first when the station is prioritised.
 */
import { describe, expect, it } from 'vitest';
import { Customer } from '../../src/model/customer.js';
import { AppointmentLine } from '../../src/reservations/appointment-line.js';

let nextTicket = 1;
let nextSlot = 0;
const keys = new Map<Customer, number>();

function join(line: AppointmentLine, key: number, priorityClass = 0, c = new Customer(nextSlot++, 1)): Customer {
  keys.set(c, key);
  c.ticket = nextTicket++;
  c.priorityClass = priorityClass;
  line.add(c);
  return c;
}

function serve(line: AppointmentLine): Customer | undefined {
  const c = line.next();
  if (c) c.ticket = 0;
  return c;
}

function renege(line: AppointmentLine, c: Customer): void {
  c.ticket = 0;
  line.remove(c);
}

const byKey = (prioritised = false) => new AppointmentLine((c) => keys.get(c)!, prioritised);

describe('AppointmentLine', () => {
  it('serves by key, whatever the joining order; equal keys in joining order', () => {
    const line = byKey();
    const late = join(line, 30);
    const first = join(line, 10);
    const tieA = join(line, 20);
    const tieB = join(line, 20);
    expect(line.size).toBe(4);
    expect([serve(line), serve(line), serve(line), serve(line)]).toEqual([first, tieA, tieB, late]);
    expect(serve(line)).toBeUndefined();
    expect(line.size).toBe(0);
    expect(line.keepsOrder).toBe(false);
  });

  it('puts the priority class first when prioritised, and ignores it otherwise', () => {
    const prioritised = byKey(true);
    const early = join(prioritised, 1, 1);
    const urgent = join(prioritised, 9, 0);
    expect([serve(prioritised), serve(prioritised)]).toEqual([urgent, early]);
    const plain = byKey(false);
    const a = join(plain, 1, 1);
    const b = join(plain, 9, 0);
    expect([serve(plain), serve(plain)]).toEqual([a, b]);
  });

  it('skips customers who left, also after their record is reused by a newcomer', () => {
    const line = byKey();
    const gone = join(line, 1);
    const stays = join(line, 2);
    renege(line, gone);
    const reused = join(line, 3, 0, gone); // the pool hands the same record to a new customer
    expect(line.size).toBe(2);
    expect([serve(line), serve(line)]).toEqual([stays, reused]);
  });

  it('keeps its order through many departures (the heap is rebuilt) and grows past its first size', () => {
    const line = byKey();
    const all = Array.from({ length: 200 }, (_, i) => join(line, (i * 37) % 200));
    for (const c of all.filter((_, i) => i % 3 !== 0)) renege(line, c);
    const left = all.filter((_, i) => i % 3 === 0);
    expect(line.size).toBe(left.length);
    const served = Array.from({ length: left.length }, () => serve(line)!);
    expect(served.map((c) => keys.get(c))).toEqual(left.map((c) => keys.get(c)!).sort((x, y) => x - y));
    expect(line.next()).toBeUndefined();
  });
});
