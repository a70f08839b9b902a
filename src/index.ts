/** The library API: what a notebook, a worker or the browser imports. */
export { loadScenario, validateScenario, parseScenarioText, type LoadResult } from './scenario/load.js';
export { scenarioJsonSchema } from './scenario/compose.js';
export type { ScenarioFile } from './scenario/schema.js';
export { formatProblem, type ScenarioProblem } from './scenario/problems.js';
export type { Model } from './model/model.js';
export { simulate, type ReplicationResult } from './run/simulate.js';
export { runReplications, type RunOptions, type RunOutput } from './run/replicate.js';
export { settleModel, runSet, SettleFailed } from './run/settle.js';
export { LeverSettleError } from './levers/lever.js';
export { metricCatalogue, metricsOf, type MetricInfo, type MetricKind } from './metrics/catalogue.js';
export type { RunSummary, MetricSummary, PeriodSummary, RunSeries, StationSeries, Band, ScheduledServers } from './metrics/summarise.js';
// Chart specs only: rendering (vega, resvg) and report.html stay in report/index.ts, loaded on demand.
export { chartBuilders, chartsFor, type Chart, type ChartBuilder } from './report/charts/index.js';
// Multi-run analyses: variants on common random numbers, sweeps, staffing, the analytic baseline.
export { parseKeyPath, readKeyPath, setKeyPath, type PathPart } from './scenario/key-path.js';
export { parseVariantSpec, buildVariant, type VariantSpec, type Assignment } from './scenario/variants.js';
export type { Runner } from './run/runner.js';
export { sequentialRunner } from './run/runner.js';
export { compareVariants, type Variant, type Comparison, type ComparedMetric, type ComparisonRun, type CompareOptions } from './run/compare.js';
export { pairedDifference, welchInterval, type DifferenceSummary } from './metrics/paired.js';
export { parseAxis, parseValues, gridPoints, type Axis } from './run/grid.js';
export { sweepModels, runSweep, type SweepResult, type SweptPoint, type SweepOptions } from './run/sweep.js';
export { staff, withStaffing, type StaffResult, type StaffOptions, type StaffStep } from './run/staff.js';
export { parseTarget, type Target } from './run/targets.js';
export { startStaffing } from './run/staff-start.js';
export { analyticBaseline, baselineFor, type BaselineRow, type BaselineModel } from './baseline/baseline.js';
export { tradeOffCharts } from './report/charts/trade-off.js';
