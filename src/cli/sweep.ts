/**
 * `queuesim sweep base.yaml --vary KEY.PATH=2..8 [--vary KEY.PATH=a,b,c]`: run the grid on
 * common random numbers, print a row per point, write out/<slug>/ (sweep.csv, sweep.json,
 * report.html with the trade-off charts, charts/).
 */
import { join } from 'node:path';
import { parseAxis, type Axis } from '../run/grid.js';
import type { Runner } from '../run/runner.js';
import { withWorkers } from './workers.js';
import { pointMetrics, runSweep, sweepModels, type SweepResult } from '../run/sweep.js';
import { sweepCsv } from '../run/sweep-csv.js';
import { checkOutputFolder, slugOf, writeResultFolder } from './output.js';
import { ProgressBar } from './progress.js';
import { loadScenarioData, reportProblems } from './scenario-files.js';
import { renderSweep } from './sweep-table.js';

export interface SweepCommandOptions {
  vary?: string[];
  name?: string;
  reps?: number;
  seed?: number;
  out: string;
  json?: boolean;
  quiet?: boolean;
  report?: boolean;
  /** Worker threads; default: every core. */
  workers?: number;
}

/** The results without the over-the-day series: every metric of every scope and period, per point. */
export function sweepJson(title: string, sweep: SweepResult): string {
  const points = sweep.points.map((p) => ({
    values: Object.fromEntries(sweep.axes.map((a, i) => [a.path, p.values[i]])),
    metrics: pointMetrics(p),
    stations: p.summary.stations,
    segments: p.summary.segments,
    periods: p.summary.periods,
  }));
  return JSON.stringify({ name: title, seed: sweep.seed, replications: sweep.replications, unit: sweep.unit, axes: sweep.axes, points }, null, 2) + '\n';
}

export async function sweepCommand(file: string, options: SweepCommandOptions): Promise<number> {
  return withWorkers(options.workers, (runner) => sweepWith(runner, file, options));
}

async function sweepWith(runner: Runner, file: string, options: SweepCommandOptions): Promise<number> {
  const specs = options.vary ?? [];
  if (specs.length < 1 || specs.length > 2) return usage('give one or two --vary KEY.PATH=from..to[:step] (or =a,b,c).');
  const axes: Axis[] = [];
  for (const spec of specs) {
    const axis = parseAxis(spec);
    if (!axis.ok) return usage(`--vary ${axis.message}`);
    axes.push(axis.value);
  }
  if (axes.length === 2 && axes[0]!.path === axes[1]!.path) return usage('the two --vary name the same key path.');
  const base = await loadScenarioData(file);
  if (!base.ok) {
    reportProblems(base.problems);
    return 2;
  }
  const grid = sweepModels(base.data, file, axes);
  if (!grid.ok) {
    reportProblems(grid.problems);
    return 2;
  }
  const outProblem = await checkOutputFolder(options.out);
  if (outProblem !== undefined) {
    process.stderr.write(`error: ${outProblem}; nothing was run.\n`);
    return 2;
  }
  const title = options.name ?? `Sweep ${base.model.name} over ${axes.map((a) => a.path).join(' and ')}`;
  const progress = new ProgressBar(`points · ${title}`, { enabled: !options.quiet && !options.json });
  const reps = options.reps ?? base.model.replications;
  const total = grid.points.length * reps;
  let sweep: SweepResult;
  try {
    sweep = await runSweep(axes, grid.points, {
      seed: options.seed ?? base.model.seed,
      replications: reps,
      runner,
      onProgress: (point, done) => progress.update(point * reps + done, total),
    });
  } finally {
    progress.done();
  }
  const report = options.report === false ? {} : await (await import('../report/sweep.js')).buildSweepReport(title, sweep);
  const json = sweepJson(title, sweep);
  const folder = await writeResultFolder(options.out, slugOf(title), { 'sweep.csv': sweepCsv(sweep), 'sweep.json': json, ...report });
  if (options.json) process.stdout.write(json);
  else if (!options.quiet) {
    const reportLine = 'report.html' in report ? `Report:  ${join(folder, 'report.html')}\n` : '';
    process.stdout.write(`${renderSweep(sweep, title)}\n\nWritten: ${folder}/sweep.csv, sweep.json\n${reportLine}`);
  }
  return 0;
}

function usage(message: string): number {
  process.stderr.write(`error: ${message}\n(run queuesim sweep --help for usage)\n`);
  return 2;
}
