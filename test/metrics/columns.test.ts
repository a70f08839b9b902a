import { describe, expect, it } from 'vitest';
import { metricsFor } from '../../src/metrics/catalogue.js';
import { resultColumns } from '../../src/metrics/columns.js';
import { runReplications, validateScenario, type Model } from '../../src/index.js';
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
  it('list every metric of every scope: the system, then each station, then each segment, in catalogue order', () => {
    const columns = resultColumns(modelOf('desk'));
    expect(columns.map((c) => c.header)).toEqual([
      ...metricsFor('system'),
      ...metricsFor('station').map((m) => `station:desk:${m}`),
      ...metricsFor('segment').map((m) => `segment:walk,in:${m}`),
    ]);
    expect(columns[0]!.path).toEqual(['metrics', 'arrivals']);
    expect(columns.at(-1)!.path).toEqual(['segments', 'walk,in', 'abandonmentRate']);
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

  it('a station called __proto__ keeps its place in the summary', () => {
    const { summary } = runReplications(modelOf('__proto__'));
    expect(Object.keys(summary.stations)).toEqual(['__proto__']);
    expect(JSON.parse(JSON.stringify(summary)).stations.__proto__.served.mean).toBeGreaterThan(0);
  });
});
