/**
 * The share of each segment that visits each station of a route with choices, for the loads
 * planned before a run (levers/planned-load.ts). Per step: those who do not skip it choose
 * among the stations they use. Which those are depends on the customer's readiness u for
 * self-service (access.ts: a self-service station is used when u < its adoption), so the
 * shares are averaged over u, interval by interval between the adoption shares. Among the
 * stations a customer uses, `shares` splits by the weights, as the router does; the shortest
 * line and the least expected wait are taken to even out the load, splitting in proportion
 * to each station's capacity in the period (servers ÷ mean service) [A].
 */
import type { Model } from '../model/model.js';
import type { ChannelsConfig, ChoiceStep } from './resolve.js';

export function choiceVisitShares(config: ChannelsConfig, model: Model): (number[][] | null)[] {
  return config.routes.map((steps, g) => {
    if (steps === null) return null;
    const segment = model.segments[g]!;
    const shares = segment.route.map(() => model.periods.map(() => 0));
    for (const step of steps) {
      const adoption = step.slots.map((slot) => config.adoption[g]![segment.route[slot]!]!);
      model.periods.forEach((_, p) => {
        const capacity = step.slots.map((slot) => model.stations[segment.route[slot]!]!.servers[p]! / config.meanService[g]![slot]!);
        const split = stepShares(step, adoption, capacity);
        step.slots.forEach((slot, k) => (shares[slot]![p]! += (1 - step.skip) * split[k]!));
      });
    }
    return shares;
  });
}

/** The share of a step's customers that goes to each of its stations (summing to at most 1). */
function stepShares(step: ChoiceStep, adoption: readonly number[], capacity: readonly number[]): number[] {
  const split = step.slots.map(() => 0);
  // Readiness u in [0, 1): between two adoption shares the stations a customer uses stay the same.
  const bounds = [...new Set([0, 1, ...adoption.filter((a) => a < 1)])].sort((a, b) => a - b);
  for (let i = 0; i + 1 < bounds.length; i++) {
    const width = bounds[i + 1]! - bounds[i]!;
    const used = step.slots.map((_, k) => adoption[k]! >= bounds[i + 1]!);
    const weight = (k: number) => (step.by === 'shares' ? step.weights[k]! : capacity[k]!);
    const total = used.reduce((sum, uses, k) => sum + (uses ? weight(k) : 0), 0);
    const count = used.filter(Boolean).length;
    used.forEach((uses, k) => {
      if (uses) split[k]! += width * (total > 0 ? weight(k) / total : 1 / count);
    });
  }
  return split;
}
