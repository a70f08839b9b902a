/**
 * The thread pool's life around a command's work: built, its first thread started early,
 * Ctrl-C handled, then both closed. Its own module, importing only the pool and the
 * interruption, so that `run` starts the first thread before it loads anything else.
 */
import { ReplicationPool } from '../run/pool.js';
import { Interruption } from './interrupt.js';

/**
 * A pool of up to `workers` threads and Ctrl-C handling for the life of `work`, both closed
 * after it. The first thread starts now, so it loads the simulator while this thread reads
 * the scenario files.
 */
export async function withPool<T>(workers: number | undefined, work: (pool: ReplicationPool, interruption: Interruption) => Promise<T>): Promise<T> {
  const pool = new ReplicationPool(workers);
  pool.start(1);
  const interruption = new Interruption();
  try {
    return await work(pool, interruption);
  } finally {
    interruption.dispose();
    await pool.close();
  }
}
