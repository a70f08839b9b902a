/**
 * The worker threads of a multi-run command (compare, sweep, staff): a pool for the command's
 * whole life, a Runner on it, and Ctrl-C handled as `run` handles it — the threads stop, no
 * result folder is written (they are written whole at the end, or not at all), exit 130.
 */
import { ReplicationFailed, RunInterrupted } from '../run/pool.js';
import { SettleFailed } from '../run/settle.js';
import { StaffingInvalid } from '../run/staff.js';
import { formatPath } from '../scenario/problems.js';
import { poolRunner } from '../run/pool-runner.js';
import type { Runner } from '../run/runner.js';
import { Interruption } from './interrupt.js';
import { ResultFolderProblem } from './output.js';
import { withPool } from './with-pool.js';

/** The command's worker threads and Ctrl-C; the work gets the interruption to write its folder by. */
export function withWorkers(workers: number | undefined, work: (runner: Runner, interruption: Interruption) => Promise<number>): Promise<number> {
  return withPool(workers, async (pool, interruption) => {
    try {
      return await work(poolRunner(pool, interruption.signal), interruption);
    } catch (error) {
      return stopped(error, interruption);
    }
  });
}

/**
 * Ctrl-C for work without threads (merging one job's shards): the same messages and exit
 * codes, naming what was not written (a merge may have written the jobs before it).
 */
export async function withInterruption(what: string, work: (interruption: Interruption) => Promise<number>): Promise<number> {
  const interruption = new Interruption();
  try {
    return await work(interruption);
  } catch (error) {
    return stopped(error, interruption, `nothing was written for "${what}"`);
  } finally {
    interruption.dispose();
  }
}

/**
 * After a result folder is in place: a Ctrl-C that came while it was put there still ends the
 * command as interrupted (130, as `run` does), its results whole; undefined otherwise.
 */
export function interruptedAfterWriting(interruption: Interruption, folder: string): number | undefined {
  if (!interruption.signal.aborted) return undefined;
  process.stderr.write(`queuesim: interrupted; the results were written whole just before, in ${folder}.\n`);
  return interruption.exitCode;
}

/**
 * The exit code of work stopped by Ctrl-C, by a thread out of memory, by a model that does
 * not settle (or a staffing that makes the scenario invalid) or by a folder it cannot write;
 * other errors are bugs.
 */
function stopped(error: unknown, interruption: Interruption, lost = 'nothing was written'): number {
  if (error instanceof SettleFailed || error instanceof StaffingInvalid) {
    // A problem of one of the command's models, as `run` reports its file's (exit 2).
    process.stderr.write(`error: ${error.what}: ${formatPath(error.path)}: ${error.message}; ${lost}.\n`);
    return 2;
  }
  if (error instanceof RunInterrupted) {
    process.stderr.write(`queuesim: interrupted; ${lost}.\n`);
    return interruption.exitCode;
  }
  if (error instanceof ReplicationFailed && error.outOfMemory) {
    process.stderr.write(`error: ${error.message} (a line that grows without bound?); nothing was written.\n`);
    return 1;
  }
  if (error instanceof ResultFolderProblem || (error instanceof Error && 'syscall' in error)) {
    process.stderr.write(`error: cannot write the results: ${error.message}; nothing was written.\n`);
    return 1;
  }
  throw error;
}
