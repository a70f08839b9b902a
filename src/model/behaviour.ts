/**
 * The "choose" point of the journey: whether a customer who reaches a station joins its line.
 * Blocking (a full waiting room) is a fact of the place and is checked first; balking
 * (`balkAt`: too many already waiting) is the customer's own choice.
 */
import type { StationState } from './stations.js';

export const Admission = { join: 0, balk: 1, block: 2 } as const;
export type Admission = (typeof Admission)[keyof typeof Admission];

/**
 * Customers the newcomer would find waiting once the station has served whoever it can at
 * this instant (servers freed at the same instant are filled first).
 */
export function waitingAhead(station: StationState): number {
  const free = station.capacity - station.busy;
  return free > 0 ? Math.max(0, station.waiting - free) : station.waiting;
}

/** Whether the newcomer would have to wait for a server. */
export function mustWait(station: StationState): boolean {
  return station.waiting >= station.capacity - station.busy;
}

export function admit(station: StationState, balkAt: number): Admission {
  if (!mustWait(station)) return Admission.join;
  const ahead = waitingAhead(station);
  if (ahead + 1 > station.queueCapacity) return Admission.block;
  if (ahead >= balkAt) return Admission.balk;
  return Admission.join;
}
