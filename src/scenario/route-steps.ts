/**
 * What a route step may lead to. A step of `route` is a station id, or an object that a lever
 * defines (its `keys.routeStep`, for example a choice among stations); the lever names the
 * stations such a step may send a customer to (`routeStepStations`). The core needs those
 * names to check them, to find each visit's service time and to draw the service times on
 * arrival (one draw per station a step may lead to: resolve.ts); which one is used is the
 * lever's router's decision at run time.
 */
import type { Lever } from '../levers/lever.js';
import type { KeyPath } from './problems.js';

/** A station a step may lead to, with the key path of its name inside the step. */
export interface StepStation {
  station: string;
  path: KeyPath;
}

/** The stations a route step may lead to, in the order the step names them. */
export type StepStations = (step: unknown) => StepStation[];

/** A station id is a step to that one station; anything else leads nowhere the core knows of. */
export const plainSteps: StepStations = (step) => (typeof step === 'string' ? [{ station: step, path: [] }] : []);

/** Plain steps plus the step objects of `levers`. */
export function stepStationsFor(levers: readonly Lever[]): StepStations {
  const readers = levers.flatMap((lever) => (lever.routeStepStations === undefined ? [] : [lever.routeStepStations.bind(lever)]));
  if (readers.length === 0) return plainSteps;
  return (step) => {
    if (typeof step === 'string') return plainSteps(step);
    for (const read of readers) {
      const stations = read(step);
      if (stations !== undefined) return stations;
    }
    return [];
  };
}
