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
import { interruptedAfterWriting, withInterruption, withWorkers } from './workers.js';
import type { Interruption } from './interrupt.js';
import { RunInterrupted } from '../run/pool.js';
import { buildVariant, parseVariantSpec, variantLabel } from '../scenario/variants.js';
import type { ScenarioProblem } from '../scenario/problems.js';
import { renderComparison } from './compare-table.js';
import { outputFolderReady, slugOf, writeResultFolder } from './output.js';
import { ProgressBar } from './progress.js';
import { reportProblems } from './scenario-files.js';
import { dataOfText, modelOfText, readScenarioText, type ScenarioText } from './scenario-texts.js';
import type { JobInputs } from './shard-manifest.js';
import { shardOfCommand, type ShardOptions } from './shard-option.js';
import type { ModelRows } from './shard-rows.js';
import type { Model } from '../model/model.js';
import { rowsRunner } from '../run/pool-runner.js';
import { unitOf } from '../model/units.js';
import { usageError } from './usage.js';

/** Where and how results are written and told: the same for a comparison and its merge. */
export interface CompareOutputOptions {
  out: string;
  json?: boolean;
  quiet?: boolean;
  report?: boolean;
}

export interface CompareCommandOptions extends CompareOutputOptions, ShardOptions {
  set?: string[];
  name?: string;
  reps?: number;
  seed?: number;
  /** Worker threads; default: every core. */
  workers?: number;
}

type Loaded = { ok: true; variants: Variant[] } | { ok: false; problems: ScenarioProblem[] };

