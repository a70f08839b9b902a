/**
 * A lever: one capability (waiting experience, reservations, pricing, channels, ...) as a
 * module on the open journey. It brings everything it needs and edits none of the core
 * files:
 *
 *   keys      its scenario keys (zod fragments at the top level, in stations, in segments,
 *             and shapes of route step), merged into the one schema, so validation, types
 *             and `queuesim schema` know them;
 *   check     consistency checks that relate its keys to others (names that must exist);
 *   resolve   its part of the model: plain data (it crosses to workers), or undefined when
 *             the scenario does not use the lever, so the run is exactly the core's;
 *   metrics   the metrics it reports (name, scopes, kind, definition) for tables and the README;
 *   install   per replication: replace policies, register event kinds and customer columns,
 *             add observers, using only its own named random streams; returns what it measured;
 *   settle    (optional) before the replications, when its part of the model depends on the
 *             simulation's own results (an equilibrium such as congestion-aware demand): it
 *             asks for whole sets of replications (yields their models) and returns its
 *             settled config;
 *   describe  (optional) plain data it reports once for the whole run (results: `levers.<name>`);
 *   visitShares (optional) for a lever that routes customers: the share of each segment that
 *             visits each visit slot of its route, for the loads planned before a run
 *             (levers/planned-load.ts: the experience's ρ, staff's first guess);
 *   flowOf    (optional) for the analytic baseline: a lever that leaves the core's flow of
 *             customers alone says so (or why a segment's flow differs); one without it is
 *             taken to change the flow;
 *   ownedServers (optional) stations whose servers are the lever's (seating's tables), which
 *             staff does not change.
 *
 * Levers are listed in registry.ts; tests may pass their own list.
 */
import type { z } from 'zod';
import type { MetricInfo, MetricValues } from '../metrics/catalogue.js';
import type { CollectedMetrics } from '../metrics/collect.js';
import type { StationView } from '../model/journey.js';
import type { Model } from '../model/model.js';
import type { ServiceSystem } from '../model/system.js';
import type { RandomStream } from '../random/streams.js';
import type { ReplicationResult } from '../run/simulate.js';
import type { KeyPath } from '../scenario/problems.js';
import type { StepStation } from '../scenario/route-steps.js';

export interface LeverKeys {
  /** Top-level scenario keys. */
  readonly scenario?: Readonly<Record<string, z.ZodType>>;
  /** Keys of each station. */
  readonly station?: Readonly<Record<string, z.ZodType>>;
  /** Keys of each segment. */
  readonly segment?: Readonly<Record<string, z.ZodType>>;
  /**
   * A shape of route step (an object) the lever adds next to a plain station id, for
   * example a choice among stations; the lever's `routeStepStations` names the stations it
   * may lead to, and its router (installed per replication) decides at run time.
   */
  readonly routeStep?: z.ZodType;
}

/** One problem found by a lever's consistency check. */
export interface LeverProblem {
  path: KeyPath;
  message: string;
}

/** What a lever is given for one replication. */
export interface ReplicationContext {
  readonly model: Model;
  readonly seed: number;
  readonly replication: number;
  /** The lever's own stream `name` (source `lever/<lever name>/<name>`): never shared with another source. */
  stream(name: string): RandomStream;
  /** Offered load per server at each station in each period, with every routing lever's shares: [station][period] (levers/planned-load.ts). */
  plannedUtilisation(): number[][];
}

/** One replication's metric values from a lever, by scope (index = station, segment or period). */
export interface LeverMetrics {
  metrics?: MetricValues;
  stations?: MetricValues[];
  segments?: MetricValues[];
  periods?: { metrics?: MetricValues; stations?: MetricValues[]; segments?: MetricValues[] }[];
}

export interface MetricSource {
  /**
   * Reads out the replication's values once it has ended at `end`. `measured` holds the
   * core's metrics of the replication (and those of the levers installed before this one),
   * so a lever can build on them (money prices the core's `overtime`) instead of measuring
   * the same thing twice.
   */
  collect(end: number, stations: readonly StationView[], measured: CollectedMetrics): LeverMetrics;
}

