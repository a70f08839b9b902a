/**
 * The levers queuesim knows, in the order they are installed on a replication (a lever that
 * wraps another's policy comes after it). Adding a capability = adding one module here.
 */
import { channelLevers } from '../channels/lever.js';
import { experienceLever } from '../experience/lever.js';
import type { Model } from '../model/model.js';
import { moneyLever } from '../money/lever.js';
import { pricingLever } from '../pricing/lever.js';
import { reservationsLever } from '../reservations/lever.js';
import type { Lever } from './lever.js';

/**
 * pricing replaces the scenario's arrival source (arrivalSources[0]), so it comes before any
 * lever that adds or wraps arrivals; reservations wrap the booked segment's admission before
 * the experience's balking rule wraps it again; the channel levers (channels, server lines,
 * parties, seating) replace routers and lines and then wrap every join policy so that it
 * judges the line the customer would stand in (channels/line-view.ts), the experience's
 * balking included; money reads pricing's prices and the metrics of every lever before it,
 * so it comes last.
 */
export const defaultLevers: readonly Lever[] = [pricingLever, reservationsLever, experienceLever, ...channelLevers, moneyLever];

/** The levers `model` uses, in installation order. */
export function activeLevers(model: Model, levers: readonly Lever[] = defaultLevers): Lever[] {
  return levers.filter((lever) => model.levers[lever.name] !== undefined);
}
