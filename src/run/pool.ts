/**
 * Replications on worker threads, delivered in replication order. simulate() is pure, so a
 * replication gives the same numbers on any thread; the pool hands out batches of replication
 * numbers, puts the finished batches back in order and passes them on one at a time, so
 * whatever consumes them (the CSV, the summary's sums) sees exactly the sequence one thread
 * would have produced. Memory stays bounded: no batch is handed out further than
 * MAX_AHEAD batches past the first replication not yet passed on, and a slow consumer (a
 * full disk) holds the pool back rather than piling results up.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Model } from '../model/model.js';
import type { FromWorker, ToWorker } from './pool-messages.js';
import { workerEntry } from './worker-entry.js';

export interface PoolJob {
  model: Model;
  seed: number;
  /** How many replications to run. */
  replications: number;
  /**
   * The first replication's number (default 0): the job runs replications
   * first..first+replications−1, so a shard of a run (shard.ts) runs its own range.
   */
  first?: number;
}

/**
 * Receives replications first..first+count-1 (their own numbers, job.first included), in order: `count` rows of column values
 * (metrics/columns.ts), one after the other. The pool waits for a returned promise.
 */
export type RowsSink = (first: number, count: number, values: Float64Array) => void | Promise<void>;

export interface PoolRunOptions {
  /** Stops the run: every thread is terminated and run() rejects with RunInterrupted. */
  signal?: AbortSignal;
  /** Called as replications are passed on, with (done, total). */
  onProgress?: (done: number, total: number) => void;
}

/** The run was stopped through its signal (Ctrl-C). */
export class RunInterrupted extends Error {
  constructor() {
    super('interrupted');
  }
}

/** A replication could not be run: simulate() threw (a bug), or its thread ran out of memory. */
export class ReplicationFailed extends Error {
  constructor(
    message: string,
    readonly replication: number,
    readonly outOfMemory: boolean,
  ) {
    super(message);
  }
}

/** Largest batch, in replications; batches grow to about BATCH_MS of work, from 1. */
const MAX_BATCH = 256;
const BATCH_MS = 20;
/**
 * A replication's garbage is short-lived (its metrics' sketches, the events of a run), so a
 * small young generation collects it early: measured, it keeps a thread's memory ~40 MB lower
 * over thousands of replications at no cost in speed (M/M/4 at 5M customers, bank branch).
 */
const YOUNG_GENERATION_MB = 4;
/** How many batches per thread may run ahead of the first replication not yet passed on. */
const MAX_AHEAD = 4;

class Thread {
  readonly worker: Worker;
  /** The job this thread last received, and its batch in flight (replication numbers). */
  job = -1;
  from = 0;
  to = 0;
  batch = 1;
  onMessage: (message: FromWorker) => void = () => {};
  onFailure: (error: Error) => void;

  constructor(pool: ReplicationPool) {
    const entry = workerEntry();
    this.worker = new Worker(entry.code, { eval: entry.eval, resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB } });
    this.worker.unref();
    this.onFailure = (error) => pool.fail(error);
    this.worker.on('message', (message: FromWorker) => this.onMessage(message));
    this.worker.on('error', (error: Error) => this.onFailure(error));
    this.worker.on('exit', (code: number) => {
      if (!pool.closing) this.onFailure(new Error(`a replication worker stopped unexpectedly (exit code ${code})`));
    });
  }

  send(message: ToWorker): void {
    this.worker.postMessage(message);
  }
}

export class ReplicationPool {
  private readonly threads: Thread[] = [];
  private jobs = 0;
  private broken: Error | undefined;
  closing = false;
  /** Replications handed out to threads and not yet passed on (never above `maxAhead`). */
  outstanding = 0;

  /** A pool of up to `size` threads (default: every core); none starts until asked. */
  constructor(readonly size: number = availableParallelism()) {
    if (!Number.isSafeInteger(size) || size < 1) throw new Error(`ReplicationPool: size must be a whole number >= 1, got ${size}`);
  }

  /** The most replications a run on `threads` threads hands out ahead of the consumer. */
  static maxAhead(threads: number): number {
    return threads * MAX_AHEAD * MAX_BATCH;
  }

  /** Starts up to `count` threads now, so they load the simulator while the caller does other work. */
  start(count = this.size): void {
    while (this.threads.length < Math.min(count, this.size)) this.threads.push(new Thread(this));
  }

  /** Records a failure outside any run; the next run() reports it. */
  fail(error: Error): void {
    this.broken ??= error;
  }