/** The variants of one file: the file itself ("base"), then one per --set. */
function variantsOfFile(source: ScenarioText, sets: readonly string[]): Loaded {
  const file = source.path;
  const base = dataOfText(source);
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
function variantsOfFiles(sources: readonly ScenarioText[]): Loaded {
  const loaded = sources.map((source) => ({ file: source.path, result: modelOfText(source) }));
  const problems = loaded.flatMap(({ result }) => (result.ok ? [] : result.problems));
  if (problems.length > 0) return { ok: false, problems };
  const models = loaded.map(({ result }) => (result as { model: Model }).model);
  const unique = (names: string[]) => names.every((n, i) => names.indexOf(n) === i);
  const scenarios = models.map((m) => m.name);
  let names = scenarios.map((n, i) => (scenarios.filter((m) => m === n).length > 1 ? loaded[i]!.file : n));
  if (!unique(names)) names = scenarios.map((n, i) => `${n} #${i + 1}`);
  return { ok: true, variants: models.map((model, i) => ({ name: names[i]!, model, source: loaded[i]!.file })) };
}

type CompareInputs = JobInputs & { command: 'compare' };

/** A comparison ready to run: its variants, title, seed and replications. */
interface ComparePlan {
  inputs: CompareInputs;
  variants: Variant[];
  title: string;
  seed: number;
  replications: number;
}

/** The comparison the inputs describe, or their problems: the same for a run, a shard and a merge. */
function planCompare(inputs: CompareInputs): { ok: true; plan: ComparePlan } | { ok: false; problems: ScenarioProblem[] } {
  const loaded = inputs.set.length > 0 ? variantsOfFile(inputs.files[0]!, inputs.set) : variantsOfFiles(inputs.files);
  if (!loaded.ok) return loaded;
  const { variants } = loaded;
  const first = variants[0]!.model;
  // Waits of 7 minutes and of 0.1 hours are the same wait: side by side, they would not read so.
  const otherUnits = variants.filter((v) => unitOf(v.model.unit) !== unitOf(first.unit));
  if (otherUnits.length > 0) {
    // Variants of one file are named as their other problems are (`bank.yaml [variant "x"]`), with what set the unit.
    const base = inputs.set.length > 0 ? inputs.files[0]!.path : undefined;
    const where = base === undefined ? (variants[0]!.source ?? variants[0]!.name) : 'the file';
    const problems = otherUnits.map((v) => ({
      file: base === undefined ? (v.source ?? v.name) : variantLabel(base, v.name),
      path: ['time', 'unit'],
      message: `time.unit is "${v.model.unit}" here and "${first.unit}" in ${where}: compare scenarios that measure time in the same unit (their durations, rates and waits are not comparable otherwise)${base === undefined ? '' : ` (set by ${v.source})`}`,
    }));
    return { ok: false, problems };
  }
  const title = inputs.name ?? `Compare ${variants.map((v) => v.name).join(' vs ')}`;
  return { ok: true, plan: { inputs, variants, title, seed: inputs.seed ?? first.seed, replications: inputs.reps ?? first.replications } };
}

export async function compareCommand(files: string[], options: CompareCommandOptions): Promise<number> {
  const shard = shardOfCommand(options, 'compare');
  if (typeof shard === 'number') return shard;
  if (shard === undefined) return withWorkers(options.workers, (runner, interruption) => compareWith(runner, files, options, interruption));
  const { runShard } = await import('./shard-run.js');
  return runShard(shard, options, async () => {
    const plan = await readPlan(files, options);
    if (typeof plan === 'number') return plan;
    const models = plan.variants.map((v, i) => ({ model: v.model, file: files[Math.min(i, files.length - 1)]!, what: `variant "${v.name}"`, seed: plan.seed, replications: plan.replications }));
    return [{ slug: slugOf(plan.title), inputs: plan.inputs, models, kind: 'variants' }];
  });
}

/** Checks the usage, reads the files and plans the comparison; an exit code after reporting what is wrong. */
async function readPlan(files: string[], options: CompareCommandOptions): Promise<ComparePlan | number> {
  const sets = options.set ?? [];
  if (sets.length > 0 && files.length > 1) return usage('--set makes variants of one file: give one file with --set, or several files without it.');
  if (sets.length === 0 && files.length < 2) return usage('nothing to compare: give two or more files, or one file and --set "NAME: key.path=value".');
  const reads = await Promise.all(files.map(readScenarioText));
  if (reads.some((read) => !read.ok)) {
    // Every problem of every file at once: what cannot be read, and what is wrong in the rest.
    reportProblems(reads.flatMap((read) => (read.ok ? (sets.length > 0 ? [] : problemsOf(modelOfText(read.source))) : read.problems)));
    return 2;
  }
  const sources = reads.map((read) => (read as { source: ScenarioText }).source);
  const planned = planCompare({ command: 'compare', files: sources, set: sets, name: options.name, reps: options.reps, seed: options.seed });
  if (!planned.ok) {
    reportProblems(planned.problems);
    return 2;
  }
  noteSharedRun(planned.plan);
  return planned.plan;
}

/**
 * Every variant runs with one seed and one number of replications (the first file's, or
 * --seed and --reps): another file's own are not used, which its author may not expect.
 */
function noteSharedRun(plan: ComparePlan): void {
  const [first, ...rest] = plan.variants;
  const segmentsOf = (variant: (typeof plan.variants)[number]) => variant.model.segments.map((s) => s.id);
  const firsts = segmentsOf(first!);
  // Random numbers are drawn per segment (and station): other segments are other customers
  // (the report tells the same from the results: run/compare.ts sameCustomers).
  const sameSegments = (variant: (typeof plan.variants)[number]) => {
    const own = segmentsOf(variant);
    return own.length === firsts.length && own.every((id) => firsts.includes(id));
  };
  for (const variant of rest) {
    if (!sameSegments(variant)) {
      const own = segmentsOf(variant);
      process.stderr.write(
        `note: ${variant.source ?? `variant "${variant.name}"`} has segments ${own.join(', ')} where ${first!.source ?? `"${first!.name}"`} has ${firsts.join(', ')}: ${sharedText(own, firsts)}, so its differences pair replications more than customers (the CIs hold, without all the narrowing common random numbers give).\n`,
      );
    }
  }
  for (const variant of rest) {
    const unused = [
      ...(plan.inputs.seed === undefined && variant.model.seed !== plan.seed ? [`seed ${variant.model.seed}`] : []),
      ...(plan.inputs.reps === undefined && variant.model.replications !== plan.replications ? [`${variant.model.replications} replications`] : []),
    ];
    if (unused.length === 0 || variant.source === undefined) continue;
    process.stderr.write(
      `note: ${variant.source} has ${unused.join(' and ')}; every variant runs with ${first!.source}'s seed ${plan.seed} and ${plan.replications} replications${sameSegments(variant) ? ', on the same random numbers' : ''} (give --seed and --reps to choose).\n`,
    );
  }
}

/** Which customers two variants share, by segment. */
function sharedText(own: readonly string[], firsts: readonly string[]): string {
  const both = own.filter((id) => firsts.includes(id));
  return both.length === 0 ? 'none of them are the same customers' : `only the customers of ${both.join(', ')} are the same`;
}

function problemsOf(result: { ok: true } | { ok: false; problems: ScenarioProblem[] }): ScenarioProblem[] {
  return result.ok ? [] : result.problems;
}

async function compareWith(runner: Runner, files: string[], options: CompareCommandOptions, interruption: Interruption): Promise<number> {
  const plan = await readPlan(files, options);
  if (typeof plan === 'number') return plan;
  if (!(await outputFolderReady(options.out, 'run', [slugOf(plan.title)]))) return 2;
  return writeComparison(plan, runner, options, interruption);
}

/**
 * The comparison's results from each variant's rows — run on the threads, or read back from
 * the shards (mergeCompare) — by one code path: the paired differences, compare.json,
 * compare.csv, variants/ and the report, written whole; the table printed.
 */
async function writeComparison(plan: ComparePlan, runner: Runner, options: CompareOutputOptions, interruption: Interruption): Promise<number> {
  const { variants, title, replications: reps } = plan;
  const progress = new ProgressBar(`replications of ${variants.length} variants · ${title}`, { enabled: !options.quiet && !options.json });
  let run: ComparisonRun;
  try {
    run = await compareVariants(variants, {
      seed: plan.inputs.seed,
      replications: plan.inputs.reps,
      runner,
      onProgress: (v, done) => progress.update(v * reps + done, variants.length * reps),
    });
  } finally {
    progress.done();
  }
  if (interruption.signal.aborted) throw new RunInterrupted(); // before the report, which takes a while
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
  const folder = await writeResultFolder(options.out, slugOf(title), { 'compare.json': json, 'compare.csv': comparisonCsv(run.comparison), ...variantFiles, ...report }, interruption);
  const stopped = interruptedAfterWriting(interruption, folder);
  if (stopped !== undefined) return stopped;
  if (options.json) process.stdout.write(json);
  else if (!options.quiet) {
    const reportLine = 'report.html' in report ? `Report:  ${join(folder, 'report.html')}\n` : '';
    process.stdout.write(`${renderComparison(run.comparison, title, run.summaries)}\n\nWritten: ${folder}/compare.csv, compare.json, variants/\n${reportLine}`);
  }
  return 0;
}

/** `queuesim merge` of a comparison's shards: exactly the files and output of `queuesim compare`. */
export async function mergeCompare(inputs: CompareInputs, rows: ModelRows, options: CompareOutputOptions): Promise<number> {
  const planned = planCompare(inputs);
  if (!planned.ok) {
    reportProblems(planned.problems);
    return 2;
  }
  noteSharedRun(planned.plan); // as the run without shards said it
  const { variants } = planned.plan;
  const runner = rowsRunner(({ model, settled, onProgress }, sink) => rows(variants.findIndex((v) => v.model === model), settled, sink, onProgress));
  return withInterruption(planned.plan.title, (interruption) => writeComparison(planned.plan, runner, options, interruption));
}

function usage(message: string): number {
  return usageError('compare', message);
}
