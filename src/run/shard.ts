/**
 * Shards: a large run split over machines. Shard K of N runs a contiguous range of every
 * model's replications; a replication's numbers depend only on (model, seed, replication),
 * so the shards' rows put together in replication order are exactly the rows of the single
 * run, and `queuesim merge` turns them into exactly its results.
 */

/** Shard `index` (1-based) of `count`. */
export interface Shard {
  index: number;
  count: number;
}

/** Shard K of N runs replications [floor((K−1)·R/N), floor(K·R/N)) of R: the ranges tile 0..R−1 with no gap or overlap. */
export function shardRange(shard: Shard, replications: number): [number, number] {
  return [Math.floor(((shard.index - 1) * replications) / shard.count), Math.floor((shard.index * replications) / shard.count)];
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

const WHOLE = /^\d+$/;

function whole(text: string | undefined): number | undefined {
  if (text === undefined || !WHOLE.test(text.trim())) return undefined;
  const value = Number(text.trim());
  return Number.isSafeInteger(value) ? value : undefined;
}

/** "K/N" with 1 ≤ K ≤ N. */
export function parseShard(text: string): Parsed<Shard> {
  const [k, n, ...rest] = text.split('/');
  const index = whole(k);
  const count = whole(n);
  if (rest.length > 0 || index === undefined || count === undefined || count < 1 || index < 1 || index > count) {
    return { ok: false, message: `--shard must be K/N with 1 ≤ K ≤ N (shard K of N), e.g. 2/8; got "${text}"` };
  }
  return { ok: true, value: { index, count } };
}

/** A shard count: a whole number of at least 1. */
export function parseShardCount(text: string, what: string): Parsed<number> {
  const count = whole(text);
  return count === undefined || count < 1 ? { ok: false, message: `${what} must be a whole number of at least 1; got "${text}"` } : { ok: true, value: count };
}

/** The environment variables a shard's index and count are read from (see shardOf). */
export const SHARD_VARIABLES = {
  count: 'QUEUESIM_SHARDS',
  kubernetesIndex: 'JOB_COMPLETION_INDEX',
  slurmId: 'SLURM_ARRAY_TASK_ID',
  slurmMin: 'SLURM_ARRAY_TASK_MIN',
  slurmStep: 'SLURM_ARRAY_TASK_STEP',
  slurmCount: 'SLURM_ARRAY_TASK_COUNT',
} as const;

type Environment = Readonly<Record<string, string | undefined>>;

/**
 * Which shard this process is, or undefined when the command is not sharded.
 * - `--shard K/N` says it outright; the environment is not read.
 * - Otherwise the command is sharded only when asked: `--shards N`, or QUEUESIM_SHARDS=N
 *   without it. The index then comes from a Kubernetes Indexed Job (JOB_COMPLETION_INDEX,
 *   0-based: K = index + 1) or a Slurm job array (K = (SLURM_ARRAY_TASK_ID −
 *   SLURM_ARRAY_TASK_MIN) / SLURM_ARRAY_TASK_STEP + 1, the step 1 when unset); the array's
 *   SLURM_ARRAY_TASK_COUNT, when set, must be N.
 * A plain command inside such a job (neither option nor QUEUESIM_SHARDS) is not sharded.
 */
export function shardOf(options: { shard?: Shard; shards?: number }, env: Environment): Parsed<Shard | undefined> {
  if (options.shard !== undefined) {
    if (options.shards !== undefined && options.shards !== options.shard.count) {
      return { ok: false, message: `--shard ${options.shard.index}/${options.shard.count} and --shards ${options.shards} disagree` };
    }
    return { ok: true, value: options.shard };
  }
  const v = SHARD_VARIABLES;
  let count = options.shards;
  if (count === undefined) {
    if (env[v.count] === undefined || env[v.count] === '') return { ok: true, value: undefined };
    const parsed = parseShardCount(env[v.count]!, v.count);
    if (!parsed.ok) return parsed;
    count = parsed.value;
  }
  const kubernetes = env[v.kubernetesIndex];
  const slurm = env[v.slurmId];
  if (kubernetes !== undefined && slurm !== undefined) return { ok: false, message: `both ${v.kubernetesIndex} and ${v.slurmId} are set: give the shard with --shard K/N` };
  let index: number;
  if (kubernetes !== undefined) {
    const zeroBased = whole(kubernetes);
    if (zeroBased === undefined) return { ok: false, message: `${v.kubernetesIndex} must be a whole number; got "${kubernetes}"` };
    index = zeroBased + 1;
  } else if (slurm !== undefined) {
    const id = whole(slurm);
    const min = whole(env[v.slurmMin]);
    const step = env[v.slurmStep] === undefined ? 1 : whole(env[v.slurmStep]);
    if (id === undefined || min === undefined || step === undefined || step < 1 || (id - min) % step !== 0 || id < min) {
      return { ok: false, message: `cannot tell the shard from ${v.slurmId}="${slurm}", ${v.slurmMin}="${env[v.slurmMin] ?? ''}", ${v.slurmStep}="${env[v.slurmStep] ?? ''}"` };
    }
    index = (id - min) / step + 1;
    const tasks = env[v.slurmCount];
    if (tasks !== undefined && whole(tasks) !== count) {
      return {
        ok: false,
        message: `${count} shards asked for, but the Slurm array has ${tasks} task${tasks === '1' ? '' : 's'} (${v.slurmCount}); to run again only some shards of a job (a failed task), give each its own --shard K/${count}`,
      };
    }
  } else {
    return { ok: false, message: `${count} shards asked for, but which one is this? Give --shard K/N, or run in a Kubernetes Indexed Job (${v.kubernetesIndex}) or a Slurm job array (${v.slurmId})` };
  }
  if (index > count) {
    const fix = kubernetes !== undefined ? `${v.kubernetesIndex} is ${kubernetes}: make the Job's completions ${count}` : `${v.slurmId} is ${slurm}: make the array ${count} tasks`;
    return { ok: false, message: `the environment makes this shard ${index}, but there are only ${count} shards (${fix})` };
  }
  return { ok: true, value: { index, count } };
}
