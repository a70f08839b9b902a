/**
 * The channels levers' part of the model: plain data (it crosses to workers), every name an
 * index, every default filled in; undefined when the scenario does not use the lever, so the
 * run is exactly the core's. Called on data the schema and the checks (check.ts) accepted.
 */
import type { ScenarioData } from '../levers/lever.js';
import type { Model } from '../model/model.js';
import { meanOf } from '../random/distributions.js';
import { channelDefaults, type ChoiceRule, type ChoiceStepSpec, type LinePerServerSpec, type PartySizeSpec, type SeatingSpec, type SelfServiceSpec } from './keys.js';
import { own, stepStationIds, type Raw } from './raw.js';
import type { ServerLineOptions } from './server-lines.js';
import type { SeatingModel } from './seating.js';

/** One step of a route the channels lever routes. */
export interface ChoiceStep {
  /** Visit slots (model route indices) of the stations at this step open to the segment. */
  slots: number[];
  /** Weight of each of `slots` for by: shares. */
  weights: number[];
  by: ChoiceRule;
  /** Share of the segment who skip the step. */
  skip: number;
}

export interface ChannelsConfig {
  /** Per segment: every step of its route, or null for a plain route (the core's fixed route). */
  routes: (ChoiceStep[] | null)[];
  /** adoption[segment][station]: share of the segment willing to use it (1 at staffed stations). */
  adoption: number[][];
  /** Per segment, the mean service time of each visit slot (for leastExpectedWait). */
  meanService: number[][];
}

export interface ServerLinesConfig {
  /** Per station: its lines' options, or null for one shared line. */
  stations: (ServerLineOptions | null)[];
}

export interface PartySizes {
  sizes: number[];
  /** Cumulative probabilities of `sizes`, the last exactly 1. */
  cumulative: number[];
}

/** Per segment: its party sizes. */
export type PartiesConfig = PartySizes[];

/** Per station: its tables, or null. */
export type SeatingConfig = (SeatingModel | null)[];

const isChoice = (step: unknown): step is ChoiceStepSpec => typeof step === 'object' && step !== null;

/** adoption of a self-service station by `segment` (1 for a staffed station). */
export function adoptionOf(selfService: SelfServiceSpec | undefined, segment: string): number {
  if (selfService === undefined) return 1;
  if (selfService === true || selfService.adoption === undefined) return channelDefaults.adoption;
  if (typeof selfService.adoption === 'number') return selfService.adoption;
  const share = own(selfService.adoption, segment);
  return typeof share === 'number' ? share : 0;
}

/** Whether `segment` may use the station (its openTo). */
export function isOpenTo(station: Raw, segment: string): boolean {
  return !Array.isArray(station.openTo) || station.openTo.includes(segment);
}

export function resolveChannels(data: ScenarioData, model: Model): ChannelsConfig | undefined {
  if (!data.segments.some((segment) => (segment.route as unknown[]).some(isChoice))) return undefined;
  const stationIds = model.stations.map((s) => s.id);
  const routes = data.segments.map((segment) => {
    const route = segment.route as unknown[];
    if (!route.some(isChoice)) return null;
    let slot = 0;
    return route.map((step): ChoiceStep => {
      const ids = stepStationIds(step);
      const first = slot;
      slot += ids.length;
      const open = ids.map((id, i) => ({ id, slot: first + i })).filter(({ id }) => isOpenTo(data.stations[stationIds.indexOf(id)]!, segment.id as string));
      if (!isChoice(step)) return { slots: open.map((o) => o.slot), weights: [1], by: 'shares', skip: 0 };
      const shares = step.shares;
      return {
        slots: open.map((o) => o.slot),
        weights: open.map(({ id }) => (shares === undefined ? 1 : ((own(shares, id) as number | undefined) ?? 0))),
        by: step.by ?? (shares === undefined ? channelDefaults.by : 'shares'),
        skip: step.skip ?? 0,
      };
    });
  });
  return {
    routes,
    adoption: data.segments.map((segment) => data.stations.map((station) => adoptionOf(station.selfService as SelfServiceSpec | undefined, segment.id as string))),
    meanService: model.segments.map((segment) => segment.service.map(meanOf)),
  };
}

export function resolveServerLines(data: ScenarioData, model: Model): ServerLinesConfig | undefined {
  const stations = data.stations.map((station, i): ServerLineOptions | null => {
    const spec = station.linePerServer as LinePerServerSpec | undefined;
    if (spec === undefined || spec === false) return null;
    const options = spec === true ? {} : spec;
    return {
      join: options.join ?? channelDefaults.join,
      jockeying: options.jockeying ?? channelDefaults.jockeying,
      lines: Math.max(...model.stations[i]!.servers),
    };
  });
  return stations.some((s) => s !== null) ? { stations } : undefined;
}

/** Party sizes as cumulative probabilities. */
export function partySizesOf(spec: PartySizeSpec | undefined): PartySizes {
  if (spec === undefined || typeof spec === 'number') return { sizes: [spec ?? channelDefaults.partySize], cumulative: [1] };
  const weights = spec.weights ?? spec.values.map(() => 1);
  const total = weights.reduce((a, b) => a + b, 0);
  let sum = 0;
  const cumulative = weights.map((w) => (sum += w) / total);
  cumulative[cumulative.length - 1] = 1;
  return { sizes: spec.values, cumulative };
}

/** Tables sorted by seats, kinds of equal size merged. */
export function seatingOf(spec: NonNullable<SeatingSpec>): SeatingModel {
  const bySeats = new Map<number, number>();
  for (const table of spec.tables) bySeats.set(table.seats, (bySeats.get(table.seats) ?? 0) + table.count);
  const seats = [...bySeats.keys()].sort((a, b) => a - b);
  return { seats, counts: seats.map((s) => bySeats.get(s)!), combine: spec.combine ?? channelDefaults.combine };
}

export function resolveParties(data: ScenarioData): PartiesConfig | undefined {
  if (!data.segments.some((s) => s.partySize !== undefined)) return undefined;
  return data.segments.map((segment) => partySizesOf(segment.partySize as PartySizeSpec | undefined));
}

export function resolveSeating(data: ScenarioData): SeatingConfig | undefined {
  if (!data.stations.some((s) => s.seating !== undefined)) return undefined;
  return data.stations.map((station) => (station.seating === undefined ? null : seatingOf(station.seating as NonNullable<SeatingSpec>)));
}
