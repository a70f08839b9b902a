/**
 * Tables: a party takes the smallest free table it fits, or waits for one; with combine, free
 * tables are pushed together; the first waiting party that fits is seated next; a seated
 * party holds its tables until it leaves.
 */
import { describe, expect, it } from 'vitest';
import { TableLine, type SeatingModel } from '../../src/channels/seating.js';
import { seatingOf } from '../../src/channels/resolve.js';
import { CustomerPool, type Customer } from '../../src/model/customer.js';

function setUp(seating: SeatingModel) {
  const pool = new CustomerPool(1);
  const held = pool.addColumn('tables', seating.seats.length);
  const line = new TableLine(seating, held, pool.addColumn('place'));
  let ticket = 0;
  /** A party of `size` decides to join: -1 if seated at once, else how many parties wait ahead. */
  const arrive = (size: number): { party: Customer; ahead: number } => {
    const party = pool.acquire();
    party.partySize = size;
    party.serversHeld = 1;
    party.ticket = ++ticket;
    const ahead = line.place(party);
    if (ahead >= 0) line.add(party);
    return { party, ahead };
  };
  return { line, arrive };
}

const twosAndFours = (fours: number, combine: boolean) => seatingOf({ tables: [{ seats: 4, count: fours }, { seats: 2, count: 1 }], combine });

describe('seating parties at tables', () => {
  it('sorts kinds of table by seats and merges equal ones', () => {
    expect(seatingOf({ tables: [{ seats: 4, count: 2 }, { seats: 2, count: 3 }, { seats: 4, count: 1 }] })).toEqual({ seats: [2, 4], counts: [3, 3], combine: false });
  });

  it('gives a party the smallest free table it fits', () => {
    const { arrive } = setUp(twosAndFours(1, false));
    const couple = arrive(2);
    const three = arrive(3);
    expect([couple.ahead, couple.party.serversHeld, three.ahead, three.party.serversHeld]).toEqual([-1, 1, -1, 1]);
    expect(arrive(1).ahead).toBe(0); // every table is taken
  });

  it('without combine, a party of five waits for a table of five, however many fours are free', () => {
    const { arrive, line } = setUp(twosAndFours(3, false));
    expect(arrive(5).ahead).toBe(0);
    expect(line.canStart()).toBe(false);
  });

  it('with combine, pushes free tables together for a party no single table fits: the largest first, then the smallest that covers the rest', () => {
    const { arrive } = setUp(twosAndFours(3, true));
    const five = arrive(5); // a four and the two (one seat empty), not two fours (three empty)
    expect([five.ahead, five.party.serversHeld]).toEqual([-1, 2]);
    const nextFive = arrive(5); // no two left: two fours
    expect([nextFive.ahead, nextFive.party.serversHeld]).toEqual([-1, 2]);
    expect(arrive(1).ahead).toBe(0); // all four tables are taken
  });

  it('seats the first waiting party that fits: a couple before a waiting party of four', () => {
    const { arrive, line } = setUp(seatingOf({ tables: [{ seats: 4, count: 1 }, { seats: 2, count: 1 }] }));
    const first4 = arrive(4);
    const first2 = arrive(2);
    const waiting4 = arrive(4);
    const waiting2 = arrive(2);
    expect([first4.ahead, first2.ahead, waiting4.ahead, waiting2.ahead]).toEqual([-1, -1, 0, 1]);
    line.served(first2.party); // the two-top frees: the four cannot use it, the couple can
    expect(line.canStart()).toBe(true);
    expect(line.next()).toBe(waiting2.party);
    expect(line.canStart()).toBe(false);
    line.served(first4.party);
    expect(line.next()).toBe(waiting4.party);
    expect(line.size).toBe(0);
  });

  it('frees every table a party held when it leaves', () => {
    const { arrive, line } = setUp(twosAndFours(2, true));
    const eight = arrive(8);
    expect(eight.party.serversHeld).toBe(2);
    expect(arrive(4).ahead).toBe(0);
    line.served(eight.party);
    expect(line.canStart()).toBe(true);
  });

  it('a waiting party that leaves early is no longer in line', () => {
    const { arrive, line } = setUp(twosAndFours(1, false));
    arrive(4);
    arrive(2);
    const waiting = arrive(3);
    line.remove(waiting.party);
    expect(line.size).toBe(0);
  });
});
