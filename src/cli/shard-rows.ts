/**
 * The rows of a sharded job read back from its shard folders (shard-run.ts), shard after
 * shard: shard K holds replications [floor((K−1)·R/N), floor(K·R/N)) of every model, so in
 * shard order they are the single run's rows in replication order — what `queuesim merge`
 * feeds through the commands' own code.
 */
import { join } from 'node:path';
import { resultLayout } from '../metrics/columns.js';
import type { Model } from '../model/model.js';
import type { RowsSink } from '../run/pool.js';
import { readRowBlocks, RowFileMismatch } from '../run/row-file.js';
import { shardRange } from '../run/shard.js';
import type { ShardManifest } from './shard-manifest.js';

/** Passes every row of the job's model `index` (0-based, in the command's order), settled as `settled`, to `sink`. */
export type ModelRows = (index: number, settled: Model, sink: RowsSink, onProgress?: (done: number, total: number) => void) => Promise<void>;

export interface ShardFolder {
  folder: string;
  manifest: ShardManifest;
}

/** `shards` are the job's shards 1..N in order (merge.ts checks there is no gap and no duplicate). */
export function shardRows(shards: readonly ShardFolder[]): ModelRows {
  return async (index, settled, sink, onProgress) => {
    const { width } = resultLayout(settled);
    let done = 0;
    for (const { folder, manifest } of shards) {
      const part = manifest.models[index];
      if (part === undefined) throw new RowFileMismatch(`${folder} has no rows for model ${index + 1} ("${settled.name}")`);
      if (part.width !== width) throw new RowFileMismatch(`${folder}: rows of "${settled.name}" have ${part.width} values, where this queuesim makes ${width}`);
      const [from, to] = shardRange(manifest.shard, part.replications);
      if (part.from !== from || part.to !== to) throw new RowFileMismatch(`${folder}: shard ${manifest.shard.index} of ${manifest.shard.count} holds replications ${part.from}–${part.to - 1}, not ${from}–${to - 1}`);
      for await (const block of readRowBlocks(join(folder, part.rows), width, to - from)) {
        await sink(from + block.at, block.count, block.values);
        done += block.count;
        onProgress?.(done, part.replications);
      }
    }
  };
}
