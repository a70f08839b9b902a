/**
 * A run whose per-replication results go to replications.csv as they finish instead of
 * staying in memory, so memory does not grow with the number of replications. The summary
 * is the same computation as summariseRun's (RunStatistics in metrics/summarise.ts): the first pass
 * sums each column as rows are written, the second reads the file back — String() writes
 * every double so that it reads back exactly — so the results agree byte for byte.
 */
import { resultLayout } from '../metrics/columns.js';
import { RunStatistics, type RunSummary } from '../metrics/summarise.js';
import type { Model } from '../model/model.js';
import { CsvFileWriter, readCsvRows } from './csv-file.js';
import { RunInterrupted, type PoolRunOptions, type ReplicationPool, type RowsSink } from './pool.js';
import { settleOnPool } from './pool-runner.js';

export interface StreamedRunOptions extends PoolRunOptions {
  seed?: number;
  replications?: number;
}

/**
 * Runs `model` on `pool` (settled first, on the pool, as runReplications settles it), writes
 * replications.csv at `csvPath` and returns the summary.
 */
export async function runToCsv(model: Model, pool: ReplicationPool, csvPath: string, options: StreamedRunOptions = {}): Promise<RunSummary> {
  const seed = options.seed ?? model.seed;
  const replications = options.replications ?? model.replications;
  const settled = await settleOnPool(pool, options.signal)(model, seed, replications);
  return rowsToCsv(settled, (sink) => pool.run({ model: settled, seed, replications }, sink, options), csvPath, { ...options, seed, replications });
}

/**
 * The same for rows from anywhere (`produceRows` passes every replication's row to the sink, in
 * replication order): the worker threads, or the shards of a run read back (cli/merge.ts).
 */
export async function rowsToCsv(model: Model, produceRows: (sink: RowsSink) => Promise<void>, csvPath: string, options: StreamedRunOptions = {}): Promise<RunSummary> {
  const seed = options.seed ?? model.seed;
  const total = options.replications ?? model.replications;
  const layout = resultLayout(model);
  const { columns, width } = layout;
  const statistics = new RunStatistics(layout);
  const writer = await CsvFileWriter.create(csvPath, columns);
  try {
    await produceRows(async (first, count, values) => {
      for (let i = 0; i < count; i++) statistics.add(values.subarray(i * width, (i + 1) * width));
      await writer.addRows(first, count, values);
    });
  } finally {
    await writer.close();
  }
  let rows = 0;
  for await (const values of readCsvRows(csvPath, columns)) {
    if (options.signal?.aborted) throw new RunInterrupted();
    statistics.addDeviations(values);
    rows++;
  }
  if (rows !== total) throw new Error(`replications.csv holds ${rows} rows where ${total} were written`);
  return statistics.summary(model, seed);
}
