/**
 * Shared helpers of the theory suite: run a scenario through the normal path (validate,
 * resolve, replicate, summarise), and assert that an exact theoretical value lies inside the
 * simulator's own 95% confidence interval.
 *
 * Two rules keep the checks honest:
 *  - the CI is the simulator's, unchanged: never widened, never re-centred;
 *  - a CI too wide to judge anything fails too (`maxRelativeHalfWidth`), so a check cannot
 *    pass merely because the run was short or the estimate noisy.
 *
 * Set THEORY_REPORT=1 to print every check (exact value, estimate, CI) as it runs.
 */
import { expect } from 'vitest';
import { runReplications, validateScenario, type MetricSummary, type RunOutput } from '../../src/index.js';

/** Validates a scenario built in code and runs all its replications; invalid input throws. */
export function runScenario(scenario: Record<string, unknown>): RunOutput {
  const loaded = validateScenario(scenario, `(theory: ${String(scenario.name)})`);
  if (!loaded.ok) throw new Error(`invalid test scenario: ${JSON.stringify(loaded.problems, null, 2)}`);
  return runReplications(loaded.model);
}

export interface CiCheckOptions {
  /**
   * Largest acceptable CI half-width, relative to the exact value (default 0.05). A wider CI
   * means the run is too short to test anything: the check fails and asks for a longer run.
   */
  maxRelativeHalfWidth?: number;
}

function fmt(x: number): string {
  return Number.isFinite(x) ? x.toPrecision(7) : String(x);
}

/** One line describing a metric against its exact value, for messages and reports. */
export function describeCheck(label: string, exact: number, metric: MetricSummary): string {
  const [lo, hi] = metric.ci95 ?? [NaN, NaN];
  const half = (hi - lo) / 2;
  const mean = metric.mean ?? NaN;
  const offBy = half > 0 ? (mean - exact) / half : NaN;
  return (
    `${label}: exact ${fmt(exact)}, estimate ${fmt(mean)}, 95% CI [${fmt(lo)}, ${fmt(hi)}] ` +
    `(half-width ${fmt(half)} = ${(100 * half / Math.abs(exact)).toFixed(2)}% of exact; ` +
    `estimate − exact = ${offBy.toFixed(2)} half-widths; sd ${fmt(metric.sd ?? NaN)}` +
    `${metric.n !== undefined ? `; defined in only ${metric.n} replications` : ''})`
  );
}

/**
 * Asserts that `exact` lies in the 95% CI of `metric`, and that the CI is narrow enough to
 * mean something. The failure message shows the exact value, the estimate and the CI.
 */
export function expectInCi(
  metric: MetricSummary | undefined,
  exact: number,
  label: string,
  options: CiCheckOptions = {},
): void {
  const maxRelativeHalfWidth = options.maxRelativeHalfWidth ?? 0.05;
  expect(metric, `${label}: metric missing from the summary`).toBeDefined();
  const m = metric!;
  expect(m.ci95, `${label}: no confidence interval (fewer than two replications defined it)`).not.toBeNull();
  expect(m.n, `${label}: metric undefined in some replications (n = ${m.n})`).toBeUndefined();
  const line = describeCheck(label, exact, m);
  if (process.env.THEORY_REPORT) console.log(`[theory] ${line}`);
  const [lo, hi] = m.ci95!;
  expect(lo <= exact && exact <= hi, `exact value outside the simulator's 95% CI — ${line}`).toBe(true);
  const half = (hi - lo) / 2;
  expect(
    half <= maxRelativeHalfWidth * Math.abs(exact),
    `CI too wide to judge (allowed ${100 * maxRelativeHalfWidth}% of exact) — ${line}`,
  ).toBe(true);
}
