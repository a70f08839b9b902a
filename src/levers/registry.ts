/**
 * The levers queuesim knows, in the order they are installed on a replication (a lever that
 * wraps another's policy comes after it). Adding a capability = adding one module here.
 */
import { experienceLever } from '../experience/lever.js';
import type { Model } from '../model/model.js';
import { reservationsLever } from '../reservations/lever.js';
import type { Lever } from './lever.js';

export const defaultLevers: readonly Lever[] = [reservationsLever, experienceLever];

/** The levers `model` uses, in installation order. */
export function activeLevers(model: Model, levers: readonly Lever[] = defaultLevers): Lever[] {
  return levers.filter((lever) => model.levers[lever.name] !== undefined);
}
