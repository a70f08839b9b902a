/**
 * compare's terminal table: long variant names (files are named by their scenario's name)
 * stand in the columns as letters listed under the heading, so the table stays readable;
 * short names (--set variants) stand as they are.
 */
import { describe, expect, it } from 'vitest';
import { renderComparison } from '../../src/cli/compare-table.js';
import { displayWidth } from '../../src/cli/format.js';
import { differencesTable } from '../../src/report/compare-html.js';
import { compareVariants } from '../../src/run/compare.js';
import { modelOf } from '../model-of.js';

const desk = (servers: number) =>
  modelOf({
    name: 'x',
    seed: 2,
    replications: 5,
    time: { horizon: 120 },
    stations: [{ id: 'desk', servers, service: { dist: 'exponential', mean: 2 } }],
    segments: [{ id: 'c', arrivals: { rate: 0.8 }, route: ['desk'] }],
  });

describe('the comparison in the terminal', () => {
  it('long names become A, B, C in the columns, each named under the heading', async () => {
    const names = ['Coffee counter, as is', 'Coffee counter, wait display and occupied wait', 'Coffee counter, one more barista'];
    const { comparison } = await compareVariants(names.map((name, i) => ({ name, model: desk(2 + i) })));
    const text = renderComparison(comparison, 'Compare');
    expect(text).toContain('  A  Coffee counter, as is\n  B  Coffee counter, wait display and occupied wait\n  C  Coffee counter, one more barista\n');
    expect(text).toContain('Differences are variant − A,');
    expect(text).toMatch(/ B − A \[95% CI\] +C − A \[95% CI\]/);
    const widest = Math.max(...text.split('\n').filter((line) => !line.startsWith('Differences')).map(displayWidth));
    expect(widest).toBeLessThan(130);
    // The report's table heads its columns the same way.
    const report = String(differencesTable(comparison, comparison.metrics.filter((m) => m.scope === 'system')));
    expect(report).toContain('<th scope="col">A</th><th scope="col">B</th><th scope="col">C</th><th scope="col">B − A</th><th scope="col">C − A</th>');
  });

  it('a first variant named A still gets its legend when the others are lettered', async () => {
    const { comparison } = await compareVariants([
      { name: 'A', model: desk(2) },
      { name: 'Priced desk with a much longer name', model: desk(3) },
    ]);
    expect(renderComparison(comparison, 'Compare')).toContain('  A  A\n  B  Priced desk with a much longer name\n');
  });

  it('short names stand as they are', async () => {
    const { comparison } = await compareVariants([
      { name: 'base', model: desk(2) },
      { name: 'three', model: desk(3) },
    ]);
    const text = renderComparison(comparison, 'Compare');
    expect(text).toMatch(/ three − base \[95% CI\]/);
    expect(text).not.toContain('  A  base');
  });

  it('says over how many pairs a difference is, where the metric is undefined in some replications', async () => {
    // Nobody, or hardly anybody, comes to the back desk: its mean wait is undefined in some replications.
    const rare = (rate: number) =>
      modelOf({
        name: 'x',
        seed: 2,
        replications: 6,
        time: { horizon: 120 },
        stations: [{ id: 'desk', servers: 2, service: { dist: 'exponential', mean: 2 } }, { id: 'back', servers: 1, service: { dist: 'exponential', mean: 2 } }],
        segments: [{ id: 'c', arrivals: { rate: 0.8 }, route: ['desk'] }, { id: 'r', arrivals: { rate }, route: ['back'] }],
      });
    const { comparison } = await compareVariants([{ name: 'base', model: rare(0.01) }, { name: 'more', model: rare(0.02) }]);
    const back = comparison.metrics.find((m) => m.scope === 'station:back' && m.metric === 'waitMean')!;
    const pairs = back.differences[1]!.n!;
    expect(pairs).toBeGreaterThan(1);
    expect(pairs).toBeLessThan(6);
    const text = renderComparison(comparison, 'Compare');
    const line = text.split('\n').find((l) => l.trimStart().startsWith('back waitMean'))!;
    expect(line).toContain(`(${pairs} pairs)`);
    expect(text).toContain('(K pairs): over the K replications where both variants have the metric');
    // The report's table says it too.
    const report = String(differencesTable(comparison, comparison.metrics.filter((m) => m.scope === 'station:back')));
    expect(report).toContain(`(${pairs} pairs)</small>`);
    // Where every replication pairs, nothing is said.
    expect(text.split('\n').find((l) => l.trimStart().startsWith('desk waitMean'))).not.toContain('pairs');
    const full = await compareVariants([{ name: 'base', model: desk(2) }, { name: 'three', model: desk(3) }]);
    expect(renderComparison(full.comparison, 'Compare')).not.toContain('pairs');
    // Said only for a row the tables show: not for a segment's metric (compare.csv has those), nor a difference shown as —.
    const withPairs = (pick: (m: (typeof full.comparison.metrics)[number]) => boolean, n: number, mean: number | null = 1) => ({
      ...full.comparison,
      metrics: full.comparison.metrics.map((m) => (pick(m) ? { ...m, differences: m.differences.map((d, i) => (i === 0 || d === null ? d : { ...d, n, mean })) } : m)),
    });
    expect(renderComparison(withPairs((m) => m.scope.startsWith('segment:'), 3), 'Compare')).not.toContain('pairs');
    expect(renderComparison(withPairs((m) => m.scope === 'station:desk' && m.metric === 'waitMean', 0, null), 'Compare')).not.toContain('pairs');
    const one = renderComparison(withPairs((m) => m.scope === 'station:desk' && m.metric === 'waitMean', 1), 'Compare');
    expect(one).toContain('(1 pair)');
    expect(one).toContain('(K pairs): over the K replications');
  });

  it('with one replication, gives the differences without intervals and says why', async () => {
    const one = (servers: number) => ({ ...desk(servers), replications: 1 });
    const { comparison } = await compareVariants([
      { name: 'two', model: one(2) },
      { name: 'three', model: one(3) },
    ]);
    const text = renderComparison(comparison, 'Compare');
    expect(text).toContain('Differences are variant − two, in the one replication; no confidence intervals: they take two or more replications.');
    expect(text).not.toContain('95%');
    expect(text).not.toContain('—');
    expect(text).toMatch(/ three − two$/m);
  });
});
