/**
 * `queuesim run FILE...`: simulate, print the tables (or the JSON), write out/<slug>/.
 *
 * Replications run on worker threads (run/pool.ts) and stream into replications.csv in the
 * staging folder as they finish (run/streamed-run.ts), so memory stays flat however many
 * replications a file asks for, and Ctrl-C stops at once: the threads are terminated, the
 * staging folder removed, and result folders already written stay whole.
 */
import { join } from 'node:path';
import type { RunSummary } from '../metrics/summarise.js';
import { ReplicationFailed, ReplicationPool, RunInterrupted } from '../run/pool.js';
import { Interruption } from './interrupt.js';
import { checkOutputFolder, slugOf, stageResultFolder, writeStagedFiles } from './output.js';
import { ProgressBar } from './progress.js';

export interface RunCommandOptions {
  reps?: number;
  seed?: number;
  out: string;
  json?: boolean;
  quiet?: boolean;
  /** Worker threads; default: every core. */
  workers?: number;
  /** false with --no-report: no report.html and no charts/. */
  report?: boolean;
}

export async function runCommand(files: string[], options: RunCommandOptions): Promise<number> {
  const pool = new ReplicationPool(options.workers);
  // The first thread loads the simulator while this thread loads the scenario code and files.
  pool.start(1);
  const interruption = new Interruption();
  try {
    return await runFiles(files, options, pool, interruption);
  } finally {
    interruption.dispose();
    await pool.close();
  }
}

async function runFiles(files: string[], options: RunCommandOptions, pool: ReplicationPool, interruption: Interruption): Promise<number> {
  // vega and resvg take a few hundred ms to import: this thread does it while the worker
  // threads simulate, and not at all with --no-report.
  const reportLoading = options.report === false ? Promise.resolve(undefined) : import('../report/index.js');
  reportLoading.catch(() => {}); // an import failure surfaces where it is awaited
  const { loadScenarioFiles, reportProblems } = await import('./scenario-files.js');
  const { LeverSettleError } = await import('../levers/lever.js');
  const { settleModel } = await import('../run/settle.js');
  const { runToCsv } = await import('../run/streamed-run.js');
  const { seriesCsv } = await import('../run/csv.js');
  const { analyticBaseline } = await import('../baseline/baseline.js');
  const { formatProblem } = await import('../scenario/problems.js');
  const { loaded, problems } = await loadScenarioFiles(files);
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
  const outProblem = await checkOutputFolder(options.out);
  if (outProblem !== undefined) {
    process.stderr.write(`error: ${outProblem}; nothing was run.\n`);
    return 2;
  }
  pool.start(Math.max(...loaded.map(({ model }) => options.reps ?? model.replications)));

  const summaries: RunSummary[] = [];
  const written: string[] = [];
  for (const { file, model } of loaded) {
    const progress = new ProgressBar(`replications · ${model.name}`, { enabled: !options.quiet && !options.json });
    const seed = options.seed ?? model.seed;
    const replications = options.reps ?? model.replications;
    let settled: typeof model;
    try {
      // A lever whose config is an equilibrium of the simulation (pricing's congestion) settles first.
      settled = settleModel(model, seed, replications);
    } catch (error) {
      if (!(error instanceof LeverSettleError)) throw error;
      // An equilibrium that does not settle is a problem of the scenario, not a bug.
      process.stderr.write(`error: ${formatProblem({ file, path: error.path, message: error.message })}\n`);
      return 2;
    }
    const staged = await stageResultFolder(options.out, slugOf(model.name));
    const forget = interruption.onForce(() => staged.discardSync());
    let summary: RunSummary;
    let folder: string;
    let files: string[];
    const baseline = analyticBaseline(settled);
    try {
      summary = await runToCsv(settled, pool, join(staged.path, 'replications.csv'), {
        seed,
        replications,
        signal: interruption.signal,
        onProgress: (done, total) => progress.update(done, total),
      });
      progress.done();
      const reportModule = await reportLoading;
      const report = reportModule ? await reportModule.buildReport(summary, { sections: [reportModule.baselineSection(baseline, summary)] }) : {};
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
    summaries.push(summary);
    if (!options.json && !options.quiet) {
      const { renderSummary } = await import('./summary-table.js');
      const { renderBaseline } = await import('./baseline-table.js');
      const report = files.includes('report.html') ? `Report:  ${join(folder, 'report.html')}\n` : '';
      const data = files.filter((name) => name !== 'report.html').join(', ');
      process.stdout.write(`${renderSummary(summary)}\n\n${renderBaseline(baseline, summary)}\n\nWritten: ${folder}/${data}\n${report}\n`);
    }
  }
  if (options.json) {
    process.stdout.write(JSON.stringify(summaries.length === 1 ? summaries[0] : summaries, null, 2) + '\n');
  }
  return interruption.signal.aborted ? failed(new RunInterrupted(), undefined, written, interruption) : 0;
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
  if (error instanceof Error && 'code' in error && typeof error.code === 'string' && 'syscall' in error) {
    process.stderr.write(`error: cannot write the results of "${scenario}": ${error.message}; nothing was written for it${kept}.\n`);
    return 1;
  }
  throw error;
}
