import { describe, expect, it } from 'vitest';
import { metricsFor } from '../../src/metrics/catalogue.js';
import { resultColumns, resultLayout, rowValues } from '../../src/metrics/columns.js';
import { runReplications, simulate, validateScenario, type Model } from '../../src/index.js';
import { replicationsCsv } from '../../src/run/csv.js';

function modelOf(stationId: string): Model {
  const loaded = validateScenario({
    name: 'Columns',
    seed: 3,
    replications: 3,
    time: { horizon: 60 },
    stations: [{ id: stationId, servers: 1, service: 1 }],
    segments: [{ id: 'walk,in', arrivals: { rate: 0.5 }, route: [stationId] }],
  });
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems));
  return loaded.model;
}

describe('result columns', () => {
  it('list every metric of every scope: the system, then each station, then each segment, in catalogue order; then the same per period', () => {
    const model = modelOf('desk');
    const columns = resultColumns(model);
    const scopes = (prefix: string) => [
      ...metricsFor('system', model).map((m) => `${prefix}${m}`),
      ...metricsFor('station', model).map((m) => `${prefix}station:desk:${m}`),
      ...metricsFor('segment', model).map((m) => `${prefix}segment:walk,in:${m}`),
    ];
    expect(columns.map((c) => c.header)).toEqual([...scopes(''), ...model.periods.flatMap((p) => scopes(`period:${p.name}:`))]);
    expect(columns[0]!.path).toEqual(['metrics', 'arrivals']);
    expect(columns.at(-1)!.path).toEqual(['periods', model.periods.at(-1)!.name, 'segments', 'walk,in', metricsFor('segment', model).at(-1)]);
  });

  it('a row is the metric values, then the series: waiting, in system and busy, station by station, point by point', () => {
    const model = modelOf('desk');
    const layout = resultLayout(model);
    const result = simulate(model, 0);
    const row = rowValues(layout, result);
    expect(row.length).toBe(layout.columns.length + 3 * layout.points);
    expect(Array.from(row.subarray(0, layout.columns.length))).toEqual(layout.columns.map((c) => c.value(result)));
    const series = row.subarray(layout.columns.length);
    expect(Array.from(series.subarray(0, layout.points))).toEqual(Array.from(result.series.waiting[0]!));
    expect(Array.from(series.subarray(2 * layout.points))).toEqual(Array.from(result.series.busy[0]!));
  });

  it('the summary has one entry per column at its path, and the CSV one column per column', () => {
    const model = modelOf('desk');
    const { summary, replications } = runReplications(model);
    const columns = resultColumns(model);
    for (const column of columns) {
      const [scope, ...rest] = column.path;
      const leaf = rest.reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], (summary as unknown as Record<string, unknown>)[scope!]);
      expect(leaf, column.header).toHaveProperty('mean');
    }
    const header = replicationsCsv(model, replications).split('\n')[0]!;
    expect(header).toBe(['replication', ...columns.map((c) => (c.header.includes(',') ? `"${c.header}"` : c.header))].join(','));
  });

  it("headers never collide: where two would read the same, every ':' and '\\' inside an id or period name is escaped", () => {
    const loaded = validateScenario({
      name: 'Colons',
      time: { horizon: 60, periods: [{ name: 'a', start: 0 }, { name: 'a:station:counter', start: 10 }] },
      stations: [{ id: 'counter', servers: 1, service: 1 }, { id: 'back\\office', servers: 1, service: 1 }],
      segments: [{ id: 'w:x', arrivals: { rate: 0.5 }, route: ['counter', 'back\\office'] }],
    });
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems));
    const headers = resultColumns(loaded.model).map((c) => c.header);
    expect(new Set(headers).size).toBe(headers.length);
    expect(headers).toContain('period:a\\:station\\:counter:arrivals'); // the second period's system-wide arrivals
    expect(headers).toContain('period:a:station:counter:arrivals'); // the first period's, at station counter
    expect(headers).toContain('segment:w\\:x:served');
    expect(headers).toContain('station:back\\\\office:served');
    // Without a collision, names stand as they are: clock times read as clock times.
    const clock = validateScenario({
      name: 'Clock periods',
      time: { horizon: 120, periods: [{ name: '09:00', start: 0 }, { name: '10:00', start: 60 }] },
      stations: [{ id: 'counter', servers: 1, service: 1 }],
      segments: [{ id: 'w:x', arrivals: { rate: 0.5 }, route: ['counter'] }],
    });
    if (!clock.ok) throw new Error(JSON.stringify(clock.problems));
    const clockHeaders = resultColumns(clock.model).map((c) => c.header);
    expect(clockHeaders).toContain('period:09:00:station:counter:waitMean');
    expect(clockHeaders).toContain('segment:w:x:served');
  });

  it('a station called constructor keeps its place in the summary (ids are own keys; __proto__ is refused at validation)', () => {
    const { summary } = runReplications(modelOf('constructor'));
    expect(Object.keys(summary.stations)).toEqual(['constructor']);
    expect(JSON.parse(JSON.stringify(summary)).stations.constructor.served.mean).toBeGreaterThan(0);
  });
});
