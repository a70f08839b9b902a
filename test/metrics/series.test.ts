/**
 * Over the day: each station's number waiting, in the system and busy, on a regular grid.
 */
import { describe, expect, it } from 'vitest';
import { summariseValues } from '../../src/metrics/summarise.js';
import { defaultSeriesStep, seriesGrid } from '../../src/metrics/series.js';
import type { Model } from '../../src/model/model.js';
import { buildModel, runWithArrivals } from '../model/harness.js';
import { expectInCi, runScenario } from '../theory/expect-in-ci.js';
import { mmcWaitMean } from '../theory/formulas.js';

describe('the over-the-day series', () => {
  it('samples the state in force at each grid time (after what happens exactly then)', () => {
    // One server, service 4; arrivals at 0, 1, 2 (horizon 10, grid step 1: points 0..10).
    // In system: 1 on [0,1), 2 on [1,2), 3 on [2,4), 2 on [4,8), 1 on [8,12).
    const model = buildModel({ horizon: 10, stations: [{ id: 'desk', servers: 1 }], segments: [{ id: 'all', route: ['desk'], service: 4 }] });
    const run = runWithArrivals({ ...model, seriesStep: 1 }, [
      [0, 0],
      [1, 0],
      [2, 0],
    ]);
    expect(Array.from(run.series.inSystem[0]!)).toEqual([1, 2, 3, 3, 2, 2, 2, 2, 1, 1, 1]);
    expect(Array.from(run.series.waiting[0]!)).toEqual([0, 1, 2, 2, 1, 1, 1, 1, 0, 0, 0]);
    expect(Array.from(run.series.busy[0]!)).toEqual([1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1]);
  });

  it('grid times read as written: 0.6, not 0.6000000000000001', () => {
    const grid = seriesGrid({ horizon: 12, seriesStep: 0.2 } as Model);
    expect(grid).toHaveLength(61);
    expect(grid.slice(0, 4)).toEqual([0, 0.2, 0.4, 0.6]);
    expect(grid.at(-1)).toBe(12);
  });

  it('the default step gives about 100 points, rounded to 1, 2 or 5 × 10^k', () => {
    expect([480, 100, 180, 10_000, 24].map(defaultSeriesStep)).toEqual([5, 1, 2, 100, 0.5]);
  });

  it('M/M/2: the grid mean of the number in system matches Little’s law L = λ(Wq + 1/μ) and the whole-day time average', () => {
    const lambda = 1.5;
    const exactL = lambda * (mmcWaitMean(lambda, 1, 2) + 1);
    const { summary, replications } = runScenario({
      name: 'series M/M/2',
      seed: 31,
      replications: 30,
      time: { horizon: 8_000, drain: false, seriesStep: 1 },
      stations: [{ id: 'desk', servers: 2, service: { dist: 'exponential', mean: 1 } }],
      segments: [{ id: 'all', arrivals: { rate: lambda }, route: ['desk'] }],
    });
    const gridMeans = replications.map((r) => r.series.inSystem[0]!.reduce((a, b) => a + b, 0) / r.series.inSystem[0]!.length);
    expectInCi(summariseValues(gridMeans), exactL, 'grid mean of the number in system vs Little');
    // Against the run's own time average (waiting + busy servers), replication by replication.
    const gaps = replications.map((r, i) => gridMeans[i]! - (r.stations[0]!.queueLengthMean! + 2 * r.stations[0]!.utilisation!));
    const gap = summariseValues(gaps);
    expect(Math.abs(gap.mean!)).toBeLessThan(0.01 * exactL);
    expect(summary.series!.stations.desk!.servers.every((s) => s === 2)).toBe(true);
    expect(summary.series!.time).toHaveLength(8_001);
  });
});
