/**
 * A Runner (runner.ts) that spreads each model's replications over the worker threads of a
 * ReplicationPool, for compare, sweep and staff. The rows come back in replication order
 * (pool.ts) and go through the same RunStatistics as runReplications, so the summary is
 * byte for byte the one of a run on this thread; each replication is rebuilt from its row
 * (metrics/columns.ts) for the paired differences and the variants' replications.csv.
 */
import { resultFromRow, resultLayout } from '../metrics/columns.js';
import { RunStatistics } from '../metrics/summarise.js';
import type { Runner } from './runner.js';
import type { ReplicationPool } from './pool.js';
import { settleModel } from './settle.js';
import type { ReplicationResult } from './simulate.js';

export function poolRunner(pool: ReplicationPool, signal?: AbortSignal): Runner {
  return async (model, options) => {
    const seed = options.seed ?? model.seed;
    const total = options.replications ?? model.replications;
    const settled = settleModel(model, seed, total);
    const layout = resultLayout(settled);
    const statistics = new RunStatistics(layout);
    const rows: Float64Array[] = [];
    await pool.run(
      { model: settled, seed, replications: total },
      (first, count, values) => {
        for (let i = 0; i < count; i++) {
          const row = values.slice(i * layout.width, (i + 1) * layout.width);
          statistics.add(row);
          rows.push(row);
        }
      },
      { signal, onProgress: options.onProgress },
    );
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
