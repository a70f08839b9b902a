import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { compareVariants, sameCustomers, variantColumns, type ComparisonRun } from '../../src/run/compare.js';
import { compareHtml } from '../../src/report/compare-html.js';
import { loadScenario } from '../../src/scenario/load.js';
import { buildVariant, parseVariantSpec } from '../../src/scenario/variants.js';
import { parse } from 'yaml';
import type { Model } from '../../src/model/model.js';
import { projectRoot } from '../cli/cli.js';

const file = join(projectRoot, 'scenarios/bank-branch.yaml');
const text = readFileSync(file, 'utf8');

function bank(): Model {
  const loaded = loadScenario(text, file);
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems));
  return loaded.model;
}

function variant(spec: string): Model {
  const parsed = parseVariantSpec(spec);
  if (!parsed.ok) throw new Error(parsed.message);
  const built = buildVariant(parse(text), file, parsed.value);
  if (!built.ok) throw new Error(JSON.stringify(built.problems));
  return built.model;
}

const row = (run: ComparisonRun, scope: string, metric: string) => run.comparison.metrics.find((m) => m.scope === scope && m.metric === metric)!;
const width = (ci: [number, number] | null) => ci![1] - ci![0];

describe('compare: variants on common random numbers', () => {
  it('a scenario compared with itself differs by exactly zero in every metric and scope', async () => {
    const run = await compareVariants([{ name: 'a', model: bank() }, { name: 'b', model: bank() }], { replications: 5 });
    expect(run.comparison.metrics.length).toBeGreaterThan(100);
    for (const m of run.comparison.metrics) {
      const d = m.differences[1];
      if (d === null || d === undefined || d.mean === null) continue;
      expect(d.mean, `${m.scope} ${m.metric}`).toBe(0);
      expect(d.ci95, `${m.scope} ${m.metric}`).toEqual([0, 0]);
      expect(d.differs).toBe(false);
    }
  });

  describe('one more server at the counter over lunch (20 replications)', () => {
    let run: ComparisonRun;
    beforeAll(async () => {
      run = await compareVariants([{ name: 'base', model: bank() }, { name: 'lunch5', model: variant('lunch5: stations.counter.servers.lunch=5') }]);
    });

    it('every variant sees the same customers: arrivals are equal replication by replication', () => {
      const arrivals = row(run, 'system', 'arrivals');
      expect(arrivals.differences[1]).toMatchObject({ mean: 0, sd: 0 });
      expect(run.replications[0]!.map((r) => r.metrics.arrivals)).toEqual(run.replications[1]!.map((r) => r.metrics.arrivals));
    });

    it('the paired CI of the lunch wait is far narrower than the unpaired one (common random numbers work)', () => {
      const wait = row(run, 'period:lunch', 'waitMean').differences[1]!;
      expect(width(wait.ci95)).toBeLessThan(width(wait.ci95Unpaired) / 2);
      expect(wait.differs).toBe(true);
      expect(wait.mean!).toBeLessThan(0);
    });

    it('runs on the first variant’s seed and replications, and reports both variants’ own results', () => {
      expect(run.comparison).toMatchObject({ seed: 42, replications: 20, variants: [{ name: 'base' }, { name: 'lunch5' }] });
      expect(run.summaries.map((s) => s.replications)).toEqual([20, 20]);
      expect(run.summaries[1]!.schedule!.counter!.map((p) => p.servers)).toEqual([3, 5, 3]);
    });
  });
});

describe('compare: what the variants share and what they do not', () => {
  it('runs a variant with a seed of its own on the first variant\'s seed: the same customers', async () => {
    const run = await compareVariants([{ name: 'a', model: bank() }, { name: 'b', model: { ...bank(), seed: 7 } }], { replications: 5 });
    expect(run.comparison.seed).toBe(42);
    expect(row(run, 'system', 'arrivals').differences[1]).toMatchObject({ mean: 0, sd: 0 });
    expect(run.replications[1]!.map((r) => r.metrics.arrivals)).toEqual(run.replications[0]!.map((r) => r.metrics.arrivals));
  });

  it('keeps a metric only one variant has, with no difference: money\'s accounts beside a run without them', async () => {
    const run = await compareVariants([{ name: 'a', model: bank() }, { name: 'm', model: variant('m: money={price: 5, staffCostPerHour: 20}') }], { replications: 3 });
    const own = run.comparison.metrics.filter((m) => m.values[0] === null && m.values[1] !== null);
    expect(own.length).toBeGreaterThan(0);
    for (const m of own) expect(m.differences[1], `${m.scope} ${m.metric}`).toBeNull();
  });

  it('says whether the variants share their customers: not when their segments differ, and the report does not claim it', async () => {
    const renamed = { ...bank(), segments: bank().segments.map((segment, i) => (i === 0 ? { ...segment, id: 'walkIn' } : segment)) };
    const differ = await compareVariants([{ name: 'a', model: bank() }, { name: 'b', model: renamed }], { replications: 2 });
    expect(sameCustomers(differ.comparison)).toBe(false);
    const page = compareHtml('Compare', differ.comparison, [{ source: '', charts: [] }, { source: '', charts: [] }]);
    expect(page).not.toContain('draws the same random numbers, so sees the same customers');
    expect(page).not.toContain('on the same random numbers');
    expect(page).toContain('the variants have different segments, so not the same customers');
    const same = await compareVariants([{ name: 'a', model: bank() }, { name: 'b', model: variant('b: stations.counter.servers.lunch=5') }], { replications: 2 });
    expect(sameCustomers(same.comparison)).toBe(true);
    expect(compareHtml('Compare', same.comparison, [{ source: '', charts: [] }, { source: '', charts: [] }])).toContain('replication r of every variant draws the same random numbers, so sees the same customers wherever the variants&#39; demand is the same');
  });

  it('letters the columns only for a name longer than 16 characters', () => {
    expect(variantColumns(['abcdefghijklmnop', 'b']).lettered).toBe(false);
    expect(variantColumns(['abcdefghijklmnopq', 'b']).lettered).toBe(true);
  });
});

describe('compare.csv', () => {
  it('gives the replications each value rests on (n) and the pairs each difference is over', async () => {
    const { comparisonCsv } = await import('../../src/run/compare-csv.js');
    const { modelOf } = await import('../model-of.js');
    const { sparseScenario: sparse } = await import('../sparse-scenario.js');
    const two = { ...sparse, stations: [{ ...sparse.stations[0]!, servers: 2 }] };
    const run = await compareVariants([{ name: 'one', model: modelOf(sparse) }, { name: 'two', model: modelOf(two) }]);
    const [header, ...rows] = comparisonCsv(run.comparison).trim().split('\n').map((line) => line.split(','));
    const at = (name: string) => header!.indexOf(name);
    const row = (scope: string, metric: string) => rows.find((r) => r[0] === scope && r[1] === metric)!;
    const quiet = row('period:b', 'waitMean');
    const n = run.comparison.metrics.find((m) => m.scope === 'period:b' && m.metric === 'waitMean')!.values[0]!.n!;
    expect(n).toBeLessThan(10);
    expect(quiet[at('one:n')]).toBe(String(n));
    expect(quiet[at('two:pairs')]).toBe(String(n)); // arrivals are common: the same replications have the metric
    expect(row('period:a', 'waitMean')[at('one:n')]).toBe('10');
    expect(row('period:a', 'waitMean')[at('two:pairs')]).toBe('10');
  });
});
