/**
 * A customer and the pool that recycles customer records, so that a run of millions of
 * customers allocates only as many records as are ever inside the system at once.
 */

export class Customer {
  /** Index in the pool; the subject of this customer's events. */
  readonly slot: number;
  /** Whether the record is in use (the customer is inside the system). */
  active = false;
  segment = 0;
  /** Arrived at or after the warm-up, so the customer counts in the statistics. */
  counted = false;
  arrivalTime = 0;
  /** Index of the current step of the route. */
  step = 0;
  /** Station of the current step. */
  station = -1;
  /** When the customer joined the current station's line. */
  joinedAt = 0;
  /** Wait in the current station's line (set when service starts). */
  stationWait = 0;
  /** Total wait in lines so far. */
  waited = 0;
  /** Non-zero while waiting in a line: the customer's place ticket there. */
  ticket = 0;
  /** Pending patience event while waiting, or -1. */
  renegeHandle = -1;
  /** Service requirement at each step of the route, drawn on arrival (common random numbers). */
  readonly service: Float64Array;
  /** Patience in the line of each step, drawn on arrival. */
  readonly patience: Float64Array;

  constructor(slot: number, maxRouteLength: number) {
    this.slot = slot;
    this.service = new Float64Array(maxRouteLength);
    this.patience = new Float64Array(maxRouteLength);
  }
}

export class CustomerPool {
  /** Every record ever made, indexed by slot. */
  readonly all: Customer[] = [];
  private readonly idle: Customer[] = [];

  constructor(private readonly maxRouteLength: number) {}

  acquire(): Customer {
    const customer = this.idle.pop() ?? this.create();
    customer.active = true;
    return customer;
  }

  release(customer: Customer): void {
    customer.active = false;
    customer.ticket = 0;
    customer.renegeHandle = -1;
    this.idle.push(customer);
  }

  private create(): Customer {
    const customer = new Customer(this.all.length, this.maxRouteLength);
    this.all.push(customer);
    return customer;
  }
}
