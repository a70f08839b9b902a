/**
 * `queuesim compare A.yaml B.yaml ...` and `queuesim compare base.yaml --set "NAME: path=value; ..."`:
 * run every variant on common random numbers, print each metric side by side with the paired
 * difference to the first, and write out/<slug>/ (compare.json, compare.csv, variants/,
 * report.html and charts/).
 */
import { join } from 'node:path';
import { compareVariants, type ComparisonRun, type Variant } from '../run/compare.js';
import { comparisonCsv } from '../run/compare-csv.js';
import { replicationsCsv } from '../run/csv.js';
import type { Runner } from '../run/runner.js';
import { withWorkers } from './workers.js';
import { buildVariant, parseVariantSpec } from '../scenario/variants.js';
import type { ScenarioProblem } from '../scenario/problems.js';
import { renderComparison } from './compare-table.js';
import { checkOutputFolder, slugOf, writeResultFolder } from './output.js';
import { ProgressBar } from './progress.js';
import { loadScenarioData, loadScenarioFiles, reportProblems } from './scenario-files.js';

export interface CompareCommandOptions {
  set?: string[];
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

type Loaded = { ok: true; variants: Variant[] } | { ok: false; problems: ScenarioProblem[] };

/** The variants of one file: the file itself ("base"), then one per --set. */
async function variantsOfFile(file: string, sets: readonly string[]): Promise<Loaded> {
  const base = await loadScenarioData(file);
  if (!base.ok) return base;
  const variants: Variant[] = [{ name: 'base', model: base.model, source: file }];
  const problems: ScenarioProblem[] = [];
  for (const text of sets) {
    const spec = parseVariantSpec(text);
    if (!spec.ok) {
      problems.push({ file: `--set "${text}"`, path: [], message: spec.message });
      continue;
    }
    if (variants.some((v) => v.name === spec.value.name)) {
      problems.push({ file: `--set "${text}"`, path: [], message: `the name "${spec.value.name}" is taken; give each variant its own name` });
      continue;
    }
    const built = buildVariant(base.data, file, spec.value);
    if (built.ok) variants.push({ name: spec.value.name, model: built.model, source: spec.value.assignments.map((a) => a.text).join('; ') });
    else problems.push(...built.problems);
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, variants };
}

/** One variant per file, named by its scenario (or by its file when two scenarios share a name). */
async function variantsOfFiles(files: readonly string[]): Promise<Loaded> {
  const { loaded, problems } = await loadScenarioFiles(files);
  if (problems.length > 0) return { ok: false, problems };
  const unique = (names: string[]) => names.every((n, i) => names.indexOf(n) === i);
  const scenarios = loaded.map((l) => l.model.name);
  let names = scenarios.map((n, i) => (scenarios.filter((m) => m === n).length > 1 ? loaded[i]!.file : n));
  if (!unique(names)) names = scenarios.map((n, i) => `${n} #${i + 1}`);
  return { ok: true, variants: loaded.map(({ file, model }, i) => ({ name: names[i]!, model, source: file })) };
}

export async function compareCommand(files: string[], options: CompareCommandOptions): Promise<number> {
  return withWorkers(options.workers, (runner) => compareWith(runner, files, options));
}

async function compareWith(runner: Runner, files: string[], options: CompareCommandOptions): Promise<number> {
  const sets = options.set ?? [];
  if (sets.length > 0 && files.length > 1) return usage('--set makes variants of one file: give one file with --set, or several files without it.');
  if (sets.length === 0 && files.length < 2) return usage('nothing to compare: give two or more files, or one file and --set "NAME: key.path=value".');
  const loaded = sets.length > 0 ? await variantsOfFile(files[0]!, sets) : await variantsOfFiles(files);
  if (!loaded.ok) {
    reportProblems(loaded.problems);
    return 2;
  }
  const outProblem = await checkOutputFolder(options.out);
  if (outProblem !== undefined) {
    process.stderr.write(`error: ${outProblem}; nothing was run.\n`);
    return 2;
  }
  const { variants } = loaded;
  const title = options.name ?? `Compare ${variants.map((v) => v.name).join(' vs ')}`;
  const progress = new ProgressBar(`variants · ${title}`, { enabled: !options.quiet && !options.json });
  const reps = options.reps ?? variants[0]!.model.replications;
  let run: ComparisonRun;
  try {
    run = await compareVariants(variants, {
      seed: options.seed,
      replications: options.reps,
      runner,
      onProgress: (v, done) => progress.update(v * reps + done, variants.length * reps),
    });
  } finally {
    progress.done();
  }
  const folders = variants.map((v, i) => `${i + 1}-${slugOf(v.name)}`);
  const report =
    options.report === false
      ? {}
      : await (await import('../report/compare.js')).buildCompareReport({ title, comparison: run.comparison, summaries: run.summaries, folders, sources: variants.map((v) => v.source ?? '') });
  const json = JSON.stringify({ name: title, ...run.comparison }, null, 2) + '\n';
  const variantFiles = Object.fromEntries(
    variants.flatMap((v, i) => [
      [`variants/${folders[i]}/summary.json`, JSON.stringify(run.summaries[i], null, 2) + '\n'],
      [`variants/${folders[i]}/replications.csv`, replicationsCsv(v.model, run.replications[i]!)],
    ]),
  );
  const folder = await writeResultFolder(options.out, slugOf(title), { 'compare.json': json, 'compare.csv': comparisonCsv(run.comparison), ...variantFiles, ...report });
  if (options.json) process.stdout.write(json);
  else if (!options.quiet) {
    const reportLine = 'report.html' in report ? `Report:  ${join(folder, 'report.html')}\n` : '';
    process.stdout.write(`${renderComparison(run.comparison, title)}\n\nWritten: ${folder}/compare.csv, compare.json, variants/\n${reportLine}`);
  }
  return 0;
}

function usage(message: string): number {
  process.stderr.write(`error: ${message}\n(run queuesim compare --help for usage)\n`);
  return 2;
}
