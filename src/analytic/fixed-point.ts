/**
 * A damped fixed-point iteration x ← (1 − d)·x + d·f(x), for equilibria such as
 * congestion-aware demand (waits depend on demand, demand on expected waits). Damping
 * d < 1 tames the oscillation an undamped iteration shows when f falls steeply.
 */
import { requireNonNegative } from './checks.js';

export interface FixedPointOptions {
  /** d in (0, 1]; 1 is the plain iteration. Default 0.5 [A]. */
  damping?: number;
  /** Stop when the largest change of a component in one step is below this. Default 1e-9. */
  tolerance?: number;
  /** Give up after this many steps. Default 1000. */
  maxIterations?: number;
}

export interface FixedPointResult {
  /** The last iterate. */
  value: number[];
  /** Steps taken. */
  iterations: number;
  /** The largest change of a component in the last step (Infinity if no step was taken). */
  change: number;
  /** Whether the change fell below the tolerance within maxIterations. */
  converged: boolean;
}

/** Iterates the damped map from x0 until the change is below the tolerance or maxIterations is reached. */
export function dampedFixedPoint(
  f: (x: readonly number[]) => readonly number[],
  initial: readonly number[],
  options: FixedPointOptions = {},
): FixedPointResult {
  const steps = dampedFixedPointSteps<never, never>(function* (x) {
    return f(x);
  }, initial, options);
  const done = steps.next();
  if (!done.done) throw new Error('dampedFixedPoint: a plain map never yields');
  return done.value;
}

/**
 * The same iteration with a map that is a generator: what it yields (a simulation it needs,
 * say) is passed on to the caller, which sends back the answer, so one iteration serves a
 * caller that answers at once and one that awaits the answer (worker threads).
 */
export function* dampedFixedPointSteps<Y, S>(
  f: (x: readonly number[]) => Generator<Y, readonly number[], S>,
  initial: readonly number[],
  options: FixedPointOptions = {},
): Generator<Y, FixedPointResult, S> {
  const damping = options.damping ?? 0.5;
  const tolerance = options.tolerance ?? 1e-9;
  const maxIterations = options.maxIterations ?? 1000;
  if (!(damping > 0 && damping <= 1)) throw new RangeError(`damping must be in (0, 1], got ${damping}`);
  requireNonNegative('tolerance', tolerance);
  let value = [...initial];
  let change = Infinity;
  for (let iteration = 1; iteration <= maxIterations; iteration++) {
    const image = yield* f(value);
    if (image.length !== value.length) throw new RangeError('f must keep the dimension of x');
    const next = value.map((x, i) => (1 - damping) * x + damping * image[i]!);
    change = next.reduce((largest, x, i) => Math.max(largest, Math.abs(x - value[i]!)), 0);
    value = next;
    if (!Number.isFinite(change)) return { value, iterations: iteration, change, converged: false };
    if (change < tolerance) return { value, iterations: iteration, change, converged: true };
  }
  return { value, iterations: maxIterations, change, converged: false };
}
