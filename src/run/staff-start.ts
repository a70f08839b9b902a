/**
 * Where the staffing search starts: each period staffed on its own, as a stationary Erlang
 * queue (SIPP, Green, Kolesar & Soares 2001 [M], models.md §6.4), or with the arrival rate
 * looked at one mean service time earlier (lag-SIPP [M]): the demand a period's servers
 * actually face arrived a little before. The station's load is every visit of every segment
 * (rate × mean service there, a choice between stations shared as levers/planned-load.ts
 * plans it), whether or not its arrivals are Poisson: a start, not an answer.
 */
import { fewestServers } from '../analytic/staffing.js';
import { plannedVisitRates } from '../levers/planned-load.js';
import { defaultLevers } from '../levers/registry.js';
import type { Model } from '../model/model.js';
import { meanOf } from '../random/distributions.js';
import { erlangTarget, type Target } from './targets.js';

export interface StationDemand {
  /** Arrival rate at the station in each period (every visit counts). */
  rates: number[];
  /** Mean service time at the station (rate-weighted over segments and the day). */
  serviceMean: number;
  /** θ of the station's one exponential patience, or 0. */
  patienceRate: number;
}

export function stationDemand(model: Model, station: number): StationDemand {
  const rates = model.periods.map(() => 0);
  const planned = plannedVisitRates(model, defaultLevers);
  let work = 0;
  let visits = 0;
  const patience = new Set<number>();
  for (const [g, segment] of model.segments.entries()) {
    segment.route.forEach((stop, slot) => {
      if (stop !== station) return;
      const mean = meanOf(segment.service[slot]!);
      planned[g]![slot]!.forEach((rate, p) => {
        rates[p]! += rate;
        const length = model.periods[p]!.end - model.periods[p]!.start;
        work += rate * length * mean;
        visits += rate * length;
      });
      patience.add(segment.patience?.dist === 'exponential' ? 1 / segment.patience.mean : 0);
    });
  }
  const serviceMean = visits > 0 ? work / visits : 1;
  return { rates, serviceMean, patienceRate: patience.size === 1 ? [...patience][0]! : 0 };
}

/** The time-average of the piecewise rate over [from, to] (before the day: the first period's rate [A]). */
function averageRate(model: Model, rates: readonly number[], from: number, to: number): number {
  let total = 0;
  model.periods.forEach((period, p) => {
    const start = p === 0 ? -Infinity : period.start;
    const overlap = Math.min(to, period.end) - Math.max(from, start);
    if (overlap > 0) total += overlap * rates[p]!;
  });
  return to > from ? total / (to - from) : rates[0] ?? 0;
}

/** The fewest servers meeting every target in the Erlang model (at least 1; the fewest stable for targets with no formula). */
export function erlangStaffing(rate: number, demand: StationDemand, targets: readonly Target[]): number {
  const mu = 1 / demand.serviceMean;
  if (rate === 0) return 1;
  const stable = Math.floor(rate / mu) + 1;
  let servers = 1;
  for (const target of targets) {
    const erlang = erlangTarget(target, rate, demand.patienceRate);
    let needed = stable;
    if (erlang !== undefined) {
      try {
        needed = fewestServers(rate, mu, erlang);
      } catch {
        needed = stable; // unattainable in the formula (e.g. a zero wait): the simulation decides
      }
    } else if (target.metric === 'utilisation' && target.atMost && target.value > 0) {
      needed = Math.ceil(rate / mu / target.value - 1e-9);
    }
    servers = Math.max(servers, needed);
  }
  return servers;
}

/** SIPP and lag-SIPP staffing of one station, period by period. */
export function startStaffing(model: Model, station: number, targets: readonly Target[]): { sipp: number[]; lagSipp: number[] } {
  const demand = stationDemand(model, station);
  const lag = demand.serviceMean;
  return {
    sipp: demand.rates.map((rate) => erlangStaffing(rate, demand, targets)),
    lagSipp: model.periods.map((period) => erlangStaffing(averageRate(model, demand.rates, period.start - lag, period.end - lag), demand, targets)),
  };
}
