/**
 * A customer and the pool that recycles customer records, so that a run of millions of
 * customers allocates only as many records as are ever inside the system at once.
 *
 * The core owns the fields below. A lever that needs per-customer data (a tolerance, an
 * appointment time, the number of slips) registers a column on the pool: a typed array with
 * one value (or a fixed number of values) per record slot, so the data stays numeric and
 * the customer record keeps one shape.
 */

export class Customer {
  /** Index in the pool; the subject of this customer's events and its row in every column. */
  readonly slot: number;
  /** Whether the record is in use (the customer is inside the system). */
  active = false;
  segment = 0;
  /** Arrived at or after the warm-up, so the customer counts in the statistics. */
  counted = false;
  arrivalTime = 0;
  /** Index of the period in which the customer arrived. */
  period = 0;
  /** People in the party this record stands for (1 unless a lever draws party sizes). */
  partySize = 1;
  /** Class in priority lines (lower is served first); from the segment unless a lever sets it. */
  priorityClass = 0;
  /** Index of the current step of the route. */
  step = 0;
  /**
   * The visit slot of the current station (index into `service` and the patience draws):
   * set by the router; the step itself on a plain route (model.ts, SegmentModel.route).
   */
  draw = 0;
  /**
   * Servers the customer holds while in service at the current station: 1, unless a line
   * that seats parties gives it several (two tables pushed together). Reset to 1 after service.
   */
  serversHeld = 1;
  /** Station of the current step. */
  station = -1;
  /** When the customer joined the current station's line. */
  joinedAt = 0;
  /** Wait in the current station's line (set when service starts). */
  stationWait = 0;
  /** Total wait in lines of the stations where service started. */
  waited = 0;
  /** Non-zero while waiting in a line: the customer's place ticket there. */
  ticket = 0;
  /** Pending patience event while waiting, or -1. */
  renegeHandle = -1;
  /** Service requirement at each visit slot of the route, drawn on arrival (common random numbers). */
  readonly service: Float64Array;

  constructor(slot: number, maxRouteLength: number) {
    this.slot = slot;
    this.service = new Float64Array(maxRouteLength);
  }
}

/** Per-customer numbers a lever keeps: `width` values per pool slot, at `slot * width + i`. */
export class CustomerColumn {
  values: Float64Array;

  constructor(
    readonly name: string,
    readonly width: number,
    capacity: number,
  ) {
    this.values = new Float64Array(Math.max(16, capacity) * width);
  }

  /** Makes room for `slots` records (called by the pool; `values` may be a new array after). */
  ensure(slots: number): void {
    if (slots * this.width <= this.values.length) return;
    const grown = new Float64Array(Math.max(slots, (this.values.length / this.width) * 2) * this.width);
    grown.set(this.values);
    this.values = grown;
  }
}

export class CustomerPool {
  /** Every record ever made, indexed by slot. */
  readonly all: Customer[] = [];
  private readonly idle: Customer[] = [];
  private readonly columns: CustomerColumn[] = [];

  constructor(private readonly maxRouteLength: number) {}

  /** Registers a column of `width` numbers per customer (read `column.values` after each arrival: it may grow). */
  addColumn(name: string, width = 1): CustomerColumn {
    if (this.columns.some((c) => c.name === name)) throw new Error(`customer column "${name}" is registered twice`);
    const column = new CustomerColumn(name, width, this.all.length);
    this.columns.push(column);
    return column;
  }

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
    for (const column of this.columns) column.ensure(this.all.length);
    return customer;
  }
}
