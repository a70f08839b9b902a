/** `queuesim run FILE...`: simulate, print the tables (or the JSON), write out/<slug>/. */
import { join } from 'node:path';
import { LeverSettleError } from '../levers/lever.js';
import { runReplications, type RunOutput } from '../run/replicate.js';
import { formatProblem } from '../scenario/problems.js';
import { replicationsCsv, seriesCsv } from '../run/csv.js';
import type { RunSummary } from '../metrics/summarise.js';
import { loadScenarioFiles, reportProblems } from './scenario-files.js';
import { checkOutputFolder, slugOf, writeResultFolder } from './output.js';
import { ProgressBar } from './progress.js';
import { renderSummary } from './summary-table.js';
import { analyticBaseline } from '../baseline/baseline.js';
import { renderBaseline } from './baseline-table.js';

export interface RunCommandOptions {
  reps?: number;
  seed?: number;
  out: string;
  json?: boolean;
  quiet?: boolean;
  /** false with --no-report: no report.html and no charts/. */
  report?: boolean;
}

export async function runCommand(files: string[], options: RunCommandOptions): Promise<number> {
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

  const summaries: RunSummary[] = [];
  for (const { file, model } of loaded) {
    const progress = new ProgressBar(`replications · ${model.name}`, { enabled: !options.quiet });
    let output: RunOutput;
    try {
      output = runReplications(model, {
        seed: options.seed,
        replications: options.reps,
        onProgress: (done, total) => progress.update(done, total),
      });
    } catch (error) {
      progress.done();
      if (!(error instanceof LeverSettleError)) throw error;
      // A lever's equilibrium that does not settle is a problem of the scenario, not a bug.
      process.stderr.write(`error: ${formatProblem({ file, path: error.path, message: error.message })}\n`);
      return 2;
    }
    const { summary, replications } = output;
    progress.done();
    // Loaded only when needed: vega and resvg take a moment to import.
    const baseline = analyticBaseline(model);
    const reportModule = options.report === false ? undefined : await import('../report/index.js');
    const report = reportModule ? await reportModule.buildReport(summary, { sections: [reportModule.baselineSection(baseline, summary)] }) : {};
    const folder = await writeResultFolder(options.out, slugOf(model.name), {
      'summary.json': JSON.stringify(summary, null, 2) + '\n',
      'replications.csv': replicationsCsv(model, replications),
      ...(summary.series ? { 'series.csv': seriesCsv(summary.series) } : {}),
      ...report,
    });
    summaries.push(summary);
    if (!options.json && !options.quiet) {
      const reportLine = 'report.html' in report ? `Report:  ${join(folder, 'report.html')}\n` : '';
      process.stdout.write(`${renderSummary(summary)}\n\n${renderBaseline(baseline, summary)}\n\nWritten: ${folder}/summary.json, replications.csv, series.csv\n${reportLine}\n`);
    }
  }
  if (options.json) {
    process.stdout.write(JSON.stringify(summaries.length === 1 ? summaries[0] : summaries, null, 2) + '\n');
  }
  return 0;
}
