/**
 * The worker threads of a multi-run command (compare, sweep, staff): a pool for the command's
 * whole life, a Runner on it, and Ctrl-C handled as `run` handles it — the threads stop, no
 * result folder is written (they are written whole at the end, or not at all), exit 130.
 */
import { ReplicationFailed, RunInterrupted } from '../run/pool.js';
import { poolRunner } from '../run/pool-runner.js';
import type { Runner } from '../run/runner.js';
import { withPool } from './with-pool.js';

export function withWorkers(workers: number | undefined, work: (runner: Runner) => Promise<number>): Promise<number> {
  return withPool(workers, async (pool, interruption) => {
    try {
      return await work(poolRunner(pool, interruption.signal));
    } catch (error) {
      if (error instanceof RunInterrupted) {
        process.stderr.write('queuesim: interrupted; nothing was written.\n');
        return interruption.exitCode;
      }
      if (error instanceof ReplicationFailed && error.outOfMemory) {
        process.stderr.write(`error: ${error.message} (a line that grows without bound?); nothing was written.\n`);
        return 1;
      }
      throw error;
    }
  });
}
