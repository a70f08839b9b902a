/**
 * A line in front of each server (`linePerServer`), instead of one shared line: the
 * supermarket checkout. A newcomer picks a line (the shortest, ties at random, or one at
 * random) and waits for that server only, so someone who came later can be served earlier
 * in a faster line: the line does not keep the joining order (keepsOrder = false; the
 * waiting-experience work counts those slips). Pooling is lost too: a server may stand idle
 * while another line waits (shared/models.md §6.7, V4: one shared line has the lower mean
 * wait; Norman 2008, Larson 1987 [S]).
 *
 * Jockeying (optional, [A], the classic rule of Haight 1958 and Koenigsberg 1966 [M]): a
 * line may not stay two or more longer than another. Whenever a line shortens (a service
 * ends, someone gives up), the last customer of the longest line moves to the end of the
 * shortest, until no two lines differ by two; a newcomer joins the shortest line (it would
 * move at once anyway). Lengths count the customer in service.
 *
 * Servers 0 … capacity−1 are on duty. When a shift changes their number, the customers of
 * lines whose server left join the shortest open lines in their joining order, and the lines
 * even out once as above, with or without jockeying [A] (a till opens or closes and people
 * move). A server leaving busy finishes its customer first (overtime, as with the shared line).
 */
import type { Customer, CustomerColumn } from '../model/customer.js';
import type { StationView } from '../model/journey.js';
import type { RandomStream } from '../random/streams.js';
import { CustomerQueue } from './customer-queue.js';
import type { PreviewLine } from './line-view.js';

export interface ServerLineOptions {
  join: 'shortest' | 'random';
  jockeying: boolean;
  /** Servers (lines) the station ever has: the most on duty in any period. */
  lines: number;
}

export class ServerLines implements PreviewLine {
  size = 0;
  readonly keepsOrder = false;
  readonly linePerServer = true;
  /** Moves of counted customers from one line to another (jockeying), by the customer's period. */
  readonly jockeyedByPeriod: Float64Array;
  private readonly lines: CustomerQueue[];
  private readonly serving: Uint8Array;
  /** The customer whose line was chosen by preview(), and that line. */
  private pendingCustomer: Customer | undefined = undefined;
  private pendingLine = 0;
  private knownCapacity: number;

  /**
   * @param server  a column holding, per customer, the server whose line it stands in (or is served by)
   * @param random  the station's own stream: one draw per newcomer (the random line, or a tie)
   * @param places  a column for each customer's place in its line (customer-queue.ts)
   */
  constructor(
    private readonly station: StationView,
    private readonly options: ServerLineOptions,
    private readonly server: CustomerColumn,
    private readonly random: RandomStream,
    periods: number,
    places: CustomerColumn,
  ) {
    this.lines = Array.from({ length: Math.max(1, options.lines) }, () => new CustomerQueue(places));
    this.serving = new Uint8Array(this.lines.length);
    this.knownCapacity = station.capacity;
    this.jockeyedByPeriod = new Float64Array(periods);
  }

  /** Customers in line `k`, counting the one in service. */
  private length(k: number): number {
    return this.lines[k]!.length + this.serving[k]!;
  }

  /** Lines with a server on duty (at least line 0, where customers wait while none is). */
  private get open(): number {
    return Math.max(1, Math.min(this.station.capacity, this.lines.length));
  }

  /** The shortest open line, ties broken by `u` in [0, 1) (or the first, without one). */
  private shortest(u = 0): number {
    const open = this.open;
    let best = Infinity;
    let ties = 0;
    for (let k = 0; k < open; k++) {
      const length = this.length(k);
      if (length < best) {
        best = length;
        ties = 1;
      } else if (length === best) ties++;
    }
    let pick = Math.floor(u * ties);
    for (let k = 0; k < open; k++) if (this.length(k) === best && pick-- === 0) return k;
    throw new Error('server lines: no shortest line');
  }

  private choose(customer: Customer): number {
    const u = this.random.next();
    const line = this.options.join === 'random' && !this.options.jockeying ? Math.floor(u * this.open) : this.shortest(u);
    this.pendingCustomer = customer;
    this.pendingLine = line;
    return line;
  }

  private startsAtOnce(k: number): boolean {
    return k < this.station.capacity && this.serving[k] === 0 && this.lines[k]!.length === 0;
  }

  preview(customer: Customer): number {
    const k = this.choose(customer);
    return this.startsAtOnce(k) ? -1 : this.lines[k]!.length;
  }

  place(customer: Customer): number {
    const k = this.pendingCustomer === customer ? this.pendingLine : this.choose(customer);
    this.pendingCustomer = undefined;
    this.server.values[customer.slot] = k;
    if (!this.startsAtOnce(k)) return this.lines[k]!.length;
    this.serving[k] = 1;
    return -1;
  }

  add(customer: Customer): void {
    this.lines[this.server.values[customer.slot]!]!.push(customer);
    this.size++;
  }

  /** The first open line whose server is free and which someone waits in; -1 if none. */
  private ready(): number {
    if (this.size === 0) return -1;
    const open = Math.min(this.station.capacity, this.lines.length);
    for (let k = 0; k < open; k++) if (this.serving[k] === 0 && this.lines[k]!.length > 0) return k;
    return -1;
  }

  canStart(): boolean {
    return this.ready() >= 0;
  }

  next(): Customer | undefined {
    const k = this.ready();
    if (k < 0) return undefined;
    const customer = this.lines[k]!.shift()!;
    this.size--;
    this.serving[k] = 1;
    return customer;
  }

  remove(customer: Customer): void {
    if (!this.lines[this.server.values[customer.slot]!]!.remove(customer)) throw new Error('server lines: a customer left a line it was not in');
    this.size--;
    if (this.options.jockeying) this.even(true);
  }

  served(customer: Customer): void {
    this.serving[this.server.values[customer.slot]!] = 0;
    if (this.options.jockeying) this.even(true);
  }

  serversChanged(station: StationView): void {
    if (station.capacity === this.knownCapacity) return;
    this.knownCapacity = station.capacity;
    const open = this.open;
    const moving: Customer[] = [];
    for (let k = open; k < this.lines.length; k++) for (const customer of this.lines[k]!.drain()) moving.push(customer);
    moving.sort((a, b) => a.ticket - b.ticket);
    for (const customer of moving) {
      const k = this.shortest();
      this.lines[k]!.push(customer);
      this.server.values[customer.slot] = k;
    }
    this.even(false);
  }

  /** Moves the last of the longest open line to the shortest while they differ by two or more. */
  private even(counts: boolean): void {
    const open = this.open;
    for (;;) {
      let longest = 0;
      let shortest = 0;
      for (let k = 1; k < open; k++) {
        if (this.length(k) > this.length(longest)) longest = k;
        if (this.length(k) < this.length(shortest)) shortest = k;
      }
      if (this.length(longest) - this.length(shortest) < 2) return;
      const customer = this.lines[longest]!.pop()!;
      this.lines[shortest]!.push(customer);
      this.server.values[customer.slot] = shortest;
      if (counts && customer.counted) this.jockeyedByPeriod[customer.period]!++;
    }
  }

  /** For choosing among stations: those ahead in the shortest open line, −1 with a free server; Infinity with none on duty. */
  shortestAhead(): number {
    if (this.station.capacity === 0) return Infinity;
    return this.length(this.shortest()) - 1;
  }
}
