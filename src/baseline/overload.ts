/**
 * Stations that can never keep up: over the whole day, customers who never leave their line
 * (no patience, no balking, no queue capacity) bring more work than the servers can do, so
 * the line grows for as long as the run lasts. A scenario like that is seldom meant (a rate
 * typed per hour in a file in minutes, say), and its run can take minutes and gigabytes:
 * `run` and `validate` warn before simulating. A peak period over capacity that later periods
 * work off is normal and not reported.
 *
 * Work brought: each such segment's arrival rate times its mean service, at the first station
 * of its route only, where its customers arrive as they come; what reaches a later station
 * depends on the stations before it, which a count over the day cannot tell. Capacity:
 * servers times the period's length. Only the core's model is judged: a lever that changes
 * who comes, where they go or who joins makes the check stand aside. The levers that leave
 * the flow alone are the analytic baseline's (station-load.ts): money, which only keeps
 * accounts, and the waiting experience without its balking rule.
 */
import type { Model } from '../model/model.js';
import { meanOf } from '../random/distributions.js';
import { leverFlowOf, leversChangingFlow } from './station-load.js';

export interface Overload {
  station: string;
  /** Work brought over the day by customers who never leave ÷ server time available (above 1). */
  ratio: number;
}

export function overloadedStations(model: Model): Overload[] {
  if (leversChangingFlow(model) !== undefined) return [];
  if (model.segments.some((_, s) => leverFlowOf(model, s) !== undefined)) return [];
  const lengths = model.periods.map((period) => Math.min(period.end, model.horizon) - Math.min(period.start, model.horizon));
  const overloads: Overload[] = [];
  for (const [index, station] of model.stations.entries()) {
    if (station.queueCapacity !== Infinity) continue;
    let work = 0;
    for (const segment of model.segments) {
      if (segment.route[0] !== index || segment.patience !== null || segment.balkAt !== Infinity) continue;
      const serviceMean = meanOf(segment.service[0]!);
      work += lengths.reduce((sum, length, p) => sum + segment.rates[p]! * length * serviceMean, 0);
    }
    const capacity = lengths.reduce((sum, length, p) => sum + station.servers[p]! * length, 0);
    if (work > capacity) overloads.push({ station: station.id, ratio: capacity === 0 ? Infinity : work / capacity });
  }
  return overloads;
}

/** The warning line for an overloaded station. */
export function overloadWarning(file: string, overload: Overload): string {
  const ratio = Number.isFinite(overload.ratio) ? `${overload.ratio.toFixed(overload.ratio < 10 ? 2 : 0)} times` : 'more than';
  return (
    `warning: ${file}: station ${overload.station} is offered ${ratio} the work its servers can do over the day ` +
    `by customers who never leave its line (no patience, balkAt or queueCapacity): the line grows for the whole run, which may take long and much memory`
  );
}
