import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseAxis, type Axis } from '../../src/run/grid.js';
import { sweepCsv } from '../../src/run/sweep-csv.js';
import { sweepJson } from '../../src/cli/sweep.js';
import { lostIn, pointMetrics, runSweep, sweepModels, type SweepResult } from '../../src/run/sweep.js';
import { projectRoot } from '../cli/cli.js';

const file = join(projectRoot, 'scenarios/bank-branch.yaml');
const data = parse(readFileSync(file, 'utf8'));

function axis(text: string): Axis {
  const parsed = parseAxis(text);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.value;
}

describe('sweep: the counter’s lunch staffing from 3 to 7 (10 replications)', () => {
  const axes = [axis('stations.counter.servers.lunch=3..7')];
  let sweep: SweepResult;
  beforeAll(async () => {
    const grid = sweepModels(data, file, axes);
    if (!grid.ok) throw new Error(JSON.stringify(grid.problems));
    expect(grid.points.map((p) => p.model.stations[0]!.servers)).toEqual([[3, 3, 3], [3, 4, 3], [3, 5, 3], [3, 6, 3], [3, 7, 3]]);
    sweep = await runSweep(axes, grid.points, { replications: 10 });
  });

  it('runs every grid point, on the file’s seed', () => {
    expect(sweep.points.map((p) => p.values)).toEqual([[3], [4], [5], [6], [7]]);
    expect(sweep).toMatchObject({ seed: 42, replications: 10, axes: [{ path: 'stations.counter.servers.lunch', values: [3, 4, 5, 6, 7] }] });
  });

  it('every point sees the same demand (common random numbers): arrivals equal at every point', () => {
    const arrivals = sweep.points.map((p) => p.summary.metrics.arrivals!.mean);
    expect(new Set(arrivals).size).toBe(1);
  });

  it('the lunch wait falls and the customers lost fall with every added server', () => {
    const lunchWait = sweep.points.map((p) => p.summary.periods!.lunch!.stations.counter!.waitMean!.mean!);
    const lost = sweep.points.map((p) => p.lost.mean!);
    for (let i = 1; i < lunchWait.length; i++) {
      expect(lunchWait[i]!).toBeLessThan(lunchWait[i - 1]!);
      expect(lost[i]!).toBeLessThanOrEqual(lost[i - 1]!);
    }
  });

  it('lost is balked + reneged + blocked + denied, replication by replication', () => {
    const m = sweep.points[0]!.summary.metrics;
    expect(sweep.points[0]!.lost.mean).toBeCloseTo(m.balked!.mean! + m.reneged!.mean! + m.blocked!.mean! + m.denied!.mean!, 9);
  });

  it('sweep.json, written point by point (a grid of thousands would pass the longest string), reads as JSON.stringify of the whole writes it', () => {
    const points = sweep.points.map((p) => ({ values: { [axes[0]!.path]: p.values[0] }, metrics: pointMetrics(p), stations: p.summary.stations, segments: p.summary.segments, periods: p.summary.periods }));
    const whole = JSON.stringify({ name: 'lunch', seed: sweep.seed, replications: 10, unit: sweep.unit, axes: sweep.axes, points }, null, 2) + '\n';
    expect(Buffer.from(sweepJson('lunch', sweep)).toString('utf8')).toBe(whole);
    expect(Buffer.from(sweepJson('none', { ...sweep, points: [] })).toString('utf8')).toBe(JSON.stringify({ name: 'none', seed: sweep.seed, replications: 10, unit: sweep.unit, axes: sweep.axes, points: [] }, null, 2) + '\n');
  });

  it('sweep.csv is long: axis values, scope, metric, mean, CI, sd, n', () => {
    const lines = sweepCsv(sweep).trim().split('\n');
    expect(lines[0]).toBe('stations.counter.servers.lunch,scope,metric,mean,ci95Lo,ci95Hi,sd,n');
    expect(lines.filter((l) => l.startsWith('5,system,lost,'))).toHaveLength(1);
    expect(lines.some((l) => l.startsWith('7,station:counter,waitP90,'))).toBe(true);
  });
});

