/**
 * Who may use which station. `openTo` is fixed per segment, so resolve.ts leaves closed
 * stations out of each step. Self-service is the customer's own choice: each customer of a
 * segment that meets a self-service station draws one number on arrival, its readiness u,
 * and uses a self-service station exactly when u < the station's adoption share for the
 * segment [A]. One number for all of a customer's self-service stations keeps the choices
 * consistent: who uses the harder kiosk uses the easier one too.
 */
import type { Customer, CustomerColumn } from '../model/customer.js';
import type { RandomStream } from '../random/streams.js';

export class Access {
  /**
   * @param adoption  adoption[segment][station]: share willing to use it (1 at staffed stations)
   * @param streams   per segment: its readiness stream, or null when it meets no self-service station
   */
  constructor(
    private readonly adoption: readonly (readonly number[])[],
    private readonly readiness: CustomerColumn,
    private readonly streams: readonly (RandomStream | null)[],
  ) {}

  /** Draws the customer's readiness for self-service (segments that meet self-service only). */
  arrive(customer: Customer): void {
    const stream = this.streams[customer.segment];
    if (stream !== null && stream !== undefined) this.readiness.values[customer.slot] = stream.next();
  }

  /** Whether the customer uses `station` (openTo aside: closed stations are never offered). */
  uses(customer: Customer, station: number): boolean {
    const share = this.adoption[customer.segment]![station]!;
    return share >= 1 || this.readiness.values[customer.slot]! < share;
  }
}
