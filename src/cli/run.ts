/**
 * `queuesim run FILE...`: simulate, print the tables (or the JSON), write out/<slug>/.
 *
 * Replications run on worker threads (run/pool.ts) and stream into replications.csv in the
 * staging folder as they finish (run/streamed-run.ts), so memory stays flat however many
 * replications a file asks for, and Ctrl-C stops at once: the threads are terminated, the
 * staging folder removed, and result folders already written stay whole.
 */
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import type { RunSummary } from '../metrics/summarise.js';
import type { Model } from '../model/model.js';
import { ReplicationFailed, ReplicationPool, RunInterrupted, type RowsSink } from '../run/pool.js';
import { settleOnPool, type SettleProgress } from '../run/pool-runner.js';
import type { Settle } from '../run/settle.js';
import type { ScenarioProblem } from '../scenario/problems.js';
import { Interruption } from './interrupt.js';
import { withPool } from './with-pool.js';
import type { ModelRows } from './shard-rows.js';
import { outputFolderReady, ResultFolderProblem, slugOf, stageResultFolder, writeStagedFiles, type StagedFolder } from './output.js';
import { ProgressBar } from './progress.js';
import type { JobInputs } from './shard-manifest.js';
import { shardOfCommand, type ShardOptions } from './shard-option.js';
import type { ScenarioText } from './scenario-texts.js';

/** Where and how results are written and told: the same for a run and its merge. */
export interface RunOutputOptions {
  out: string;
  json?: boolean;
  quiet?: boolean;
  /** false with --no-report: no report.html and no charts/. */
  report?: boolean;
}

export interface RunCommandOptions extends RunOutputOptions, ShardOptions {
  reps?: number;
  seed?: number;
  /** Worker threads; default: every core. */
  workers?: number;
}

export async function runCommand(files: string[], options: RunCommandOptions): Promise<number> {
  const shard = shardOfCommand(options, 'run');
  if (typeof shard === 'number') return shard;
  if (shard !== undefined) {
    const { runShard } = await import('./shard-run.js');
    return runShard(shard, options, async () => {
      const loaded = await loadRunFiles(files, options);
      if (typeof loaded === 'number') return loaded;
      const run = createHash('sha256').update(JSON.stringify(loaded.map((entry) => entry.inputs))).digest('hex').slice(0, 16);
      return loaded.map((entry, index) => {
        const inputs = loaded.length > 1 ? { ...entry.inputs, place: { index, of: loaded.length, run } } : entry.inputs;
        return { slug: slugOf(entry.model.name), inputs, models: [entry] };
      });
    });
  }
  return withPool(options.workers, (pool, interruption) => runFiles(files, options, pool, interruption));
}

/** A file to run: its model, the seed and replications it runs with, and the inputs a shard records. */
interface RunEntry {
  file: string;
  model: Model;
  seed: number;
  replications: number;
  inputs: JobInputs & { command: 'run' };
}

function runEntry(source: ScenarioText, model: Model, options: { reps?: number; seed?: number }): RunEntry {
  return {
    file: source.path,
    model,
    seed: options.seed ?? model.seed,
    replications: options.reps ?? model.replications,
    inputs: { command: 'run', files: [source], reps: options.reps, seed: options.seed },
  };
}

/** Every file's model, or the exit code after reporting every problem of every file. */
async function loadRunFiles(files: string[], options: RunCommandOptions): Promise<RunEntry[] | number> {
  const { reportProblems } = await import('./scenario-files.js');
  const { readScenarioText, modelOfText } = await import('./scenario-texts.js');
  const loaded: RunEntry[] = [];
  const problems: ScenarioProblem[] = [];
  for (const file of files) {
    const read = await readScenarioText(file);
    const result = read.ok ? modelOfText(read.source) : read;
    if (read.ok && result.ok) loaded.push(runEntry(read.source, result.model, options));
    else if (!result.ok) problems.push(...result.problems);
  }
  const folders = new Map<string, string>();
  for (const { file, model } of loaded) {
    const slug = slugOf(model.name);
    const other = folders.get(slug);
    if (other !== undefined) {
      const clash = other === file ? 'the file is given twice' : `it would write to the same folder (${join(options.out, slug)}) as ${other}; give the scenarios different names`;
      problems.push({ file, path: ['name'], message: clash });
    }
    folders.set(slug, file);
  }
  if (problems.length > 0) {
    reportProblems(problems);
    return 2;
  }
  const { overloadedStations, overloadWarning } = await import('../baseline/overload.js');
  for (const { file, model } of loaded) for (const overload of overloadedStations(model)) process.stderr.write(`${overloadWarning(file, overload)}\n`);
  return loaded;
}

