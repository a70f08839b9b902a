/**
 * The levers queuesim knows, in the order they are installed on a replication (a lever that
 * wraps another's policy comes after it). Adding a capability = adding one module here.
 */
import { channelLevers } from '../channels/lever.js';
import type { Model } from '../model/model.js';
import type { Lever } from './lever.js';

export const defaultLevers: readonly Lever[] = [...channelLevers];

/** The levers `model` uses, in installation order. */
export function activeLevers(model: Model, levers: readonly Lever[] = defaultLevers): Lever[] {
  return levers.filter((lever) => model.levers[lever.name] !== undefined);
}
