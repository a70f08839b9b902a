/**
 * The "choose" point of the journey: whether a customer who reaches a station joins its line.
 * Blocking (a full waiting room) is a fact of the place and is checked first; balking
 * (`balkAt`: too many already waiting) is the customer's own choice.
 */
import type { Customer } from './customer.js';
import { Admission, type JoinPolicy, type StationAtJoin } from './policies.js';

export { Admission } from './policies.js';

/**
 * Whether a newcomer would have to wait for a server. Stations are only ever visited once
 * the instant has settled (see system.ts), so a free server means nobody is waiting.
 */
export function mustWait(station: StationAtJoin): boolean {
  return station.busy >= station.capacity;
}

/** Join, balk or be blocked, seeing `station.waiting` customers in the line. */
export function admit(station: StationAtJoin, balkAt: number): Admission {
  if (!mustWait(station)) return Admission.join;
  const ahead = station.waiting;
  if (ahead + 1 > station.queueCapacity) return Admission.block;
  if (ahead >= balkAt) return Admission.balk;
  return Admission.join;
}

/** The core join policy of a segment: the station's waiting places, then its `balkAt`. */
export class LineLimits implements JoinPolicy {
  constructor(private readonly balkAt: number) {}
  decide(_customer: Customer, station: StationAtJoin): Admission {
    return admit(station, this.balkAt);
  }
}
