/**
 * A run with a warm-up says so: the results carry `warmup` (only when there is one, so runs
 * without keep their results as they were), and the terminal and the report name it beside
 * the horizon, since every count and time average starts there.
 */
import { describe, expect, it } from 'vitest';
import { renderSummary } from '../../src/cli/summary-table.js';
import { runReplications } from '../../src/index.js';
import { reportHtml } from '../../src/report/html.js';
import { modelOf } from '../model-of.js';

const office = (time: Record<string, unknown>) =>
  modelOf({
    name: 'Post office',
    replications: 3,
    time: { horizon: 120, ...time },
    stations: [{ id: 'counter', servers: 1, service: { dist: 'exponential', mean: 2 } }],
    segments: [{ id: 'walkIn', arrivals: { rate: 0.3 }, route: ['counter'] }],
  });

describe('the warm-up in the results', () => {
  it('is in the results when there is one, and absent otherwise', () => {
    expect(runReplications(office({ warmup: 30 })).summary.warmup).toBe(30);
    expect('warmup' in runReplications(office({})).summary).toBe(false);
    expect('warmup' in runReplications(office({ warmup: 0 })).summary).toBe(false);
  });

  it('is named beside the horizon in the terminal and in the report', () => {
    const said = 'horizon 120 minutes · warm-up 30 minutes: customers arriving before it are not counted';
    const warmed = runReplications(office({ warmup: 30 })).summary;
    expect(renderSummary(warmed)).toContain(said);
    expect(reportHtml(warmed, [])).toContain(said);
    const cold = runReplications(office({})).summary;
    expect(renderSummary(cold)).not.toContain('warm-up');
    expect(reportHtml(cold, [])).not.toContain('warm-up');
  });
});
