/**
 * Runners (runner.ts) built on a model's rows, for compare, sweep and staff. The rows come
 * from a RowSource in replication order — the worker threads of a ReplicationPool
 * (pool.ts), or the shards of a run read back from disk (cli/merge.ts) — and go through the
 * same RunStatistics as runReplications, so the summary is byte for byte the one of a run on
 * this thread; each replication is rebuilt from its row (metrics/columns.ts) for the paired
 * differences and the variants' replications.csv.
 */
import { resultFromRow, resultLayout } from '../metrics/columns.js';
import { RunStatistics } from '../metrics/summarise.js';
import type { Model } from '../model/model.js';
import type { Runner } from './runner.js';
import type { ReplicationPool, RowsSink } from './pool.js';
import { SetSums, settleHere, settleModelWith, type Settle } from './settle.js';
import type { SetMeans } from '../levers/lever.js';
import type { ReplicationResult } from './simulate.js';

/** What a RowSource is asked for: all `replications` rows of `settled`, the settled form of `model`. */
export interface RowRequest {
  /** The model as the command gave it (before settling). */
  model: Model;
  settled: Model;
  seed: number;
  replications: number;
  onProgress?: (done: number, total: number) => void;
}

/** Passes every row of a request to `sink`, in replication order. */
export type RowSource = (request: RowRequest, sink: RowsSink) => Promise<void>;

/** The rows of a model run on the pool's threads. */
export function poolRows(pool: ReplicationPool, signal?: AbortSignal): RowSource {
  return ({ settled, seed, replications, onProgress }, sink) => pool.run({ model: settled, seed, replications }, sink, { signal, onProgress });
}

/** Progress of settling: the set being run (from 1) and its replications done of `total`. */
export type SettleProgress = (set: number, done: number, total: number) => void;

/** The means of whole sets of replications of a model (SetMeans) on the pool's threads, for settling. */
function poolSets(pool: ReplicationPool, seed: number, replications: number, signal?: AbortSignal, onProgress?: SettleProgress): (model: Model) => Promise<SetMeans> {
  let set = 0;
  return async (model) => {
    const sums = new SetSums(model);
    const width = sums.layout.width;
    const current = ++set;
    await pool.run({ model, seed, replications }, (_first, count, values) => {
      for (let i = 0; i < count; i++) sums.add(values.subarray(i * width, (i + 1) * width));
    }, { signal, onProgress: onProgress && ((done, total) => onProgress(current, done, total)) });
    return sums.means();
  };
}

/** Settling on the pool's threads: all cores, and stopped by `signal` (Ctrl-C) like the replications. */
export function settleOnPool(pool: ReplicationPool, signal?: AbortSignal, onProgress?: SettleProgress): Settle {
  return (model, seed, replications) => settleModelWith(model, poolSets(pool, seed, replications, signal, onProgress));
}

/** A Runner whose rows come from `source`, each model settled by `settle`. */
export function rowsRunner(source: RowSource, settle: Settle = settleHere): Runner {
  return async (model, options) => {
    const seed = options.seed ?? model.seed;
    const total = options.replications ?? model.replications;
    const settled = await settle(model, seed, total);
    const layout = resultLayout(settled);
    const statistics = new RunStatistics(layout);
    const rows: Float64Array[] = [];
    await source({ model, settled, seed, replications: total, onProgress: options.onProgress }, (_first, count, values) => {
      for (let i = 0; i < count; i++) {
        const row = values.slice(i * layout.width, (i + 1) * layout.width);
        statistics.add(row);
        rows.push(row);
      }
    });
    if (rows.length !== total) throw new Error(`${rows.length} rows of "${model.name}" where ${total} were asked for`);
    for (const row of rows) statistics.addDeviations(row.subarray(0, layout.columns.length));
    const replications: ReplicationResult[] = rows.map((row, replication) => ({
      replication,
      endTime: NaN,
      events: NaN,
      ...resultFromRow(layout, settled, row),
    }));
    return { summary: statistics.summary(settled, seed), replications };
  };
}

export function poolRunner(pool: ReplicationPool, signal?: AbortSignal): Runner {
  return rowsRunner(poolRows(pool, signal), settleOnPool(pool, signal));
}
