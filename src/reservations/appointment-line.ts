/**
 * The line of a booked station: served in order of booked time, a walk-in counting as booked
 * for the moment it joined the line. So a booked customer who comes early waits behind those
 * booked before it, one who comes late is served ahead of the walk-ins who came after its
 * booked time, and customers who joined at the same key are served in joining order. With a
 * `priority` discipline the priority class comes first, booked time second.
 *
 * A binary heap on (class, key, ticket); customers who leave early (reneging) are removed
 * lazily, as in waiting-line.ts: their entry stays until it surfaces and is skipped because
 * its ticket no longer matches, and the heap is rebuilt when such entries outnumber the living.
 */
import type { Customer } from '../model/customer.js';
import type { StationView } from '../model/journey.js';
import type { Line } from '../model/policies.js';

/** The serving key of a customer: its booked time, or for a walk-in the time it joined the line. */
export type KeyOf = (customer: Customer) => number;

export class AppointmentLine implements Line {
  /** Customers waiting now. */
  size = 0;
  readonly keepsOrder = false;
  readonly linePerServer = false;
  private customers: (Customer | undefined)[] = new Array(16);
  private keys = new Float64Array(16);
  private tickets = new Float64Array(16);
  private classes = new Int32Array(16);
  /** Heap entries, including removed ones not yet skipped. */
  private stored = 0;
  private removed = 0;

  /**
   * @param keyOf        the serving key of a customer (booked time, or the time it joined)
   * @param prioritised  order by priority class first (discipline: priority)
   */
  constructor(
    private readonly keyOf: KeyOf,
    private readonly prioritised: boolean,
  ) {}

  /** One shared line in front of the station's servers: served at once while one is free. */
  place(_customer: Customer, station: StationView): number {
    return station.busy < station.capacity ? -1 : this.size;
  }

  add(customer: Customer): void {
    if (this.stored === this.customers.length) this.grow();
    const at = this.stored++;
    this.customers[at] = customer;
    this.keys[at] = this.keyOf(customer);
    this.tickets[at] = customer.ticket;
    this.classes[at] = this.prioritised ? customer.priorityClass : 0;
    this.up(at);
    this.size++;
  }

  next(): Customer | undefined {
    while (this.stored > 0) {
      const customer = this.customers[0]!;
      const ticket = this.tickets[0]!;
      this.pop();
      if (customer.ticket === ticket) {
        this.size--;
        return customer;
      }
      this.removed--;
    }
    return undefined;
  }

  canStart(station: StationView): boolean {
    return this.size > 0 && station.busy < station.capacity;
  }

  /** The station counts its busy servers itself; this line holds none. */
  served(_customer: Customer): void {}

  serversChanged(_station: StationView): void {}

  remove(_customer: Customer): void {
    this.size--;
    this.removed++;
    if (this.removed > 16 && this.removed > 2 * this.size) this.rebuild();
  }

  /** Whether entry a is served before entry b. */
  private before(a: number, b: number): boolean {
    if (this.classes[a] !== this.classes[b]) return this.classes[a]! < this.classes[b]!;
    if (this.keys[a] !== this.keys[b]) return this.keys[a]! < this.keys[b]!;
    return this.tickets[a]! < this.tickets[b]!;
  }

  private pop(): void {
    const last = --this.stored;
    this.move(last, 0);
    this.customers[last] = undefined;
    if (this.stored > 0) this.down(0);
  }

  private up(at: number): void {
    while (at > 0) {
      const parent = (at - 1) >> 1;
      if (!this.before(at, parent)) return;
      this.swap(at, parent);
      at = parent;
    }
  }

  private down(at: number): void {
    for (;;) {
      const left = 2 * at + 1;
      if (left >= this.stored) return;
      const right = left + 1;
      const child = right < this.stored && this.before(right, left) ? right : left;
      if (!this.before(child, at)) return;
      this.swap(at, child);
      at = child;
    }
  }

  private move(from: number, to: number): void {
    this.customers[to] = this.customers[from];
    this.keys[to] = this.keys[from]!;
    this.tickets[to] = this.tickets[from]!;
    this.classes[to] = this.classes[from]!;
  }

  private swap(a: number, b: number): void {
    const customer = this.customers[a];
    const key = this.keys[a]!;
    const ticket = this.tickets[a]!;
    const cls = this.classes[a]!;
    this.move(b, a);
    this.customers[b] = customer;
    this.keys[b] = key;
    this.tickets[b] = ticket;
    this.classes[b] = cls;
  }

  /** Keeps only the entries of customers still waiting, and restores the heap. */
  private rebuild(): void {
    let kept = 0;
    for (let i = 0; i < this.stored; i++) {
      if (this.customers[i]!.ticket !== this.tickets[i]) continue;
      this.move(i, kept++);
    }
    for (let i = kept; i < this.stored; i++) this.customers[i] = undefined;
    this.stored = kept;
    this.removed = 0;
    for (let i = (kept >> 1) - 1; i >= 0; i--) this.down(i);
  }

  private grow(): void {
    const size = this.customers.length * 2;
    const keys = new Float64Array(size);
    const tickets = new Float64Array(size);
    const classes = new Int32Array(size);
    keys.set(this.keys);
    tickets.set(this.tickets);
    classes.set(this.classes);
    this.customers.length = size;
    this.keys = keys;
    this.tickets = tickets;
    this.classes = classes;
  }
}