/**
 * What a lever's settling learns of a set of replications: every metric of every scope (and
 * the series) as its mean over the replications where it is defined, NaN where it is in
 * none — summed in replication order from 0, as the run's summary sums them. Held in
 * constant memory, whatever the number of replications (run/settle.ts, SetSums).
 */
export type SetMeans = CollectedMetrics;

/**
 * A lever's settling (Lever.settle): it yields each model whose whole set of replications it
 * needs (the run's seed and replication count) and is sent their means, so the caller may
 * run them on this thread or await them from worker threads; it returns the settled config.
 */
export type Settling<Config> = Generator<Model, Config, SetMeans>;

/**
 * A lever's part of the model that cannot be settled (an equilibrium that does not
 * converge): a problem of the scenario at `path`, reported like one.
 */
export class LeverSettleError extends Error {
  constructor(
    readonly path: KeyPath,
    message: string,
  ) {
    super(message);
    this.name = 'LeverSettleError';
  }
}

/**
 * A problem of the file that only the lever's resolution can see, because it needs the
 * resolved model (a booking limit no slot's capacity can reach): thrown by `resolve`, and
 * reported like a check's problem at `path`.
 */
export class LeverResolveProblem extends Error {
  constructor(
    readonly path: KeyPath,
    message: string,
  ) {
    super(message);
    this.name = 'LeverResolveProblem';
  }
}

/** The validated scenario data, with the lever's own keys in it. */
export type ScenarioData = Record<string, unknown> & {
  stations: Record<string, unknown>[];
  segments: Record<string, unknown>[];
};

export interface Lever<Config = unknown> {
  readonly name: string;
  readonly keys?: LeverKeys;
  check?(data: Record<string, unknown>): LeverProblem[];
  /**
   * For a route step object of this lever's `keys.routeStep`: the stations it may lead to,
   * in order, each with the key path of its name inside the step; undefined for a step that
   * is not this lever's. The core checks those names, and draws one service time per
   * station on arrival (scenario/route-steps.ts).
   */
  routeStepStations?(step: unknown): StepStation[] | undefined;
  /**
   * The lever's part of the model (plain data), or undefined when the scenario does not use
   * it. Throws LeverResolveProblem for a problem of the file that needs the resolved model.
   */
  resolve(data: ScenarioData, model: Model): Config | undefined;
  readonly metrics?: readonly MetricInfo[];
  install(system: ServiceSystem, config: Config, context: ReplicationContext): MetricSource | undefined;
  /**
   * Before the replications: the settled config, found by running whole sets of replications
   * of models it yields (pure: same model, seed and count give the same config). Throws
   * LeverSettleError when there is none.
   */
  settle?(model: Model, config: Config): Settling<Config>;
  /**
   * Plain data the lever reports once for the run (the results' `levers.<name>`); a string
   * `note` in it is also printed under the terminal tables.
   */
  describe?(config: Config, model: Model): Record<string, unknown>;
  /**
   * For the analytic baseline and the overload warning (baseline/): why the customers of
   * `segment` do not come, join and leave as the core has them (a balking rule of the lever's
   * own), or undefined when they do. A lever without this hook changes the flow wherever it
   * is used (pricing, reservations, the channel levers): the formulas' assumptions are gone.
   * The baseline asks the registry's levers (registry.ts): a lever of a library caller's own
   * list is taken to change the flow.
   */
  flowOf?(config: Config, model: Model, segment: number): string | undefined;
  /** The factor the lever puts on the patience of `segment`'s customers at `station` (the experience's waiting conditions); 1 when absent. */
  patienceFactor?(config: Config, model: Model, segment: number, station: number): number;
  /**
   * Stations whose servers the lever owns, each with what they are (seating: "seating: its
   * servers are its tables (seating.tables)"): staff leaves their servers as they are.
   */
  ownedServers?(config: Config, model: Model): { station: number; what: string }[];
  /**
   * For a lever that routes customers: per segment, the expected share of its customers who
   * visit each visit slot of its route in each period ([slot][period]), or null for a segment
   * it leaves on the core's fixed route (every slot visited by everyone).
   */
  visitShares?(config: Config, model: Model): (number[][] | null)[];
}

/** Declares a lever with its config type checked (the registry holds them as Lever<unknown>). */
export function defineLever<Config>(lever: Lever<Config>): Lever<unknown> {
  return lever as Lever<unknown>;
}
