/**
 * The thread pool's life around a command's work: built, its first thread started early,
 * Ctrl-C handled, then both closed. Its own module, importing only the pool and the
 * interruption, so that main.ts can start the first thread before it loads the command.
 */
import { availableParallelism } from 'node:os';
import { ReplicationPool } from '../run/pool.js';
import { Interruption } from './interrupt.js';

/** The pool main.ts started before loading the command's code, until withPool takes it. */
let early: ReplicationPool | undefined;

/**
 * Starts the first thread of the pool the command about to load will run on, so the thread
 * loads the simulator while this one loads the command's code (zod, yaml) and reads the
 * scenario files. A command that ends before it needs threads (a file with problems) leaves
 * it to `closeEarlyPool`.
 */
export function startPoolEarly(workers: number | undefined): ReplicationPool {
  early ??= new ReplicationPool(workers);
  early.start(1);
  return early;
}

/** Terminates the early pool if no command took it. */
export async function closeEarlyPool(): Promise<void> {
  const pool = early;
  early = undefined;
  await pool?.close();
}

/** The early pool if it has `workers` threads, else a new one (the early one closed). */
function poolOf(workers: number | undefined): ReplicationPool {
  const pool = early;
  early = undefined;
  if (pool !== undefined && pool.size === (workers ?? availableParallelism())) return pool;
  void pool?.close();
  return new ReplicationPool(workers);
}

/**
 * A pool of up to `workers` threads and Ctrl-C handling for the life of `work`, both closed
 * after it. The first thread starts now (or has started, see startPoolEarly), so it loads
 * the simulator while this thread reads the scenario files.
 */
export async function withPool<T>(workers: number | undefined, work: (pool: ReplicationPool, interruption: Interruption) => Promise<T>): Promise<T> {
  const pool = poolOf(workers);
  pool.start(1);
  const interruption = new Interruption();
  try {
    return await work(pool, interruption);
  } finally {
    interruption.dispose();
    await pool.close();
  }
}
