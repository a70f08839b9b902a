/**
 * Join policies (balking, the waiting places) judge the line a customer would stand in. At a
 * station with one shared line that is the station itself; at a station with a line per
 * server it is the line the customer picks, served by its one server; at tables it is the
 * one line every table serves, where what counts is whether a table fits the party now. This
 * wrapper shows the inner join policy the station as the customer sees it: `waiting` = those
 * ahead in its own line, `capacity` the servers of that line (none while none is on duty),
 * `busy >= capacity` exactly when it would wait (at tables: the tables held, or all of them
 * when none fits the party), and the waiting places still counted for the whole station
 * (queueCapacity). A policy that counts the station's units (the reservations host) reads
 * the station itself.
 *
 * The wrapper shows this view to the policies it wraps, that is those in place when the
 * serverLines or seating lever is installed (registry.ts order); a lever installed later that
 * wraps the join policies again sees the station itself and should call its inner policy.
 */
import type { Customer } from '../model/customer.js';
import type { Line, JoinPolicy, StationAtJoin, Admission } from '../model/policies.js';
import type { StationState } from '../model/stations.js';
import type { ServiceSystem } from '../model/system.js';

/** A line that can say, before the customer decides, where it would stand. */
export interface PreviewLine extends Line {
  /**
   * -1 if the customer would be served at once, else how many would wait ahead of it in the
   * line it would join; the choice made here is the one place() then uses.
   */
  preview(customer: Customer): number;
}

function isPreviewLine(line: Line): line is PreviewLine {
  return typeof (line as Partial<PreviewLine>).preview === 'function';
}

/** The station as the customer sees it (one reused object: no allocation per decision). */
class SeenStation implements StationAtJoin {
  index = 0;
  capacity = 1;
  busy = 0;
  waiting = 0;
  queueCapacity = Infinity;
}

export class LineAwareJoin implements JoinPolicy {
  private readonly seen = new SeenStation();

  constructor(
    private readonly inner: JoinPolicy,
    private readonly stations: readonly StationState[],
  ) {}

  decide(customer: Customer, station: StationAtJoin): Admission {
    const real = this.stations[station.index];
    if (real !== station || !isPreviewLine(real.line)) return this.inner.decide(customer, station);
    const ahead = real.line.preview(customer);
    const seen = this.seen;
    seen.index = real.index;
    if (real.line.linePerServer) {
      // The one server of the line it picks; none while the station has none on duty (as a shared line would show).
      seen.capacity = real.capacity > 0 ? 1 : 0;
      seen.busy = ahead < 0 ? 0 : seen.capacity;
    } else {
      seen.capacity = real.capacity;
      seen.busy = ahead < 0 ? Math.min(real.busy, real.capacity - 1) : real.capacity;
    }
    seen.waiting = ahead < 0 ? 0 : ahead;
    // Block exactly when the station's waiting places are full: ahead + 1 > places left + ahead.
    seen.queueCapacity = real.queueCapacity - (real.waiting - seen.waiting);
    return this.inner.decide(customer, seen);
  }
}

/** Wraps every segment's join policy once (levers that bring such lines each call this). */
export function seeLinesAsCustomersDo(system: ServiceSystem): void {
  system.joinPolicies.forEach((policy, i) => {
    if (!(policy instanceof LineAwareJoin)) system.joinPolicies[i] = new LineAwareJoin(policy, system.stations);
  });
}