let reportModule: Promise<typeof import('../report/index.js')> | undefined;

/**
 * The report code, imported once. vega and resvg take a few hundred ms to import, so a run
 * starts the import as soon as its first replications are on the threads: this thread
 * imports while they simulate. Not sooner: importing holds this thread, and the threads
 * wait for the scenario that this thread reads and checks.
 */
function loadReport(): Promise<typeof import('../report/index.js')> {
  return (reportModule ??= import('../report/index.js'));
}

async function runFiles(files: string[], options: RunCommandOptions, pool: ReplicationPool, interruption: Interruption): Promise<number> {
  const loaded = await loadRunFiles(files, options);
  if (typeof loaded === 'number') return loaded;
  if (!(await outputFolderReady(options.out, 'run', loaded.map((entry) => slugOf(entry.model.name))))) return 2;
  pool.start(Math.max(...loaded.map((entry) => entry.replications)));

  const summaries: RunSummary[] = [];
  const written: string[] = [];
  for (const entry of loaded) {
    const rows: SettledRows = (settled, sink, onProgress) => {
      const running = pool.run({ model: settled, seed: entry.seed, replications: entry.replications }, sink, { signal: interruption.signal, onProgress });
      if (options.report !== false) loadReport().catch(() => {}); // a failure surfaces where it is awaited
      return running;
    };
    const summary = await writeRunResult(entry, rows, options, interruption, written, (onProgress) => settleOnPool(pool, interruption.signal, onProgress));
    if (typeof summary === 'number') return summary;
    summaries.push(summary);
  }
  if (options.json) {
    process.stdout.write(JSON.stringify(summaries.length === 1 ? summaries[0] : summaries, null, 2) + '\n');
  }
  return interruption.signal.aborted ? failed(new RunInterrupted(), undefined, written, interruption) : 0;
}

/** Passes every row of the settled model to `sink`, in replication order. */
type SettledRows = (settled: Model, sink: RowsSink, onProgress: (done: number, total: number) => void) => Promise<void>;

/**
 * One file's results from its rows — run on the threads, or read back from its shards
 * (mergeRun) — by one code path: settle, rows into replications.csv and the summary, the
 * report, the folder committed whole, the tables printed. Returns the summary or an exit code.
 */
