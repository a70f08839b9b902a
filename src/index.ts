/** The library API: what a notebook, a worker or the browser imports. */
export { loadScenario, validateScenario, parseScenarioText, type LoadResult } from './scenario/load.js';
export { scenarioJsonSchema } from './scenario/compose.js';
export type { ScenarioFile } from './scenario/schema.js';
export { formatProblem, type ScenarioProblem } from './scenario/problems.js';
export type { Model } from './model/model.js';
export { simulate, type ReplicationResult } from './run/simulate.js';
export { runReplications, type RunOptions, type RunOutput } from './run/replicate.js';
export { settleModel, runSet } from './run/settle.js';
export { LeverSettleError } from './levers/lever.js';
export { metricCatalogue, metricsOf, type MetricInfo, type MetricKind } from './metrics/catalogue.js';
export type { RunSummary, MetricSummary, PeriodSummary, RunSeries, StationSeries, Band, ScheduledServers } from './metrics/summarise.js';
// Chart specs only: rendering (vega, resvg) and report.html stay in report/index.ts, loaded on demand.
export { chartBuilders, chartsFor, type Chart, type ChartBuilder } from './report/charts/index.js';
