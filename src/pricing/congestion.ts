/**
 * Congestion in the choice (models.md §5.2): customers avoid periods they expect to be
 * crowded, through the term −β_w·E[W_k] of the logit, where E[W_k] is the mean wait of the
 * segment's customers arriving in period k — measured by the simulation itself. Demand sets
 * the waits and the waits set demand, so the demand split is a fixed point, found by the
 * damped iteration of analytic/fixed-point.ts; each step runs a whole set of replications
 * (the run's seed and count: common random numbers make each step a deterministic map).
 *
 * The scenario's rates are the demand observed at the reference prices, with the waits W⁰
 * customers then expected: the utilities are calibrated at W⁰, so the term is
 * −β_w·(E[W_k] − W⁰_k). By default W⁰ are the waits the scenario itself gives at the
 * reference prices (one more set of replications), and at those prices, without promotion,
 * the fixed point is the scenario itself. A variant that changes the system (one more
 * server) gives `referenceWaits`, the waits of the system as it was, so its shorter waits
 * draw customers.
 *
 * The iterate is each responsive segment's shares of its market by period; the step's change
 * is the largest change of one share. Not settling within maxIterations is an error of the
 * scenario (LeverSettleError), never a silent result.
 */
import { dampedFixedPointSteps } from '../analytic/fixed-point.js';
import { LeverSettleError, type SetMeans, type Settling } from '../levers/lever.js';
import type { Model } from '../model/model.js';
import type { PricingConfig, SegmentPricing } from './config.js';
import { withRates } from './resolve.js';
import { choiceShares, ratesFromShares } from './segment-demand.js';

/**
 * The mean over replications of a segment's wait in each period (its customers who were
 * served), from a set's means (levers/lever.ts, SetMeans). Where none of the segment was
 * served in any replication, the wait is endless, Infinity, if some of it were lost (balked,
 * reneged, blocked or denied: its station has no servers then, or everyone gave up), or if
 * some of it came while no station of its route had servers (`closed[p]`; customers without
 * patience wait there to the end), whatever other segments found. Otherwise the simulation
 * says nothing of its wait (none of it came, or those who did were still in line at an open
 * station at the end): NaN, which moves no demand, and which the fixed point's step replaces
 * with the wait it last saw. (A count's mean is above 0 exactly when some replication's is.)
 */
export function expectedWaits(means: SetMeans, segment: number, periods: number, closed: readonly boolean[] = []): number[] {
  const count = (value: number | null | undefined) => (value === null || value === undefined || Number.isNaN(value) ? 0 : value);
  return Array.from({ length: periods }, (_, p) => {
    const metrics = means.periods[p]!.segments[segment]!;
    const own = metrics.waitMean;
    if (own !== null && own !== undefined && Number.isFinite(own)) return own;
    if (count(metrics.balked) + count(metrics.reneged) + count(metrics.blocked) + count(metrics.denied) > 0) return Infinity;
    return count(metrics.arrivals) > 0 && closed[p] === true ? Infinity : NaN;
  });
}

/**
 * The logit's congestion term −β_w·(W − W⁰) of one period. An endless wait W drives the
 * period's share to 0, unless the wait was already endless when the rates were observed
 * (W⁰ = Infinity): those rates are the demand of the period as it is, so it moves nothing.
 * Neither does a wait the simulation could not see (NaN, on either side).
 */
export function congestionTerm(waitWeight: number, wait: number, baseWait: number): number {
  if (Number.isNaN(wait) || Number.isNaN(baseWait) || baseWait === Infinity) return 0;
  return wait === Infinity ? -Infinity : -waitWeight * (wait - baseWait);
}

/** The model with the pricing config `config` (ready to run). */
function withPricing(model: Model, config: PricingConfig): Model {
  return { ...model, levers: { ...model.levers, pricing: config } };
}

/** A config that runs at `rates` per segment (its congestion marked settled so it can run). */
function atRates(config: PricingConfig, rates: readonly (readonly number[])[], model: Model): PricingConfig {
  return {
    segments: config.segments.map((segment, i) => withRates(segment, rates[i]!, model.periods)),
    congestion: config.congestion === null ? null : { ...config.congestion, settled: { iterations: 0, change: 0, baseWaits: [], waits: [] } },
  };
}

