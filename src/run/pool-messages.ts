/** The messages between the replication pool (pool.ts) and its worker threads (worker.ts). */
import type { Model } from '../model/model.js';

export type ToWorker =
  /** The model every following batch runs, until the next job. */
  | { kind: 'job'; id: number; model: Model; seed: number }
  /** Run replications from..to-1 of the current job. */
  | { kind: 'batch'; from: number; to: number };

export type FromWorker =
  /** Replications from..to-1: (to - from) rows of column values, row after row; `ms` of work. */
  | { kind: 'rows'; job: number; from: number; to: number; values: Float64Array; ms: number }
  /** simulate() threw on `replication` (a broken internal invariant: a bug). */
  | { kind: 'failed'; job: number; replication: number; message: string };
