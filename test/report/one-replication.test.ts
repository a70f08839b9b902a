/**
 * Reports of one replication, as the terminal shows them: values without intervals, and
 * words that say there are none, not "95% CI" over columns of dashes.
 */
import { describe, expect, it } from 'vitest';
import { compareHtml } from '../../src/report/compare-html.js';
import { reportHtml } from '../../src/report/html.js';
import { sweepHtml } from '../../src/report/sweep-html.js';
import { compareVariants } from '../../src/run/compare.js';
import { parseAxis } from '../../src/run/grid.js';
import { runReplications } from '../../src/run/replicate.js';
import { runSweep, sweepModels } from '../../src/run/sweep.js';
import { modelOf } from '../model-of.js';
import { sparseScenario } from '../sparse-scenario.js';

const scenario = (replications: number) => ({ ...sparseScenario, replications });

describe('a report of one replication', () => {
  it('run: key figures and the system table give values, no interval; the header and footer say why', () => {
    const one = reportHtml(runReplications(modelOf(scenario(1))).summary, []);
    expect(one).not.toContain('95%');
    expect(one).toContain('<th scope="col">metric</th><th scope="col">value</th><th scope="col" class="meaning">meaning</th>');
    expect(one).toContain('no confidence intervals: they take two or more replications');
    expect(one).toContain('Cells read the values of the one replication.');
    const two = reportHtml(runReplications(modelOf(scenario(2))).summary, []);
    expect(two).toContain('<span class="ci">95% CI ');
    expect(two).toContain('<th scope="col">95% CI</th>');
  });

  it('compare: each difference without an interval or a mark, and a paragraph that says so', async () => {
    const variants = (replications: number) => [
      { name: 'one desk', model: modelOf(scenario(replications)) },
      { name: 'two desks', model: modelOf({ ...scenario(replications), stations: [{ ...sparseScenario.stations[0]!, servers: 2 }] }) },
    ];
    const page = async (replications: number) => {
      const { comparison } = await compareVariants(variants(replications));
      return compareHtml('Compare', comparison, comparison.variants.map(() => ({ source: '', charts: [] })));
    };
    const one = await page(1);
    expect(one).not.toContain('95%');
    expect(one).not.toMatch(/<td class="differs">/);
    expect(one).toContain('A difference is the variant minus one desk, in that replication, on the same random numbers; no confidence intervals: they take two or more replications.');
    expect(await page(3)).toContain('with the 95% CI of the paired difference');
  });

  it('sweep: the table of points says its values are one replication\'s', async () => {
    const axis = parseAxis('stations.desk.servers=1,2');
    if (!axis.ok) throw new Error(axis.message);
    const page = async (replications: number) => {
      const grid = sweepModels(scenario(replications), 'sparse.yaml', [axis.value]);
      if (!grid.ok) throw new Error(JSON.stringify(grid.problems));
      return sweepHtml('Sweep', await runSweep([axis.value], grid.points), []);
    };
    const one = await page(1);
    expect(one).not.toContain('95%');
    expect(one).toContain('The values of the one replication at each point (no confidence intervals: they take two or more replications)');
    expect(one).not.toContain('<small>—</small>'); // no empty interval line under a value
    expect(await page(2)).toContain('Means over replications, the 95% confidence interval underneath');
  });
});
