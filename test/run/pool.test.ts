import { describe, expect, it } from 'vitest';
import { resultLayout, rowValues } from '../../src/metrics/columns.js';
import { simulate, validateScenario, type Model } from '../../src/index.js';
import { ReplicationFailed, ReplicationPool, RunInterrupted } from '../../src/run/pool.js';

function modelOf(name: string, rate: number): Model {
  const loaded = validateScenario({
    name,
    seed: 11,
    replications: 5,
    time: { horizon: 50 },
    stations: [{ id: 'desk', servers: 1, service: { dist: 'exponential', mean: 1 } }],
    segments: [{ id: 'walkIn', arrivals: { rate }, route: ['desk'], patience: { dist: 'exponential', mean: 3 } }],
  });
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems));
  return loaded.model;
}

/** Every row the pool passes on, with the replication numbers it said they were. */
async function rowsFrom(pool: ReplicationPool, model: Model, replications: number): Promise<{ order: number[]; rows: number[][] }> {
  const order: number[] = [];
  const rows: number[][] = [];
  await pool.run({ model, seed: 3, replications }, (first, count, values) => {
    const width = values.length / count;
    for (let i = 0; i < count; i++) {
      order.push(first + i);
      rows.push(Array.from(values.subarray(i * width, (i + 1) * width)));
    }
  });
  return { order, rows };
}

/** What one thread computes for the same replications. */
function expectedRows(model: Model, replications: number): number[][] {
  const layout = resultLayout(model);
  return Array.from({ length: replications }, (_, r) => Array.from(rowValues(layout, simulate(model, r, 3))));
}

describe('ReplicationPool (worker threads, started here from the TypeScript sources)', () => {
  it('passes every replication on once, in replication order, with the values simulate() gives on this thread', async () => {
    const model = modelOf('Pool', 0.8);
    for (const threads of [1, 3]) {
      const pool = new ReplicationPool(threads);
      try {
        const { order, rows } = await rowsFrom(pool, model, 60);
        expect(order).toEqual(Array.from({ length: 60 }, (_, r) => r));
        expect(rows).toEqual(expectedRows(model, 60));
      } finally {
        await pool.close();
      }
    }
  });

  it('runs one job after another on the same threads, each with its own model', async () => {
    const pool = new ReplicationPool(2);
    try {
      const first = modelOf('First', 0.5);
      const second = modelOf('Second', 1.2);
      expect((await rowsFrom(pool, first, 7)).rows).toEqual(expectedRows(first, 7));
      expect((await rowsFrom(pool, second, 9)).rows).toEqual(expectedRows(second, 9));
    } finally {
      await pool.close();
    }
  });

  it('holds back a slow consumer: threads never run more than a bounded number of replications ahead of it', async () => {
    const pool = new ReplicationPool(2);
    let received = 0;
    let mostAhead = 0;
    try {
      // The first rows take the consumer a long time, while the threads could run every replication.
      await pool.run({ model: modelOf('Slow', 0.2), seed: 1, replications: 20_000 }, async (_first, count) => {
        mostAhead = Math.max(mostAhead, pool.outstanding);
        if (received === 0) await new Promise((resolve) => setTimeout(resolve, 1500));
        received += count;
      });
      expect(received).toBe(20_000);
      expect(mostAhead).toBeGreaterThan(0);
      expect(mostAhead).toBeLessThanOrEqual(ReplicationPool.maxAhead(2));
      expect(ReplicationPool.maxAhead(2)).toBeLessThan(20_000 / 4);
    } finally {
      await pool.close();
    }
  });

  it('stops when its signal is aborted, with RunInterrupted, and cannot be used again', async () => {
    const pool = new ReplicationPool(2);
    const controller = new AbortController();
    const run = pool.run({ model: modelOf('Long', 1), seed: 1, replications: 1_000_000 }, () => {
      controller.abort();
    }, { signal: controller.signal });
    await expect(run).rejects.toBeInstanceOf(RunInterrupted);
    await expect(pool.run({ model: modelOf('After', 1), seed: 1, replications: 1 }, () => {})).rejects.toThrow();
    await pool.close();
  });

  it('reports a replication that throws as ReplicationFailed with its number', async () => {
    const model = modelOf('Broken', 1);
    const broken: Model = { ...model, segments: [{ ...model.segments[0]!, route: [7], service: model.segments[0]!.service }] };
    const pool = new ReplicationPool(1);
    try {
      const error = await pool.run({ model: broken, seed: 1, replications: 3 }, () => {}).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ReplicationFailed);
      expect((error as ReplicationFailed).replication).toBe(0);
      expect((error as ReplicationFailed).message).toMatch(/^replication 0 of "Broken" failed: /);
    } finally {
      await pool.close();
    }
  });
});
