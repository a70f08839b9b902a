/**
 * One shard of `run`, `compare` or `sweep` (--shard K/N, or --shards N with the index from
 * the environment: run/shard.ts). Instead of results, each job writes a partial result
 * folder, `<out>/<slug>.shard-K-of-N/`: the rows of its range of every model's replications
 * and a manifest (shard-manifest.ts), staged and committed whole like any result folder.
 * `queuesim merge` (merge.ts) turns the N folders into the single run's results.
 */
import { join } from 'node:path';
import { resultLayout } from '../metrics/columns.js';
import type { Model } from '../model/model.js';
import { ReplicationFailed, ReplicationPool, RunInterrupted } from '../run/pool.js';
import { settleOnPool } from '../run/pool-runner.js';
import { RowFileWriter } from '../run/row-file.js';
import { settleOrReport } from './settle-or-report.js';
import { shardRange, type Shard } from '../run/shard.js';
import { withPool } from './with-pool.js';
import { outputFolderReady, ResultFolderProblem, stageResultFolder, type StagedFolder } from './output.js';
import { ProgressBar } from './progress.js';
import { fileHash, manifestOf, MANIFEST_FILE, shardFolderName, type JobInputs, type ShardModel } from './shard-manifest.js';

/** What one shard of a job runs: each model's part of its replications. */
export interface ShardJob {
  /** The folder the merged results go to; the shard's is `<slug>.shard-K-of-N`. */
  slug: string;
  inputs: JobInputs;
  /**
   * In the order merge gives them back to the command; `file` names the model in errors, with
   * `what` (a variant, a sweep point) when the file has several.
   */
  models: { model: Model; file: string; what?: string; seed: number; replications: number }[];
  /** What the models are, for people: "variants", "points". */
  kind?: string;
}

export interface ShardRunOptions {
  out: string;
  workers?: number;
  json?: boolean;
  quiet?: boolean;
}

/** Runs shard `shard` of the jobs `prepare` gives (or returns its exit code), and writes each job's shard folder. */
export async function runShard(shard: Shard, options: ShardRunOptions, prepare: () => Promise<ShardJob[] | number>): Promise<number> {
  return withPool(options.workers, async (pool, interruption) => {
    const written: ShardWritten[] = [];
    // A run of several files writes a shard folder per file: those finished stay whole.
    const kept = () => (written.length > 0 ? `; shard folders already written are kept: ${written.map((w) => w.folder).join(', ')}` : '');
    try {
      const jobs = await prepare();
      if (typeof jobs === 'number') return jobs;
      if (!(await outputFolderReady(options.out, 'run', jobs.map((job) => shardFolderName(job.slug, shard))))) return 2;
      for (const job of jobs) {
        const staged = await stageResultFolder(options.out, shardFolderName(job.slug, shard));
        const forget = interruption.onForce(() => staged.discardSync());
        try {
          const manifest = await writeShard(job, shard, staged, pool, interruption.signal, options);
          if (typeof manifest === 'number') {
            await staged.discard();
            return manifest;
          }
          if (interruption.signal.aborted) throw new RunInterrupted();
          const folder = await staged.commit();
          written.push(report(folder, manifest.models, job.kind ?? 'models', shard, options));
        } catch (error) {
          await staged.discard();
          throw error;
        } finally {
          forget();
        }
      }
      // As the single run prints: one JSON value, an array when the shard wrote several folders.
      if (options.json) process.stdout.write(JSON.stringify(written.length === 1 ? written[0] : written) + '\n');
      return 0;
    } catch (error) {
      const unwritten = written.length > 0 ? "this file's shard was not written" : 'this shard was not written';
      if (error instanceof RunInterrupted) {
        process.stderr.write(`queuesim: interrupted; ${unwritten}${kept()}.\n`);
        return interruption.exitCode;
      }
      if (error instanceof ReplicationFailed && error.outOfMemory) {
        process.stderr.write(`error: ${error.message} (a line that grows without bound?); ${unwritten}${kept()}.\n`);
        return 1;
      }
      if (error instanceof ResultFolderProblem || (error instanceof Error && 'syscall' in error)) {
        process.stderr.write(`error: cannot write this shard: ${error.message}; ${unwritten}${kept()}.\n`);
        return 1;
      }
      throw error;
    }
  });
}

/** Runs the job's models' ranges into the staging folder; returns the manifest written, or an exit code. */
async function writeShard(job: ShardJob, shard: Shard, staged: StagedFolder, pool: ReplicationPool, signal: AbortSignal, options: ShardRunOptions) {
  const { writeStagedFiles } = await import('./output.js');
  const models: ShardModel[] = [];
  // The bar counts this shard's replications (pool.run reports its own count done), not the job's.
  const total = job.models.reduce((sum, m) => {
    const [from, to] = shardRange(shard, m.replications);
    return sum + to - from;
  }, 0);
  const progress = new ProgressBar(`replications · shard ${shard.index}/${shard.count} · ${job.slug}`, { enabled: !options.quiet && !options.json });
  let before = 0;
  try {
    for (const [i, { model, file, what, seed, replications }] of job.models.entries()) {
      // Every shard settles the whole model the same way: settling is a pure function of (model, seed, replications).
      const settled = await settleOrReport(model, seed, replications, what === undefined ? file : `${what} (${file})`, settleOnPool(pool, signal), () => progress.done());
      if (settled === 2) return 2;
      const { width } = resultLayout(settled);
      const [from, to] = shardRange(shard, replications);
      const rows = `rows-${i + 1}.f64`;
      const writer = await RowFileWriter.create(join(staged.path, rows), width);
      try {
        await pool.run({ model: settled, seed, replications: to - from, first: from }, (_first, count, values) => writer.addRows(count, values), {
          signal,
          onProgress: (done) => progress.update(before + done, total),
        });
      } finally {
        await writer.close();
      }
      before += to - from;
      models.push({ name: model.name, seed, replications, from, to, width, rows, sha256: await fileHash(join(staged.path, rows)) });
    }
  } finally {
    progress.done();
  }
  const manifest = manifestOf(job.slug, shard, job.inputs, models);
  await writeStagedFiles(staged, { [MANIFEST_FILE]: JSON.stringify(manifest, null, 2) + '\n' });
  if (signal.aborted) throw new RunInterrupted();
  return manifest;
}

/** What --json says of one shard folder written. */
interface ShardWritten {
  shard: Shard;
  folder: string;
  models: { name: string; from: number; to: number; replications: number }[];
}

/** Prints what the shard wrote to `folder` (unless --json or --quiet); returns it for --json. */
function report(folder: string, models: readonly ShardModel[], kind: string, shard: Shard, options: ShardRunOptions): ShardWritten {
  if (!options.json && !options.quiet) {
    const ranges = [...new Set(models.map((m) => (m.to > m.from ? `${m.from}–${m.to - 1} of ${m.replications}` : `none of ${m.replications}`)))];
    const each = models.length === 1 ? '' : ` of each of ${models.length} ${kind}`;
    process.stdout.write(`Shard ${shard.index} of ${shard.count}: replications ${ranges.join(', ')}${each}\nWritten: ${folder}/\n`);
  }
  return { shard, folder, models: models.map(({ name, from, to, replications }) => ({ name, from, to, replications })) };
}
