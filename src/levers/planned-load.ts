/**
 * The load a model plans for each station before it runs: every segment's arrival rate, split
 * over the visit slots of its route as the routing levers expect (a choice shared between
 * stations, a step some skip), times the mean service there. On the core's fixed route every
 * customer visits every slot. This is the offered load of the formulas (rate × mean service),
 * not a measurement: the experience's service-failure probability f(ρ) (models.md §6.6) and
 * staff's first guess (SIPP) read it. Arrivals a lever brings outside the segment rates
 * (reservations' bookings, pricing's moved demand) are not in it.
 */
import type { Model } from '../model/model.js';
import { meanOf } from '../random/distributions.js';
import type { Lever } from './lever.js';

/** Expected visits per time unit of each segment's customers at each visit slot, per period: [segment][slot][period]. */
export function plannedVisitRates(model: Model, levers: readonly Lever[]): number[][][] {
  const shares: (number[][] | null)[] = model.segments.map(() => null);
  for (const lever of levers) {
    const config = model.levers[lever.name];
    if (config === undefined || lever.visitShares === undefined) continue;
    lever.visitShares(config, model).forEach((own, g) => {
      if (own !== null) shares[g] = own;
    });
  }
  return model.segments.map((segment, g) => segment.route.map((_, slot) => segment.rates.map((rate, p) => rate * (shares[g]?.[slot]?.[p] ?? 1))));
}

/** Offered load per server at each station in each period: [station][period] (Infinity with work and no servers). */
export function plannedUtilisation(model: Model, levers: readonly Lever[]): number[][] {
  const visits = plannedVisitRates(model, levers);
  const work = model.stations.map(() => model.periods.map(() => 0));
  model.segments.forEach((segment, g) =>
    segment.route.forEach((station, slot) => {
      const mean = meanOf(segment.service[slot]!);
      visits[g]![slot]!.forEach((rate, p) => (work[station]![p]! += rate * mean));
    }),
  );
  return model.stations.map((station, st) =>
    model.periods.map((_, p) => {
      const servers = station.servers[p]!;
      const load = work[st]![p]!;
      return servers > 0 ? load / servers : load > 0 ? Infinity : 0;
    }),
  );
}
