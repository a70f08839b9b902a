/**
 * Whether this command runs as a shard (run/shard.ts): --shard K/N, or --shards N (or
 * QUEUESIM_SHARDS) with the index from a Kubernetes Indexed Job or a Slurm job array. Light
 * on purpose: every run, compare and sweep asks it before anything else is loaded.
 */
import { shardOf, type Shard } from '../run/shard.js';
import { usageError } from './usage.js';

/** The options every sharded command takes (main.ts parses --shard into a Shard). */
export interface ShardOptions {
  shard?: Shard;
  shards?: number;
}

/** This process's shard, undefined when not sharded, or the exit code of a usage error (printed). */
export function shardOfCommand(options: ShardOptions, command: string): Shard | undefined | number {
  const shard = shardOf(options, process.env);
  if (shard.ok) return shard.value;
  return usageError(command, `${shard.message}.`);
}