const responds = (segment: SegmentPricing) => segment.choice !== null && segment.choice.waitWeight > 0;

/** Settles the congestion term: the fixed point of demand and expected waits. */
export function* settleCongestion(model: Model, config: PricingConfig): Settling<PricingConfig> {
  const congestion = config.congestion;
  if (congestion === null || congestion.settled !== null) return config;
  const periods = model.periods.length;
  const segments = config.segments;
  const responsive = segments.flatMap((segment, i) => (responds(segment) ? [i] : []));
  // Periods in which no station of a segment's route has servers (every candidate of a choice
  // too: the model's slots do not say which step a slot belongs to, so a closed station later
  // on a route, with earlier ones open, is not seen here).
  const closed = model.segments.map((spec) => model.periods.map((_, p) => spec.route.length > 0 && spec.route.every((station) => model.stations[station]!.servers[p] === 0)));
  const waitsOf = (means: SetMeans) => segments.map((_, i) => expectedWaits(means, i, periods, closed[i]));
  if (responsive.length === 0) return { ...config, congestion: { ...congestion, settled: { iterations: 0, change: 0, baseWaits: [], waits: [] } } };

  const reference = congestion.referenceWaits;
  const baseWaits = reference !== null ? segments.map(() => [...reference]) : waitsOf(yield withPricing(model, atRates(config, segments.map((s) => s.baseRates), model)));
  // The iterate: the responsive segments' shares, one block per segment.
  const blocks = responsive.map((i) => segments[i]!.choice!.periods.length);
  const split = (x: readonly number[]) => {
    let offset = 0;
    return blocks.map((length) => x.slice(offset, (offset += length)));
  };
  const ratesFor = (x: readonly number[]) => {
    const rates = segments.map((s) => s.pricedRates);
    split(x).forEach((shares, b) => {
      const segment = segments[responsive[b]!]!;
      rates[responsive[b]!] = ratesFromShares(segment.choice!, segment.baseRates, shares);
    });
    return rates;
  };
  let lastWaits = baseWaits;
  const step = function* (x: readonly number[]): Settling<number[]> {
    // A period nobody reached this step keeps the wait last seen there (the base wait at
    // first): as a closed period's share falls towards 0, fewer and then no customers try
    // it, which is no news that it opened.
    const previous = lastWaits;
    lastWaits = waitsOf(yield withPricing(model, atRates(config, ratesFor(x), model))).map((waits, i) => waits.map((w, k) => (Number.isNaN(w) ? previous[i]![k]! : w)));
    return responsive.flatMap((i) => {
      const segment = segments[i]!;
      const choice = segment.choice!;
      const term = choice.periods.map((k) => congestionTerm(choice.waitWeight, lastWaits[i]![k]!, baseWaits[i]![k]!));
      return choiceShares(choice, segment.prices, term);
    });
  };
  const start = responsive.flatMap((i) => choiceShares(segments[i]!.choice!, segments[i]!.prices));
  const result = yield* dampedFixedPointSteps(step, start, { damping: congestion.damping, tolerance: congestion.tolerance, maxIterations: congestion.maxIterations });
  if (!result.converged) {
    throw new LeverSettleError(
      ['pricing', 'congestion'],
      `the demand split did not settle: after ${result.iterations} iteration${result.iterations === 1 ? '' : 's'} a share still moved by ${result.change.toPrecision(3)} in the last step ` +
        `(tolerance ${congestion.tolerance}); lower pricing.congestion.damping (now ${congestion.damping}), raise its tolerance or maxIterations, or run more replications (the waits are simulated)`,
    );
  }
  // Settled on the first step without any change: the start itself (bit for bit, e.g. the reference prices).
  const value = result.iterations === 1 && result.change === 0 ? start : result.value;
  const rates = ratesFor(value);
  return {
    segments: segments.map((segment, i) => withRates(segment, rates[i]!, model.periods)),
    congestion: { ...congestion, settled: { iterations: result.iterations, change: result.change, baseWaits, waits: lastWaits } },
  };
}
