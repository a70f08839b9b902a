/**
 * Closing the books of one replication: the till's takings, the staff cost of each station's
 * schedule, overtime priced from the core's `overtime`, the fixed cost, the compensation for
 * denied service and the value of customers lost to price, per period and for the whole run.
 *
 *   profit = revenue + sideRevenue − staffCost − overtimeCost − fixedCost − deniedCost
 *
 * holds in every scope that has it (the system, each period). deniedCost is the reservations
 * lever's metric (compensation × booked customers denied), measured before money closes the
 * books (money is installed last), so the two always agree; 0 without reservations. Staff cost is the scheduled
 * servers over the measured time up to closing (service after closing is overtime); the fixed
 * cost is spread over the periods by their measured length. Customers lost to price are the
 * expected ones of the demand account (pricing), counted for the measured part of their period,
 * each a party of the segment's mean size (parties) valued per member, as the till values a
 * party that balks.
 */
import type { LeverMetrics } from '../levers/lever.js';
import type { MetricValues } from '../metrics/catalogue.js';
import type { CollectedMetrics } from '../metrics/collect.js';
import type { PartiesConfig } from '../channels/resolve.js';
import type { Model } from '../model/model.js';
import type { PricingConfig } from '../pricing/config.js';
import type { MoneyConfig } from './config.js';
import type { Till } from './till.js';

/** What the books need besides the till and the core's metrics. */
export interface BooksInput {
  model: Model;
  config: MoneyConfig;
  pricing: PricingConfig | undefined;
}

/** Measured length of each period: from its start (or the warm-up) to its end, the horizon for the last. */
export function measuredSpans(model: Model): number[] {
  return model.periods.map((p) => Math.max(0, p.end - Math.max(p.start, model.warmup)));
}

const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);

export function closeBooks(input: BooksInput, till: Till, measured: CollectedMetrics): LeverMetrics {
  const { model, config, pricing } = input;
  const segments = model.segments.length;
  const spans = measuredSpans(model);
  const day = sum(spans);
  const parties = model.levers.parties as PartiesConfig | undefined;
  const partyMean = model.segments.map((_, i) => (parties === undefined ? 1 : meanPartySize(parties[i]!)));

  const periods = model.periods.map((period, p) => {
    const core = measured.periods[p]!;
    const stations: MetricValues[] = model.stations.map((station, s) => ({
      staffCost: station.servers[p]! * spans[p]! * config.staffCost[s]!,
      overtimeCost: (core.stations[s]!.overtime ?? 0) * config.overtimeCost[s]!,
    }));
    const fraction = period.end > period.start ? spans[p]! / (period.end - period.start) : 0;
    const segmentValues: MetricValues[] = model.segments.map((_, i) => {
      const cell = p * segments + i;
      const priced = pricing?.segments[i];
      const lostToPrice = priced === undefined ? 0 : priced.account.lostToPrice[p]! * fraction * partyMean[i]! * (config.lostCustomerValue ?? priced.referencePrices[p]!);
      return { revenue: till.revenue[cell]!, sideRevenue: till.sideRevenue[cell]!, lostRevenue: till.lostValue[cell]! + lostToPrice };
    });
    const denied = core.metrics.deniedCost ?? 0;
    const fixed = day > 0 ? (config.fixedCost * spans[p]!) / day : config.fixedCost / model.periods.length;
    return { metrics: system(segmentValues, stations, fixed, denied), stations, segments: segmentValues };
  });

  const stations = model.stations.map((_, s) => ({
    staffCost: sum(periods.map((p) => p.stations[s]!.staffCost!)),
    overtimeCost: (measured.stations[s]!.overtime ?? 0) * config.overtimeCost[s]!,
  }));
  const segmentValues = model.segments.map((_, i) => ({
    revenue: sum(periods.map((p) => p.segments[i]!.revenue!)),
    sideRevenue: sum(periods.map((p) => p.segments[i]!.sideRevenue!)),
    lostRevenue: sum(periods.map((p) => p.segments[i]!.lostRevenue!)),
  }));
  const denied = measured.metrics.deniedCost ?? 0;
  return { metrics: system(segmentValues, stations, config.fixedCost, denied), stations, segments: segmentValues, periods };
}

/** The mean number of people in a party of these sizes. */
function meanPartySize(party: PartiesConfig[number]): number {
  return party.sizes.reduce((mean, size, j) => mean + size * (party.cumulative[j]! - (party.cumulative[j - 1] ?? 0)), 0);
}

/** The system values of one scope, profit included. */
function system(segments: readonly MetricValues[], stations: readonly MetricValues[], fixedCost: number, deniedCost: number): MetricValues {
  const revenue = sum(segments.map((s) => s.revenue!));
  const sideRevenue = sum(segments.map((s) => s.sideRevenue!));
  const lostRevenue = sum(segments.map((s) => s.lostRevenue!));
  const staffCost = sum(stations.map((s) => s.staffCost!));
  const overtimeCost = sum(stations.map((s) => s.overtimeCost!));
  const profit = revenue + sideRevenue - staffCost - overtimeCost - fixedCost - deniedCost;
  return { revenue, sideRevenue, staffCost, overtimeCost, fixedCost, lostRevenue, profit };
}
