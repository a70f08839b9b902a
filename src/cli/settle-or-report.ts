/**
 * Settling a model before its replications (run/settle.ts), for the commands: a lever's
 * equilibrium that does not settle is a problem of the scenario, not a bug, so it is reported
 * as one (`error: FILE: path: message`, exit 2).
 */
import { LeverSettleError } from '../levers/lever.js';
import type { Model } from '../model/model.js';
import { settleHere, type Settle } from '../run/settle.js';
import { formatProblem } from '../scenario/problems.js';

/**
 * The settled model, or exit code 2 after reporting why it does not settle. `settle` runs the
 * sets (on the worker threads, where there are some: run/pool-runner.ts, settleOnPool);
 * `clear` erases whatever the caller drew meanwhile (a progress bar) before anything is said.
 */
export async function settleOrReport(model: Model, seed: number, replications: number, file: string, settle: Settle = settleHere, clear: () => void = () => {}): Promise<Model | 2> {
  try {
    return await settle(model, seed, replications);
  } catch (error) {
    clear();
    if (!(error instanceof LeverSettleError)) throw error;
    process.stderr.write(`error: ${formatProblem({ file, path: error.path, message: error.message })}\n`);
    return 2;
  }
}
