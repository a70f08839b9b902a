import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadScenario, type Model } from '../../src/index.js';
import { replicationsCsv } from '../../src/run/csv.js';
import { ReplicationPool } from '../../src/run/pool.js';
import { poolRunner } from '../../src/run/pool-runner.js';
import { sequentialRunner } from '../../src/run/runner.js';
import { projectRoot } from '../cli/cli.js';

const scenario = (file: string): Model => {
  const loaded = loadScenario(readFileSync(join(projectRoot, 'scenarios', file), 'utf8'), file);
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems));
  return loaded.model;
};

describe('the worker-thread runner of compare, sweep and staff', () => {
  const pool = new ReplicationPool(3);
  afterAll(() => pool.close());

  it.each(['coffee-as-is.yaml', 'cafe-off-peak-discount.yaml', 'restaurant.yaml'])(
    '%s: the same summary and replications.csv as the replications on this thread',
    async (file) => {
      const model = scenario(file);
      const options = { seed: 5, replications: 9 };
      const [here, there] = [await sequentialRunner(model, options), await poolRunner(pool)(model, options)];
      expect(JSON.stringify(there.summary)).toBe(JSON.stringify(here.summary));
      expect(replicationsCsv(model, there.replications)).toBe(replicationsCsv(model, here.replications));
    },
  );
});
