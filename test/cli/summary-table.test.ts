/** The run's terminal tables mark an estimate over fewer replications than the run has. */
import { describe, expect, it } from 'vitest';
import { renderSummary } from '../../src/cli/summary-table.js';
import { reportHtml } from '../../src/report/html.js';
import { runReplications } from '../../src/run/replicate.js';
import { modelOf } from '../model-of.js';
import { sparseScenario as sparse } from '../sparse-scenario.js';

describe('run tables', () => {
  it('mark an estimate defined in k of the replications with (k), and say what it means', () => {
    const { summary } = runReplications(modelOf(sparse));
    const b = summary.periods!.b!.metrics.waitMean!;
    expect(b.n).toBeDefined();
    expect(b.n!).toBeLessThan(10);
    const text = renderSummary(summary);
    const periodRow = text.split('\n').find((line) => line.trimStart().startsWith('b (90–100)'))!;
    expect(periodRow).toContain(` (${b.n})`);
    expect(text.split('\n').find((line) => line.trimStart().startsWith('a (0–90)'))).not.toMatch(/\(\d+\)/);
    expect(text).toContain('(k): over the k replications where the metric is defined');
    // Every replication has every value: no mark and no note.
    const full = renderSummary(runReplications(modelOf({ ...sparse, segments: [{ ...sparse.segments[0]!, arrivals: { rate: 0.3 } }], time: { horizon: 100 } })).summary);
    expect(full).not.toContain('(k):');
  });

  it('with one replication, say there are no intervals and show values without a CI column', () => {
    const one = runReplications(modelOf({ ...sparse, replications: 1 })).summary;
    const text = renderSummary(one);
    expect(text.split('\n')[1]).toMatch(/^1 replication · .* · no confidence intervals: they take two or more replications$/);
    expect(text).not.toContain('95%');
    expect(text).toMatch(/^ {2}System +value$/m);
    expect(renderSummary(runReplications(modelOf({ ...sparse, replications: 2 })).summary)).toMatch(/^ {2}System +mean +95% CI$/m);
  });

  it('with a warm-up, say of each period how much of it was counted', () => {
    // Periods a (0–90) and b (90–100); the warm-up ends inside b (one past both is refused: it must end before the horizon).
    const inside = runReplications(modelOf({ ...sparse, time: { ...sparse.time, warmup: 95 } })).summary;
    const text = renderSummary(inside);
    expect(text).toMatch(/^ {2}a \(0–90, in the warm-up\) /m);
    expect(text).toMatch(/^ {2}b \(90–100, counted from 95\) /m);
    const page = reportHtml(inside, []);
    expect(page).toContain('<td>0 – 90, in the warm-up</td>');
    expect(page).toContain('<td>90 – 100, counted from 95</td>');
    // Without a warm-up, the periods' times alone.
    expect(renderSummary(runReplications(modelOf(sparse)).summary)).toMatch(/^ {2}a \(0–90\) /m);
  });
});