async function writeRunResult(
  entry: Omit<RunEntry, 'inputs'>,
  rows: SettledRows,
  options: RunOutputOptions,
  interruption: Interruption,
  written: string[],
  settleOn?: (onProgress: SettleProgress) => Settle,
): Promise<RunSummary | number> {
  const { settleOrReport } = await import('./settle-or-report.js');
  const { rowsToCsv } = await import('../run/streamed-run.js');
  const { seriesCsv } = await import('../run/csv.js');
  const { analyticBaseline } = await import('../baseline/baseline.js');
  const { file, model, seed, replications } = entry;
  const show = !options.quiet && !options.json;
  // A lever whose config is an equilibrium of the simulation (pricing's congestion) settles
  // first, by whole sets of replications: a bar for each set, then one for the run's own.
  let settling: ProgressBar | undefined;
  let settlingSet = 0;
  const onSettle: SettleProgress = (set, done, total) => {
    if (set !== settlingSet) {
      settling?.done();
      settlingSet = set;
      settling = new ProgressBar(`settling, set ${set} · ${model.name}`, { enabled: show });
    }
    settling!.update(done, total);
  };
  const clearSettling = () => {
    settling?.done();
    settling = undefined;
  };
  let settled: Model | 2;
  try {
    settled = await settleOrReport(model, seed, replications, file, settleOn?.(onSettle), clearSettling);
  } catch (error) {
    return failed(error, model.name, written, interruption); // Ctrl-C while settling (the bar already erased)
  }
  clearSettling();
  if (settled === 2) return 2;
  const progress = new ProgressBar(`replications · ${model.name}`, { enabled: show });
  let staged: StagedFolder;
  try {
    staged = await stageResultFolder(options.out, slugOf(model.name));
  } catch (error) {
    return failed(error, model.name, written, interruption);
  }
  const forget = interruption.onForce(() => staged.discardSync());
  let summary: RunSummary;
  let folder: string;
  let files: string[];
  let baseline: ReturnType<typeof analyticBaseline>;
  try {
    baseline = analyticBaseline(settled);
    summary = await rowsToCsv(settled, (sink) => rows(settled, sink, (done, total) => progress.update(done, total)), join(staged.path, 'replications.csv'), {
      seed,
      replications,
      signal: interruption.signal,
    });
    progress.done();
    const reportCode = options.report === false ? undefined : await loadReport();
    const report = reportCode ? await reportCode.buildReport(summary, { sections: [reportCode.baselineSection(baseline, summary)] }) : {};
    const outputs = {
      'summary.json': JSON.stringify(summary, null, 2) + '\n',
      ...(summary.series ? { 'series.csv': seriesCsv(summary.series) } : {}),
      ...report,
    };
    await writeStagedFiles(staged, outputs);
    files = ['summary.json', 'replications.csv', ...Object.keys(outputs).filter((name) => name.endsWith('.csv'))];
    if ('report.html' in report) files.push('report.html');
    if (interruption.signal.aborted) throw new RunInterrupted();
    folder = await staged.commit();
  } catch (error) {
    progress.done();
    await staged.discard();
    return failed(error, model.name, written, interruption);
  } finally {
    forget();
  }
  written.push(folder);
  if (!options.json && !options.quiet) {
    const { renderSummary } = await import('./summary-table.js');
    const { renderBaseline } = await import('./baseline-table.js');
    const report = files.includes('report.html') ? `Report:  ${join(folder, 'report.html')}\n` : '';
    const data = files.filter((name) => name !== 'report.html').join(', ');
    process.stdout.write(`${renderSummary(summary)}\n\n${renderBaseline(baseline, summary)}\n\nWritten: ${folder}/${data}\n${report}\n`);
  }
  return summary;
}

/**
 * `queuesim merge` of a run's shards: the file's results exactly as `queuesim run` writes and
 * prints them, but for the JSON, which the merge prints once for all the files it merged.
 */
export async function mergeRun(inputs: JobInputs & { command: 'run' }, rows: ModelRows, options: RunOutputOptions): Promise<RunSummary | number> {
  const { reportProblems } = await import('./scenario-files.js');
  const { modelOfText } = await import('./scenario-texts.js');
  const [source] = inputs.files;
  const loaded = modelOfText(source);
  if (!loaded.ok) {
    reportProblems(loaded.problems);
    return 2;
  }
  const entry = runEntry(source, loaded.model, inputs);
  const interruption = new Interruption();
  try {
    return await writeRunResult(entry, (settled, sink, onProgress) => rows(0, settled, sink, onProgress), options, interruption, []);
  } finally {
    interruption.dispose();
  }
}

/** The one-line message and exit code of a run that could not finish; other errors are bugs. */
function failed(error: unknown, scenario: string | undefined, written: readonly string[], interruption: Interruption): number {
  const kept = written.length > 0 ? `; complete results kept in ${written.join(', ')}` : '';
  if (error instanceof RunInterrupted) {
    const lost = scenario === undefined ? '' : `; nothing was written for "${scenario}"`;
    process.stderr.write(`queuesim: interrupted${lost}${kept}.\n`);
    return interruption.exitCode;
  }
  if (error instanceof ReplicationFailed && error.outOfMemory) {
    process.stderr.write(`error: ${error.message} (a line that grows without bound?); nothing was written for it${kept}.\n`);
    return 1;
  }
  if (error instanceof ResultFolderProblem || (error instanceof Error && 'code' in error && typeof error.code === 'string' && 'syscall' in error)) {
    process.stderr.write(`error: cannot write the results of "${scenario}": ${error.message}; nothing was written for it${kept}.\n`);
    return 1;
  }
  throw error;
}
