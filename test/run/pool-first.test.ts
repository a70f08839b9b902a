import { describe, expect, it } from 'vitest';
import { resultLayout, rowValues } from '../../src/metrics/columns.js';
import { simulate, validateScenario } from '../../src/index.js';
import { ReplicationPool } from '../../src/run/pool.js';

describe('ReplicationPool: a job that starts at a later replication (a shard’s range)', () => {
  it('runs replications first..first+n−1, in order, with their own numbers and the values simulate() gives for them', async () => {
    const loaded = validateScenario({
      name: 'Desk',
      time: { horizon: 40 },
      stations: [{ id: 'desk', servers: 1, service: { dist: 'exponential', mean: 1 } }],
      segments: [{ id: 'walkIn', arrivals: { rate: 0.8 }, route: ['desk'] }],
    });
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems));
    const model = loaded.model;
    const layout = resultLayout(model);
    const pool = new ReplicationPool(3);
    const order: number[] = [];
    const rows: number[][] = [];
    try {
      await pool.run({ model, seed: 4, replications: 9, first: 5 }, (first, count, values) => {
        for (let i = 0; i < count; i++) {
          order.push(first + i);
          rows.push(Array.from(values.subarray(i * layout.width, (i + 1) * layout.width)));
        }
      });
    } finally {
      await pool.close();
    }
    expect(order).toEqual([5, 6, 7, 8, 9, 10, 11, 12, 13]);
    expect(rows).toEqual(order.map((r) => Array.from(rowValues(layout, simulate(model, r, 4)))));
  });
});