  /** Runs a job's replications on min(size, replications) threads, passing rows to `sink` in order. */
  run(job: PoolJob, sink: RowsSink, options: PoolRunOptions = {}): Promise<void> {
    if (this.broken !== undefined) return Promise.reject(this.broken);
    if (this.closing) return Promise.reject(new Error('ReplicationPool: run() after close()'));
    if (options.signal?.aborted) return Promise.reject(new RunInterrupted());
    const total = job.replications;
    const offset = job.first ?? 0;
    if (total === 0) return Promise.resolve();
    const count = Math.min(this.size, total);
    this.start(count);
    const threads = this.threads.slice(0, count);
    const id = ++this.jobs;
    const maxAhead = ReplicationPool.maxAhead(count);

    return new Promise<void>((resolve, reject) => {
      // Counted from the job's first replication; the threads and the sink see replication numbers.
      let next = 0; // first replication not yet handed out
      let passed = 0; // first replication not yet passed to the sink
      const ready = new Map<number, { to: number; values: Float64Array }>();
      const idle = new Set<Thread>();
      let draining = false;
      let stopped = false;

      const stop = (error: Error | undefined): void => {
        if (stopped) return;
        stopped = true;
        options.signal?.removeEventListener('abort', interrupt);
        for (const thread of threads) {
          thread.onMessage = () => {};
          thread.onFailure = (e) => this.fail(e);
          thread.worker.unref();
        }
        if (error === undefined) {
          resolve();
          return;
        }
        // Threads may still be busy with this job's batches: the pool cannot be reused.
        this.broken ??= error;
        void this.close();
        reject(error);
      };
      const interrupt = (): void => stop(new RunInterrupted());

      // Guided self-scheduling: a batch is at most an equal share of what is left, so the last
      // batches are small and the threads finish together; the first round shares equally.
      const dispatch = (thread: Thread, share = Math.ceil((total - next) / count)): void => {
        const size = Math.min(thread.batch, passed + maxAhead - next, total - next, share);
        if (stopped || size <= 0) {
          idle.add(thread);
          return;
        }
        if (thread.job !== id) {
          thread.send({ kind: 'job', id, model: job.model, seed: job.seed });
          thread.job = id;
        }
        thread.from = offset + next;
        thread.to = offset + next + size;
        next += size;
        this.outstanding = next - passed;
        thread.send({ kind: 'batch', from: thread.from, to: thread.to });
      };

      const drain = async (): Promise<void> => {
        if (draining) return;
        draining = true;
        try {
          for (let rows = ready.get(passed); rows !== undefined && !stopped; rows = ready.get(passed)) {
            ready.delete(passed);
            await sink(offset + passed, rows.to - passed, rows.values);
            passed = rows.to;
            this.outstanding = next - passed;
            options.onProgress?.(passed, total);
            for (const thread of [...idle]) {
              idle.delete(thread);
              dispatch(thread);
            }
          }
        } catch (error) {
          stop(error instanceof Error ? error : new Error(String(error)));
        } finally {
          draining = false;
        }
        if (passed === total) stop(undefined);
      };

      for (const thread of threads) {
        thread.onMessage = (message) => {
          if (stopped || message.job !== id) return;
          if (message.kind === 'failed') {
            const text = `replication ${message.replication} of "${job.model.name}" failed: ${message.message}`;
            stop(new ReplicationFailed(text, message.replication, false));
            return;
          }
          ready.set(message.from - offset, { to: message.to - offset, values: message.values });
          const perReplication = message.ms / (message.to - message.from);
          thread.batch = Math.max(1, Math.min(MAX_BATCH, 4 * thread.batch, Math.round(BATCH_MS / Math.max(perReplication, 1e-3))));
          dispatch(thread);
          void drain();
        };
        thread.onFailure = (error) => {
          const outOfMemory = (error as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY';
          const which = thread.to - thread.from > 1 ? `replications ${thread.from}–${thread.to - 1}` : `replication ${thread.from}`;
          const text = outOfMemory
            ? `${which} of "${job.model.name}" ran out of memory`
            : `${which} of "${job.model.name}": its worker thread failed: ${error.message}`;
          stop(new ReplicationFailed(text, thread.from, outOfMemory));
        };
        thread.worker.ref();
      }
      options.signal?.addEventListener('abort', interrupt);
      for (const thread of threads) dispatch(thread, Math.ceil(total / count));
    });
  }

  /** Terminates every thread; the pool cannot run again. */
  async close(): Promise<void> {
    this.closing = true;
    await Promise.all(this.threads.map((thread) => thread.worker.terminate()));
  }
}
