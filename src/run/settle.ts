/**
 * Settling: before the replications of a run, each lever that has a `settle` step (levers/
 * lever.ts) finds its equilibrium config by running whole sets of replications — for example
 * demand that avoids the waits it causes (pricing/congestion.ts). Outside the pure
 * per-replication core, because it needs many replications at once; pure itself: the same
 * model, seed and replication count give the same settled model.
 */
import { LeverSettleError, type Lever, type SetMeans, type Settling } from '../levers/lever.js';
import { activeLevers, defaultLevers } from '../levers/registry.js';
import { resultFromRow, resultLayout, rowValues, type ResultLayout } from '../metrics/columns.js';
import { TwoPassMoments } from '../metrics/two-pass.js';
import type { Model } from '../model/model.js';
import type { KeyPath } from '../scenario/problems.js';
import { simulate, type ReplicationResult } from './simulate.js';

/** Runs replications 0..replications−1 of `model` with `seed`, every result kept. */
export function runSet(model: Model, seed: number, replications: number, levers: readonly Lever[] = defaultLevers): ReplicationResult[] {
  return Array.from({ length: replications }, (_, r) => simulate(model, r, seed, levers));
}

/**
 * A set's rows (metrics/columns.ts) summed in replication order by the summary's own first
 * pass (metrics/two-pass.ts), for the set's means (SetMeans): one row of memory, however many
 * replications.
 */
export class SetSums {
  readonly layout: ResultLayout;
  private readonly moments: TwoPassMoments;

  constructor(
    private readonly model: Model,
    levers: readonly Lever[] = defaultLevers,
  ) {
    this.layout = resultLayout(model, levers);
    this.moments = new TwoPassMoments(this.layout.width);
  }

  /** The next replication's row. */
  add(row: ArrayLike<number>): void {
    this.moments.add(row);
  }

  means(): SetMeans {
    return resultFromRow(this.layout, this.model, Float64Array.from({ length: this.layout.width }, (_, c) => this.moments.mean(c)));
  }
}

/** The means of replications 0..replications−1 of `model` with `seed`, run on this thread. */
function setMeans(model: Model, seed: number, replications: number, levers: readonly Lever[] = defaultLevers): SetMeans {
  const sums = new SetSums(model, levers);
  const row = new Float64Array(sums.layout.width);
  for (let r = 0; r < replications; r++) sums.add(rowValues(sums.layout, simulate(model, r, seed, levers), row));
  return sums.means();
}

/**
 * The model with every settling lever's config settled, in installation order (a later lever
 * sees the earlier ones settled); `model` itself when no lever settles. Yields each model a
 * lever needs a whole set of replications of. The sets measure the whole day, warm-up
 * included: the warm-up says which customers the statistics count, never what is simulated,
 * so it must not move an equilibrium.
 */
function* settling(model: Model, levers: readonly Lever[] = defaultLevers): Settling<Model> {
  let settled = model;
  for (const lever of activeLevers(model, levers)) {
    if (lever.settle === undefined) continue;
    const steps = lever.settle(settled, settled.levers[lever.name]);
    let step = steps.next();
    while (!step.done) step = steps.next(yield { ...step.value, warmup: 0 });
    settled = { ...settled, levers: { ...settled.levers, [lever.name]: step.value } };
  }
  return settled;
}

/** Settles `model` (see `settling`), running each set on this thread. */
export function settleModel(model: Model, seed: number, replications: number, levers: readonly Lever[] = defaultLevers): Model {
  const steps = settling(model, levers);
  for (let step = steps.next(); ; step = steps.next(setMeans(step.value, seed, replications, levers))) {
    if (step.done) return step.value;
  }
}

/** Settles a model for its seed and replications, on this thread or on worker threads (run/pool-runner.ts, settleOnPool). */
export type Settle = (model: Model, seed: number, replications: number) => Promise<Model>;

/** Settling on this thread. */
export const settleHere: Settle = async (model, seed, replications) => settleModel(model, seed, replications);

/** Settles `model` (see `settling`) with sets that `run` gives (on worker threads), so Ctrl-C can stop it between and during sets. */
export async function settleModelWith(model: Model, run: (model: Model) => Promise<SetMeans>): Promise<Model> {
  const steps = settling(model);
  for (let step = steps.next(); ; step = steps.next(await run(step.value))) {
    if (step.done) return step.value;
  }
}

/**
 * One of the models of a command that runs several (a variant, a sweep point, a staffing
 * tried) does not settle: a problem of that model (exit code 2), named by `what`. Still a
 * LeverSettleError, for callers of the library that catch that.
 */
export class SettleFailed extends LeverSettleError {
  constructor(
    readonly what: string,
    path: KeyPath,
    message: string,
  ) {
    super(path, message);
    this.name = 'SettleFailed';
  }
}

/** `work`, with a LeverSettleError it throws named as the model `what`'s (SettleFailed). */
export async function naming<T>(what: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof LeverSettleError) throw new SettleFailed(what, error.path, error.message);
    throw error;
  }
}
