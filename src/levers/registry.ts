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
 * lever that adds or wraps arrivals; the channel levers (channels, server lines, parties,
 * seating) replace routers and lines and then wrap every join policy so that it judges the
 * line the customer would stand in (channels/line-view.ts), the experience's balking
 * included; reservations wrap the join policies last, so the host decides for a booked
 * customer at its booked station before anything else is asked (owed a unit, it joins
 * whatever the line: no balking rule turns it away after the host has counted it in); money
 * reads pricing's prices and the metrics of every lever before it, so it comes last.
 */
export const defaultLevers: readonly Lever[] = [pricingLever, experienceLever, ...channelLevers, reservationsLever, moneyLever];

/** The levers `model` uses, in installation order. */
export function activeLevers(model: Model, levers: readonly Lever[] = defaultLevers): Lever[] {
  return levers.filter((lever) => model.levers[lever.name] !== undefined);
}
