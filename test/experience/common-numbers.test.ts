/**
 * Common random numbers for the experience: every number a customer may need (first-timer,
 * tolerance, a failure and a balking decision at each visit, complaints) is drawn on its
 * arrival from its segment's streams, so a change at one station, or another segment, leaves
 * a segment that never meets it exactly as it was, as the core's arrival, service and
 * patience draws do. Compare then shows no difference nothing caused.
 */
import { describe, expect, it } from 'vitest';
import { runReplications } from '../../src/index.js';
import { modelOf } from '../model-of.js';

const two = (bServers: number, extraSegment = false) =>
  modelOf({
    name: 'Two counters',
    seed: 5,
    replications: 20,
    time: { horizon: 480 },
    stations: [
      { id: 'a', servers: 2, service: { dist: 'exponential', mean: 3 }, waiting: { firstTimeShare: 0.3 } },
      { id: 'b', servers: bServers, service: { dist: 'exponential', mean: 3 } },
    ],
    segments: [
      { id: 'sa', arrivals: { rate: 0.6 }, route: ['a'], patience: { dist: 'exponential', mean: 8 } },
      { id: 'sb', arrivals: { rate: 0.6 }, route: ['b'] },
      ...(extraSegment ? [{ id: 'sc', arrivals: { rate: 0.1 }, route: ['b'] }] : []),
    ],
    experience: {},
  });

const experienceNames = ['perceivedWaitMean', 'satisfactionMean', 'withinDesiredShare', 'complaints', 'serviceFailures', 'repurchaseRate', 'wordOfMouthNet'];

describe('the experience on common random numbers', () => {
  const base = runReplications(two(2));

  it.each([
    ['a third server at the other counter', two(3)],
    ['another segment at the other counter', two(2, true)],
  ])('%s leaves every experience metric of the segment and counter it never touches exactly as it was', (_, model) => {
    const other = runReplications(model);
    for (let r = 0; r < 20; r++) {
      const before = base.replications[r]!;
      const after = other.replications[r]!;
      expect(after.segments[0]!.waitMean, `replication ${r}: the core's draws were already common`).toBe(before.segments[0]!.waitMean);
      for (const name of experienceNames) {
        if (before.segments[0]![name] !== undefined) expect(after.segments[0]![name], `replication ${r}: sa ${name}`).toBe(before.segments[0]![name]);
        if (before.stations[0]![name] !== undefined) expect(after.stations[0]![name], `replication ${r}: station a ${name}`).toBe(before.stations[0]![name]);
      }
    }
    // …while the counter that changed did change.
    expect(other.summary.stations.b!.waitMean).not.toEqual(base.summary.stations.b!.waitMean);
  });

  it('a balking rule at every visit: a server more at the second station leaves the first exactly as it was', () => {
    const tandem = (bServers: number) =>
      modelOf({
        name: 'Tandem',
        seed: 9,
        replications: 20,
        time: { horizon: 480 },
        stations: [
          { id: 'a', servers: 1, service: { dist: 'exponential', mean: 1.5 } },
          { id: 'b', servers: bServers, service: { dist: 'exponential', mean: 3 } },
        ],
        segments: [{ id: 'x', arrivals: { rate: 0.55 }, route: ['a', 'b'], balking: { rule: 'geometric' }, patience: { dist: 'exponential', mean: 6 } }],
        experience: {},
      });
    const before = runReplications(tandem(2)).replications;
    const after = runReplications(tandem(3)).replications;
    for (let r = 0; r < 20; r++) {
      for (const name of ['arrivals', 'balked', 'reneged', 'served', 'waitMean', 'serviceFailures', 'perceivedWaitMean']) {
        expect(after[r]!.stations[0]![name], `replication ${r}: station a ${name}`).toBe(before[r]!.stations[0]![name]);
      }
    }
    expect(after.some((rep, r) => rep.stations[1]!.balked !== before[r]!.stations[1]!.balked)).toBe(true);
  });
});
