/**
 * `queuesim sweep base.yaml --vary KEY.PATH=2..8 [--vary KEY.PATH=2,3,5]`: run the grid on
 * common random numbers, print a row per point, write out/<slug>/ (sweep.csv, sweep.json,
 * report.html with the trade-off charts, charts/).
 */
import { join } from 'node:path';
import { parseAxis, type Axis } from '../run/grid.js';
import type { Runner } from '../run/runner.js';
import { interruptedAfterWriting, withInterruption, withWorkers } from './workers.js';
import type { Interruption } from './interrupt.js';
import { RunInterrupted } from '../run/pool.js';
import { pointMetrics, runSweep, sweepModels, type SweepPoint, type SweepResult } from '../run/sweep.js';
import { rowsRunner } from '../run/pool-runner.js';
import { sweepCsv } from '../run/sweep-csv.js';
import { outputFolderReady, slugOf, writeResultFolder } from './output.js';
import { ProgressBar } from './progress.js';
import { reportProblems } from './scenario-files.js';
import { dataOfText, readScenarioText } from './scenario-texts.js';
import type { JobInputs } from './shard-manifest.js';
import { shardOfCommand, type ShardOptions } from './shard-option.js';
import type { ModelRows } from './shard-rows.js';
import { renderSweep } from './sweep-table.js';
import { usageError } from './usage.js';

/** Problems of a grid's points printed before the rest are only counted. */
const GRID_PROBLEMS_SHOWN = 8;

/** Where and how results are written and told: the same for a sweep and its merge. */
export interface SweepOutputOptions {
  out: string;
  json?: boolean;
  quiet?: boolean;
  report?: boolean;
}

export interface SweepCommandOptions extends SweepOutputOptions, ShardOptions {
  vary?: string[];
  name?: string;
  reps?: number;
  seed?: number;
  /** Worker threads; default: every core. */
  workers?: number;
}

/**
 * The results without the over-the-day series: every metric of every scope and period, per
 * point, as JSON.stringify(…, null, 2) would write them. Each point is stringified on its own
 * and the pieces joined as bytes, because a grid of thousands of points (some 70 kB each)
 * would pass the longest string JavaScript can hold, and the sweep would fail after running.
 */
export function sweepJson(title: string, sweep: SweepResult): Uint8Array {
  const head = JSON.stringify({ name: title, seed: sweep.seed, replications: sweep.replications, unit: sweep.unit, axes: sweep.axes, points: [] }, null, 2);
  const open = head.slice(0, head.lastIndexOf('[]')); // …"points": 
  const pieces: Buffer[] = [Buffer.from(open)];
  sweep.points.forEach((p, i) => {
    const point = {
      values: Object.fromEntries(sweep.axes.map((a, k) => [a.path, p.values[k]])),
      metrics: pointMetrics(p),
      stations: p.summary.stations,
      segments: p.summary.segments,
      periods: p.summary.periods,
    };
    // An element of the array is indented two levels; JSON text has no raw newline inside strings.
    pieces.push(Buffer.from(`${i === 0 ? '[\n    ' : ',\n    '}${JSON.stringify(point, null, 2).replaceAll('\n', '\n    ')}`));
  });
  pieces.push(Buffer.from(sweep.points.length === 0 ? '[]\n}\n' : '\n  ]\n}\n'));
  return Buffer.concat(pieces);
}

type SweepInputs = JobInputs & { command: 'sweep' };

/** A sweep ready to run: its axes, points, title, seed and replications. */
interface SweepPlan {
  inputs: SweepInputs;
  axes: Axis[];
  points: SweepPoint[];
  title: string;
  seed: number;
  replications: number;
}

/** The --vary axes, or the exit code of a usage error (printed). */
function axesOf(specs: readonly string[]): Axis[] | number {
  if (specs.length < 1 || specs.length > 2) return usage('give one or two --vary KEY.PATH=from..to[:step] (or =2,3,5).');
  const axes: Axis[] = [];
  for (const spec of specs) {
    const axis = parseAxis(spec);
    if (!axis.ok) return usage(`--vary ${axis.message}`);
    axes.push(axis.value);
  }
  if (axes.length === 2 && axes[0]!.path === axes[1]!.path) return usage('the two --vary name the same key path.');
  return axes;
}

