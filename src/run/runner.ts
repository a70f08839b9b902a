/**
 * How the multi-run commands (compare, sweep, staff) run one model's replications. They
 * take a Runner rather than calling runReplications themselves, so a runner that spreads
 * replications over worker threads or machines can take over without changing them: a
 * runner must give exactly what runReplications gives for the same model and options.
 */
import type { Model } from '../model/model.js';
import { runReplications, type RunOptions, type RunOutput } from './replicate.js';

export type Runner = (model: Model, options: RunOptions) => Promise<RunOutput>;

/** The replications one after the other, in this thread. */
export const sequentialRunner: Runner = async (model, options) => runReplications(model, options);
