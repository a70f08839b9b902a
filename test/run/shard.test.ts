import { describe, expect, it } from 'vitest';
import { parseShard, shardOf, shardRange } from '../../src/run/shard.js';

describe('shards of a run', () => {
  it('shard K of N runs [floor((K−1)·R/N), floor(K·R/N)): the ranges tile 0..R−1 with no gap and no overlap', () => {
    for (const replications of [0, 1, 2, 7, 12, 100, 1001]) {
      for (const count of [1, 2, 3, 5, 8, 13]) {
        let next = 0;
        for (let index = 1; index <= count; index++) {
          const [from, to] = shardRange({ index, count }, replications);
          expect(from).toBe(next);
          expect(to).toBeGreaterThanOrEqual(from);
          next = to;
        }
        expect(next).toBe(replications);
      }
    }
    expect(shardRange({ index: 2, count: 3 }, 12)).toEqual([4, 8]);
    expect(shardRange({ index: 3, count: 3 }, 7)).toEqual([4, 7]);
  });

  it('--shard takes K/N with 1 ≤ K ≤ N and nothing else', () => {
    expect(parseShard('2/3')).toEqual({ ok: true, value: { index: 2, count: 3 } });
    expect(parseShard('1/1')).toEqual({ ok: true, value: { index: 1, count: 1 } });
    for (const bad of ['0/3', '4/3', 'x', '1/0', '2/3/4', '-1/3', '1.5/3', '/3', '2/', '']) expect(parseShard(bad).ok).toBe(false);
  });

  it('is not sharded without --shard, --shards or QUEUESIM_SHARDS, even inside a Kubernetes or Slurm job', () => {
    expect(shardOf({}, { JOB_COMPLETION_INDEX: '1', SLURM_ARRAY_TASK_ID: '2' })).toEqual({ ok: true, value: undefined });
  });

  it('--shard K/N wins over the environment', () => {
    expect(shardOf({ shard: { index: 2, count: 4 } }, { JOB_COMPLETION_INDEX: '0', QUEUESIM_SHARDS: '9' })).toEqual({ ok: true, value: { index: 2, count: 4 } });
    expect(shardOf({ shard: { index: 2, count: 4 }, shards: 3 }, {}).ok).toBe(false);
  });

  it('takes the index from a Kubernetes Indexed Job (0-based JOB_COMPLETION_INDEX), the count from --shards or QUEUESIM_SHARDS', () => {
    expect(shardOf({ shards: 3 }, { JOB_COMPLETION_INDEX: '0' })).toEqual({ ok: true, value: { index: 1, count: 3 } });
    expect(shardOf({}, { JOB_COMPLETION_INDEX: '2', QUEUESIM_SHARDS: '3' })).toEqual({ ok: true, value: { index: 3, count: 3 } });
    expect(shardOf({ shards: 3 }, { JOB_COMPLETION_INDEX: '3' }).ok).toBe(false);
    expect(shardOf({ shards: 3 }, { JOB_COMPLETION_INDEX: 'one' }).ok).toBe(false);
    expect(shardOf({}, { QUEUESIM_SHARDS: 'zero', JOB_COMPLETION_INDEX: '0' }).ok).toBe(false);
  });

  it('takes the index from a Slurm job array, counted from SLURM_ARRAY_TASK_MIN in steps of SLURM_ARRAY_TASK_STEP', () => {
    expect(shardOf({ shards: 3 }, { SLURM_ARRAY_TASK_ID: '1', SLURM_ARRAY_TASK_MIN: '1', SLURM_ARRAY_TASK_COUNT: '3' })).toEqual({ ok: true, value: { index: 1, count: 3 } });
    expect(shardOf({ shards: 4 }, { SLURM_ARRAY_TASK_ID: '3', SLURM_ARRAY_TASK_MIN: '0' })).toEqual({ ok: true, value: { index: 4, count: 4 } });
    expect(shardOf({ shards: 3 }, { SLURM_ARRAY_TASK_ID: '5', SLURM_ARRAY_TASK_MIN: '1', SLURM_ARRAY_TASK_STEP: '2' })).toEqual({ ok: true, value: { index: 3, count: 3 } });
    // A task id off the array's steps (5 in 0, 2, 4, …) is no shard: not shard 3.5.
    expect(shardOf({ shards: 4 }, { SLURM_ARRAY_TASK_ID: '5', SLURM_ARRAY_TASK_MIN: '0', SLURM_ARRAY_TASK_STEP: '2' })).toEqual({ ok: false, message: expect.stringMatching(/^cannot tell the shard from SLURM_ARRAY_TASK_ID="5"/) });
    // The array's own count must agree with the shards asked for.
    expect(shardOf({ shards: 3 }, { SLURM_ARRAY_TASK_ID: '1', SLURM_ARRAY_TASK_MIN: '1', SLURM_ARRAY_TASK_COUNT: '4' }).ok).toBe(false);
    expect(shardOf({ shards: 3 }, { SLURM_ARRAY_TASK_ID: '1' }).ok).toBe(false);
  });

  it('asks which shard this is when the count is given but no index can be found, or two are', () => {
    const none = shardOf({ shards: 3 }, {});
    expect(none.ok ? '' : none.message).toMatch(/which one is this\? Give --shard K\/N/);
    expect(shardOf({ shards: 3 }, { JOB_COMPLETION_INDEX: '0', SLURM_ARRAY_TASK_ID: '1', SLURM_ARRAY_TASK_MIN: '1' }).ok).toBe(false);
  });
});