/** The sweep the inputs describe, or the exit code after reporting what is wrong: the same for a run, a shard and a merge. */
function planSweep(inputs: SweepInputs): SweepPlan | number {
  const axes = axesOf(inputs.vary);
  if (typeof axes === 'number') return axes;
  const [source] = inputs.files;
  const base = dataOfText(source);
  if (!base.ok) {
    reportProblems(base.problems);
    return 2;
  }
  const grid = sweepModels(base.data, source.path, axes);
  if (!grid.ok) {
    // Every point of a grid may have the same problem (a key that takes no number): the first few say it.
    reportProblems(grid.problems, GRID_PROBLEMS_SHOWN);
    return 2;
  }
  const title = inputs.name ?? `Sweep ${base.model.name} over ${axes.map((a) => a.path).join(' and ')}`;
  return { inputs, axes, points: grid.points, title, seed: inputs.seed ?? base.model.seed, replications: inputs.reps ?? base.model.replications };
}

/** Checks the axes, reads the file and plans the sweep; an exit code after reporting what is wrong. */
async function readPlan(file: string, options: SweepCommandOptions): Promise<SweepPlan | number> {
  const vary = options.vary ?? [];
  const axes = axesOf(vary);
  if (typeof axes === 'number') return axes;
  const read = await readScenarioText(file);
  if (!read.ok) {
    reportProblems(read.problems);
    return 2;
  }
  return planSweep({ command: 'sweep', files: [read.source], vary, name: options.name, reps: options.reps, seed: options.seed });
}

export async function sweepCommand(file: string, options: SweepCommandOptions): Promise<number> {
  const shard = shardOfCommand(options, 'sweep');
  if (typeof shard === 'number') return shard;
  if (shard === undefined) return withWorkers(options.workers, (runner, interruption) => sweepWith(runner, file, options, interruption));
  const { runShard } = await import('./shard-run.js');
  return runShard(shard, options, async () => {
    const plan = await readPlan(file, options);
    if (typeof plan === 'number') return plan;
    const models = plan.points.map((p) => ({ model: p.model, file, what: `the point ${plan.axes.map((axis, a) => `${axis.path}=${p.values[a]}`).join(', ')}`, seed: plan.seed, replications: plan.replications }));
    return [{ slug: slugOf(plan.title), inputs: plan.inputs, models, kind: 'points' }];
  });
}

async function sweepWith(runner: Runner, file: string, options: SweepCommandOptions, interruption: Interruption): Promise<number> {
  const plan = await readPlan(file, options);
  if (typeof plan === 'number') return plan;
  if (!(await outputFolderReady(options.out, 'run', [slugOf(plan.title)]))) return 2;
  return writeSweep(plan, runner, options, interruption);
}

/**
 * The sweep's results from each point's rows — run on the threads, or read back from the
 * shards (mergeSweep) — by one code path: sweep.csv, sweep.json and the report, written
 * whole; the table printed.
 */
async function writeSweep(plan: SweepPlan, runner: Runner, options: SweepOutputOptions, interruption: Interruption): Promise<number> {
  const { title, replications: reps } = plan;
  const progress = new ProgressBar(`replications of ${plan.points.length} points · ${title}`, { enabled: !options.quiet && !options.json });
  const total = plan.points.length * reps;
  let sweep: SweepResult;
  try {
    sweep = await runSweep(plan.axes, plan.points, {
      seed: plan.seed,
      replications: reps,
      runner,
      onProgress: (point, done) => progress.update(point * reps + done, total),
    });
  } finally {
    progress.done();
  }
  if (interruption.signal.aborted) throw new RunInterrupted(); // before the report, which takes a while
  const report = options.report === false ? {} : await (await import('../report/sweep.js')).buildSweepReport(title, sweep);
  const json = sweepJson(title, sweep);
  const folder = await writeResultFolder(options.out, slugOf(title), { 'sweep.csv': sweepCsv(sweep), 'sweep.json': json, ...report }, interruption);
  const stopped = interruptedAfterWriting(interruption, folder);
  if (stopped !== undefined) return stopped;
  if (options.json) process.stdout.write(json);
  else if (!options.quiet) {
    const reportLine = 'report.html' in report ? `Report:  ${join(folder, 'report.html')}\n` : '';
    process.stdout.write(`${renderSweep(sweep, title)}\n\nWritten: ${folder}/sweep.csv, sweep.json\n${reportLine}`);
  }
  return 0;
}

/** `queuesim merge` of a sweep's shards: exactly the files and output of `queuesim sweep`. */
export async function mergeSweep(inputs: SweepInputs, rows: ModelRows, options: SweepOutputOptions): Promise<number> {
  const plan = planSweep(inputs);
  if (typeof plan === 'number') return plan;
  const runner = rowsRunner(({ model, settled, onProgress }, sink) => rows(plan.points.findIndex((p) => p.model === model), settled, sink, onProgress));
  return withInterruption(plan.title, (interruption) => writeSweep(plan, runner, options, interruption));
}

function usage(message: string): number {
  return usageError('sweep', message);
}
