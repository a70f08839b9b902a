/**
 * The levers queuesim knows, in the order they are installed on a replication (a lever that
 * wraps another's policy comes after it). Adding a capability = adding one module here.
 */
import { moneyLever } from '../money/lever.js';
import type { Model } from '../model/model.js';
import { pricingLever } from '../pricing/lever.js';
import type { Lever } from './lever.js';

/**
 * pricing replaces the scenario's arrival source (arrivalSources[0]), so it comes before any
 * lever that wraps arrivals; money reads pricing's prices and the metrics of every lever
 * before it, so it comes last.
 */
export const defaultLevers: readonly Lever[] = [pricingLever, moneyLever];

/** The levers `model` uses, in installation order. */
export function activeLevers(model: Model, levers: readonly Lever[] = defaultLevers): Lever[] {
  return levers.filter((lever) => model.levers[lever.name] !== undefined);
}
