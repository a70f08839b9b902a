/**
 * A line of customers in joining order that also lets anyone leave from the middle, each
 * step in constant time: a ring buffer of records, where a customer who leaves early (gives
 * up, moves to another line, is seated ahead of others) leaves a gap that the ends skip.
 * Arrays' shift, indexOf and splice move or scan the whole line, so a line of 100,000 made
 * every service quadratic.
 *
 * Each customer's place in its line is kept in a customer column (absolute positions, which
 * only grow), so leaving finds the record at once. A customer stands in one such line at a
 * time, so the lines of a replication can share one column.
 */
import type { Customer, CustomerColumn } from '../model/customer.js';

export class CustomerQueue {
  private items: (Customer | null)[] = new Array<Customer | null>(16).fill(null);
  private mask = 15;
  /** Absolute positions: the first record (or gap) and one past the last. */
  private head = 0;
  private tail = 0;
  /** Customers in the line (gaps not counted). */
  length = 0;

  /** @param places a column holding each customer's absolute position in its line */
  constructor(private readonly places: CustomerColumn) {}

  push(customer: Customer): void {
    if (this.tail - this.head === this.items.length) this.grow();
    this.items[this.tail & this.mask] = customer;
    this.places.values[customer.slot] = this.tail;
    this.tail++;
    this.length++;
  }

  /** The first in line, or undefined. */
  first(): Customer | undefined {
    return this.length === 0 ? undefined : this.items[this.head & this.mask]!;
  }

  /** Takes the first in line out. */
  shift(): Customer | undefined {
    const customer = this.first();
    if (customer !== undefined) this.take(this.head);
    return customer;
  }

  /** Takes the last in line out. */
  pop(): Customer | undefined {
    if (this.length === 0) return undefined;
    const customer = this.items[(this.tail - 1) & this.mask]!;
    this.take(this.tail - 1);
    return customer;
  }

  /** Takes `customer` out from wherever it stands; false if it is not in this line. */
  remove(customer: Customer): boolean {
    const at = this.places.values[customer.slot]!;
    if (!(at >= this.head && at < this.tail) || this.items[at & this.mask] !== customer) return false;
    this.take(at);
    return true;
  }

  /** Everyone in line, first to last (do not change the line while iterating). */
  *[Symbol.iterator](): IterableIterator<Customer> {
    for (let at = this.head; at < this.tail; at++) {
      const customer = this.items[at & this.mask];
      if (customer !== null && customer !== undefined) yield customer;
    }
  }

  /** The first in line for whom `test` holds, or undefined: a scan, stopping at the first. */
  find(test: (customer: Customer) => boolean): Customer | undefined {
    for (let at = this.head; at < this.tail; at++) {
      const customer = this.items[at & this.mask];
      if (customer !== null && customer !== undefined && test(customer)) return customer;
    }
    return undefined;
  }

  /** Empties the line, returning everyone in it, first to last. */
  drain(): Customer[] {
    const all = [...this];
    this.items.fill(null);
    this.head = this.tail = 0;
    this.length = 0;
    return all;
  }

  /** Leaves a gap at `at`; gaps at either end go at once, so both ends are always someone. */
  private take(at: number): void {
    this.items[at & this.mask] = null;
    this.length--;
    if (this.length === 0) {
      this.head = this.tail; // nothing left: the gaps go too
      return;
    }
    if (at === this.head) this.trimHead();
    if (at === this.tail - 1) while (this.items[(this.tail - 1) & this.mask] === null) this.tail--;
  }

  private trimHead(): void {
    while (this.head < this.tail && this.items[this.head & this.mask] === null) this.head++;
  }

  /**
   * Makes room: closes the gaps when they are at least half the ring (renumbering who is in
   * line), else doubles the ring, each record at its absolute position.
   */
  private grow(): void {
    const gaps = this.tail - this.head - this.length;
    const size = gaps * 2 >= this.items.length ? this.items.length : this.items.length * 2;
    const items = new Array<Customer | null>(size).fill(null);
    const mask = size - 1;
    if (size === this.items.length) {
      let to = this.head;
      for (let at = this.head; at < this.tail; at++) {
        const customer = this.items[at & this.mask];
        if (customer === null || customer === undefined) continue;
        items[to & mask] = customer;
        this.places.values[customer.slot] = to++;
      }
      this.tail = to;
    } else {
      for (let at = this.head; at < this.tail; at++) items[at & mask] = this.items[at & this.mask]!;
    }
    this.items = items;
    this.mask = mask;
  }
}