describe('sweep grids of two parameters', () => {
  it('cross both axes and validate every point, naming the point that fails', () => {
    const axes = [axis('stations.counter.servers.lunch=3..4'), axis('segments.quick.patience.mean=5,10')];
    const grid = sweepModels(data, file, axes);
    expect(grid.ok && grid.points.map((p) => p.values)).toEqual([[3, 5], [3, 10], [4, 5], [4, 10]]);
    const bad = sweepModels(data, file, [axis('stations.counter.servers.lunch=3..4:0.5')]);
    expect(bad.ok).toBe(false);
    if (!bad.ok) {
      expect(bad.problems).toHaveLength(1);
      expect(bad.problems[0]).toMatchObject({ file: `${file} [variant "stations.counter.servers.lunch=3.5"]`, message: 'servers must be a whole number (set by stations.counter.servers.lunch=3.5)' });
    }
  });

  it('say what is wrong with a key path that goes past a number, without an internal error (review: a whole-day price)', () => {
    const dayPrice = { ...data, stations: data.stations.map((station: Record<string, unknown>, i: number) => (i === 0 ? { ...station, servers: 3 } : station)) };
    const past = sweepModels(dayPrice, file, [axis('stations.counter.servers.lunch.x=3,4')]);
    expect(past).toEqual({ ok: false, problems: [{ file, path: [], message: '--vary stations.counter.servers.lunch.x: stations[0].servers.lunch is the value of period lunch (the number 3), which has no "x" inside it' }] });
    const wrong = sweepModels(dayPrice, file, [axis('stations.counter.servers.lnch=3,4')]);
    expect(!wrong.ok && wrong.problems[0]!.message).toMatch(/unknown period "lnch" \(did you mean "lunch"\?\)/);
  });

  it('refuse a second axis that replaces the first one\'s value, however either is written; the other order sets a period inside the day', () => {
    for (const [lunch, day] of [['stations.counter.servers.lunch', 'stations.counter.servers'], ['stations.counter.servers.lunch', 'stations[0].servers'], ['stations.counter.servers', 'stations.counter']] as const) {
      const grid = sweepModels(data, file, [axis(`${lunch}=3..5`), axis(`${day}=3..5`)]);
      expect(grid.ok, `${lunch} then ${day}`).toBe(false);
      if (!grid.ok) {
        expect(grid.problems).toHaveLength(1);
        expect(grid.problems[0]!.message).toBe(`--vary ${day} replaces what --vary ${lunch} sets, at every point: give --vary ${day} first (its value is then changed inside), or name two different keys`);
      }
    }
    const inside = sweepModels(data, file, [axis('stations.counter.servers=3..4'), axis('stations.counter.servers.lunch=5..6')]);
    expect(inside.ok && inside.points.map((p) => p.model.stations[0]!.servers)).toEqual([[3, 5, 3], [3, 6, 3], [4, 5, 4], [4, 6, 4]]);
  });

  it('name a bad point by every axis\'s value, and count denied bookings among the lost', () => {
    const grid = sweepModels(data, file, [axis('stations.counter.servers.lunch=3,4'), axis('segments.quick.patience.mean=5,-1')]);
    expect(grid.ok).toBe(false);
    if (!grid.ok) {
      // Once for its cause (the same at both lunch values), named by its first point.
      expect(grid.problems.map((p) => p.file)).toEqual([`${file} [variant "stations.counter.servers.lunch=3; segments.quick.patience.mean=-1"]`]);
    }
    const replication = { metrics: { balked: 1, reneged: 2, blocked: 3, denied: 4 } } as unknown as Parameters<typeof lostIn>[0];
    expect(lostIn(replication)).toBe(10);
  });
});
