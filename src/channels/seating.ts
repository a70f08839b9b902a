/**
 * Tables (`seating`): a station whose servers are tables of given sizes, serving parties
 * (customer.partySize people each). A party takes the smallest free table it fits; with
 * `combine`, a party no free table fits alone takes several free tables pushed together
 * (the largest first, then the smallest that covers the rest: few tables, few empty seats).
 * The party holds its tables (customer.serversHeld) for its whole service, so the station's
 * utilisation is the share of tables in use; seat use is measured apart (seat-use.ts).
 *
 * Who is seated next: the first waiting party that fits the free tables, so a couple may be
 * seated at a free two-top ahead of a party of six waiting for a large table [A] (restaurants
 * do not hold a free table empty for a party it cannot seat). The line therefore does not
 * keep the joining order (keepsOrder = false).
 */
import type { Customer, CustomerColumn } from '../model/customer.js';
import { CustomerQueue } from './customer-queue.js';
import type { PreviewLine } from './line-view.js';

export interface SeatingModel {
  /** Seats of each kind of table, ascending. */
  seats: number[];
  /** Tables of each kind. */
  counts: number[];
  combine: boolean;
}

export class TableLine implements PreviewLine {
  readonly keepsOrder = false;
  readonly linePerServer = false;
  private readonly waiting: CustomerQueue;
  /** Free tables of each kind, and of all kinds. */
  private readonly free: Int32Array;
  private freeTables: number;
  /** Tables of each kind a fitting party would take (filled by fit()). */
  private readonly take: Int32Array;
  /** Whether a waiting party fits the free tables now (fills `take`): made once, not per dispatch. */
  private readonly fits = (customer: Customer): boolean => this.fit(customer.partySize);

  /**
   * @param held    a column of (at least) one number per kind of table: the tables each seated
   *                party holds, to free them when it leaves
   * @param places  a column for each party's place in the line (customer-queue.ts)
   */
  constructor(
    private readonly seating: SeatingModel,
    private readonly held: CustomerColumn,
    places: CustomerColumn,
  ) {
    this.waiting = new CustomerQueue(places);
    this.free = Int32Array.from(seating.counts);
    this.freeTables = seating.counts.reduce((a, b) => a + b, 0);
    this.take = new Int32Array(seating.counts.length);
  }

  get size(): number {
    return this.waiting.length;
  }

  /** Whether free tables seat `party` now; if so, `take` holds them. */
  private fit(party: number): boolean {
    const { seats } = this.seating;
    this.take.fill(0);
    for (let kind = 0; kind < seats.length; kind++) {
      if (seats[kind]! >= party && this.free[kind]! > 0) {
        this.take[kind] = 1;
        return true;
      }
    }
    if (!this.seating.combine) return false;
    let missing = party;
    for (let kind = seats.length - 1; kind >= 0 && missing > 0; kind--) {
      while (this.take[kind]! < this.free[kind]! && missing > 0) {
        // The last table: the smallest free one that covers what is missing, if any.
        const closing = this.smallestFreeFor(missing);
        if (closing >= 0) {
          this.take[closing]!++;
          return true;
        }
        this.take[kind]!++;
        missing -= seats[kind]!;
      }
    }
    return missing <= 0;
  }

  /** The smallest kind with a table not yet taken that seats `people`; -1 if none. */
  private smallestFreeFor(people: number): number {
    const { seats } = this.seating;
    for (let kind = 0; kind < seats.length; kind++) if (seats[kind]! >= people && this.take[kind]! < this.free[kind]!) return kind;
    return -1;
  }

  /** Seats the party at the tables fit() found. */
  private seat(customer: Customer): void {
    const width = this.held.width;
    let tables = 0;
    for (let kind = 0; kind < this.take.length; kind++) {
      const n = this.take[kind]!;
      this.free[kind]! -= n;
      this.held.values[customer.slot * width + kind] = n;
      tables += n;
    }
    this.freeTables -= tables;
    customer.serversHeld = tables;
  }

  preview(customer: Customer): number {
    return this.fit(customer.partySize) ? -1 : this.waiting.length;
  }

  place(customer: Customer): number {
    if (!this.fit(customer.partySize)) return this.waiting.length;
    this.seat(customer);
    return -1;
  }

  add(customer: Customer): void {
    this.waiting.push(customer);
  }

  /**
   * The first waiting party that fits the free tables (fit() has filled `take` for it), or
   * undefined; at once when every table is taken, the usual state of a busy room.
   */
  private firstThatFits(): Customer | undefined {
    if (this.waiting.length === 0 || this.freeTables === 0) return undefined;
    return this.waiting.find(this.fits);
  }

  canStart(): boolean {
    return this.firstThatFits() !== undefined;
  }

  next(): Customer | undefined {
    const customer = this.firstThatFits();
    if (customer === undefined) return undefined;
    this.waiting.remove(customer);
    this.seat(customer);
    return customer;
  }

  remove(customer: Customer): void {
    if (!this.waiting.remove(customer)) throw new Error('tables: a party left a line it was not in');
  }

  served(customer: Customer): void {
    const width = this.held.width;
    for (let kind = 0; kind < this.free.length; kind++) {
      this.free[kind]! += this.held.values[customer.slot * width + kind]!;
      this.freeTables += this.held.values[customer.slot * width + kind]!;
      this.held.values[customer.slot * width + kind] = 0;
    }
  }

  /** The tables are the servers and do not change with shifts. */
  serversChanged(): void {}
}
