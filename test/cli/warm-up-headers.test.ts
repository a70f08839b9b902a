/**
 * A warm-up named wherever results are shown, in run's words: compare's and sweep's headings
 * and compare's period rows, terminal and report, and the analytic baseline's period rows.
 */
import { describe, expect, it } from 'vitest';
import { analyticBaseline } from '../../src/baseline/baseline.js';
import { renderBaseline } from '../../src/cli/baseline-table.js';
import { renderComparison } from '../../src/cli/compare-table.js';
import { baselineSection } from '../../src/report/baseline-table.js';
import { runReplications } from '../../src/run/replicate.js';
import { renderSweep } from '../../src/cli/sweep-table.js';
import { compareHtml } from '../../src/report/compare-html.js';
import { sweepHtml } from '../../src/report/sweep-html.js';
import { compareVariants } from '../../src/run/compare.js';
import { parseAxis } from '../../src/run/grid.js';
import { runSweep, sweepModels } from '../../src/run/sweep.js';
import { modelOf } from '../model-of.js';
import { sparseScenario } from '../sparse-scenario.js';

const warmed = (warmup: number) => ({ ...sparseScenario, replications: 3, time: { ...sparseScenario.time, warmup } });
const words = 'warm-up 20 minutes: customers arriving before it are not counted';

describe('a warm-up in the headings of compare and sweep', () => {
  it('compare: the variants\' shared warm-up, or that theirs differ', async () => {
    const shared = await compareVariants([{ name: 'a', model: modelOf(warmed(20)) }, { name: 'b', model: modelOf({ ...warmed(20), stations: [{ ...sparseScenario.stations[0]!, servers: 2 }] }) }]);
    expect(renderComparison(shared.comparison, 'Compare', shared.summaries).split('\n')[1]).toContain(` · ${words} · `);
    expect(compareHtml('Compare', shared.comparison, [], shared.summaries)).toContain(` · ${words} · `);
    const differ = await compareVariants([{ name: 'a', model: modelOf(warmed(20)) }, { name: 'b', model: modelOf(warmed(40)) }]);
    expect(renderComparison(differ.comparison, 'Compare', differ.summaries).split('\n')[1]).toContain(' · warm-ups differ (each summary.json gives its own)');
    const none = await compareVariants([{ name: 'a', model: modelOf(sparseScenario) }, { name: 'b', model: modelOf(sparseScenario) }], { replications: 2 });
    expect(renderComparison(none.comparison, 'Compare', none.summaries)).not.toContain('warm-up');
  });

  it('compare: each period row says what of the period the variants\' warm-ups left out, as run\'s rows do', async () => {
    const rowsOf = (text: string) => text.split('\n').filter((line) => /^ {2}[ab][ (]/.test(line)).map((line) => line.trim().split(/ {2,}/)[0]);
    const shared = await compareVariants([{ name: 'x', model: modelOf(warmed(20)) }, { name: 'y', model: modelOf(warmed(20)) }]);
    expect(rowsOf(renderComparison(shared.comparison, 'Compare', shared.summaries))).toContain('a (counted from 20) arrivals');
    expect(rowsOf(renderComparison(shared.comparison, 'Compare', shared.summaries))).toContain('b waitMean');
    expect(compareHtml('Compare', shared.comparison, [], shared.summaries)).toContain('<th scope="row">period a (counted from 20) · arrivals</th>');

    const differ = await compareVariants([{ name: 'x', model: modelOf(warmed(20)) }, { name: 'y', model: modelOf(warmed(95)) }]);
    const rows = rowsOf(renderComparison(differ.comparison, 'Compare', differ.summaries));
    expect(rows).toContain('a (counted from 20 in x; in the warm-up of y) arrivals');
    expect(rows).toContain('b (counted from 95 in y) arrivals');
    expect(compareHtml('Compare', differ.comparison, [], differ.summaries)).toContain('<th scope="row">period b (counted from 95 in y) · waitMean</th>');

    // compare.json and --json say each variant's warm-up, as its summary.json does.
    expect(differ.comparison.variants.map((v) => v.warmup)).toEqual([20, 95]);

    const none = await compareVariants([{ name: 'x', model: modelOf(sparseScenario) }, { name: 'y', model: modelOf(sparseScenario) }], { replications: 2 });
    expect(rowsOf(renderComparison(none.comparison, 'Compare', none.summaries))).toContain('a arrivals');
    expect(none.comparison.variants.every((v) => !('warmup' in v))).toBe(true);
  });

  it('sweep: the points\' warm-up', async () => {
    const axis = parseAxis('stations.desk.servers=1,2');
    if (!axis.ok) throw new Error(axis.message);
    const grid = sweepModels(warmed(20), 'sparse.yaml', [axis.value]);
    if (!grid.ok) throw new Error(JSON.stringify(grid.problems));
    const sweep = await runSweep([axis.value], grid.points);
    expect(renderSweep(sweep, 'Sweep').split('\n')[1]).toContain(` · ${words} · `);
    expect(sweepHtml('Sweep', sweep, [])).toContain(` · ${words} · `);
  });

  it('the analytic baseline: each period row says what of it the warm-up left out', () => {
    const model = modelOf(warmed(95));
    const { summary } = runReplications(model);
    const rows = analyticBaseline(model);
    const text = renderBaseline(rows, summary);
    expect(text).toMatch(/^ {2}desk +a \(in the warm-up\) {2,}/m);
    expect(text).toMatch(/^ {2}desk +b \(counted from 95\) {2,}/m);
    const section = baselineSection(rows, summary).text;
    expect(section).toContain('<td>a (in the warm-up)</td>');
    expect(section).toContain('<td>b (counted from 95)</td>');
    const plain = modelOf({ ...sparseScenario, replications: 2 });
    expect(renderBaseline(analyticBaseline(plain), runReplications(plain).summary)).toMatch(/^ {2}desk +a {2,}/m);
  });
});
