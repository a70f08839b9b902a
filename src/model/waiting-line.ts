/**
 * The line at a station: one first-in, first-out ring per priority class (a single class
 * for `fifo`). Customers who leave the line early (reneging) are removed lazily: their entry
 * stays and is skipped when it reaches the front, because its ticket no longer matches. A
 * ring whose removed entries come to outnumber its waiting customers is compacted, so memory
 * follows the number waiting, not the number who ever gave up.
 */
import type { Customer } from './customer.js';
import type { StationView } from './journey.js';
import type { Line } from './policies.js';

class Ring {
  private items: (Customer | undefined)[] = new Array(16);
  private tickets = new Float64Array(16);
  private head = 0;
  /** Entries stored, including removed ones not yet skipped. */
  private stored = 0;
  /** Stored entries of customers who have left. */
  private removed = 0;

  push(customer: Customer): void {
    if (this.stored === this.items.length) this.grow();
    const at = (this.head + this.stored) & (this.items.length - 1);
    this.items[at] = customer;
    this.tickets[at] = customer.ticket;
    this.stored++;
  }

  /** The first customer still waiting, removed from the ring; undefined when none. */
  shift(): Customer | undefined {
    const mask = this.items.length - 1;
    while (this.stored > 0) {
      const customer = this.items[this.head]!;
      const ticket = this.tickets[this.head]!;
      this.items[this.head] = undefined;
      this.head = (this.head + 1) & mask;
      this.stored--;
      if (customer.ticket === ticket) return customer;
      this.removed--;
    }
    return undefined;
  }

  /** One of the stored customers left (its ticket was cleared). */
  markRemoved(): void {
    this.removed++;
    if (this.removed > 16 && this.removed > 2 * (this.stored - this.removed)) this.compact();
  }

  /** Keeps only the entries of customers still waiting, in order. */
  private compact(): void {
    const mask = this.items.length - 1;
    let kept = 0;
    for (let i = 0; i < this.stored; i++) {
      const from = (this.head + i) & mask;
      const customer = this.items[from]!;
      const ticket = this.tickets[from]!;
      this.items[from] = undefined;
      if (customer.ticket !== ticket) continue;
      const to = (this.head + kept) & mask;
      this.items[to] = customer;
      this.tickets[to] = ticket;
      kept++;
    }
    this.stored = kept;
    this.removed = 0;
  }

  private grow(): void {
    const size = this.items.length;
    const items: (Customer | undefined)[] = new Array(size * 2);
    const tickets = new Float64Array(size * 2);
    for (let i = 0; i < this.stored; i++) {
      const from = (this.head + i) & (size - 1);
      items[i] = this.items[from];
      tickets[i] = this.tickets[from]!;
    }
    this.items = items;
    this.tickets = tickets;
    this.head = 0;
  }
}

/**
 * FIFO (one class) or non-preemptive priority (one ring per class, by the customer's
 * `priorityClass`; FIFO within a class).
 */
export class WaitingLine implements Line {
  /** Customers waiting now. */
  size = 0;
  private readonly classes: Ring[];
  private readonly prioritised: boolean;
  readonly keepsOrder: boolean;
  readonly linePerServer = false;

  /** `classes` = 1 for fifo, the number of priority classes for priority. */
  constructor(classes: number) {
    this.classes = Array.from({ length: classes }, () => new Ring());
    this.prioritised = classes > 1;
    this.keepsOrder = !this.prioritised;
  }

  /** Served at once when a server is free; otherwise behind everyone waiting (of every class). */
  place(_customer: Customer, station: StationView): number {
    return station.busy < station.capacity ? -1 : this.size;
  }

  /** Adds a customer whose `ticket` is already set, behind everyone of its class. */
  add(customer: Customer): void {
    this.classes[this.prioritised ? customer.priorityClass : 0]!.push(customer);
    this.size++;
  }

  canStart(station: StationView): boolean {
    return this.size > 0 && station.busy < station.capacity;
  }

  /** Removes and returns the next customer to serve: first of the most urgent class. */
  next(): Customer | undefined {
    if (this.size === 0) return undefined;
    const classes = this.classes;
    for (let i = 0; i < classes.length; i++) {
      const customer = classes[i]!.shift();
      if (customer !== undefined) {
        this.size--;
        return customer;
      }
    }
    throw new Error('waiting line: size says a customer waits, but no ring holds one');
  }

  /** A waiting customer left the line; the caller has cleared its ticket. */
  remove(customer: Customer): void {
    this.size--;
    this.classes[this.prioritised ? customer.priorityClass : 0]!.markRemoved();
  }

  /** Servers are interchangeable: the station's count of busy servers is all there is. */
  served(_customer: Customer): void {}

  serversChanged(_station: StationView): void {}
}
