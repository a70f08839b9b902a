/**
 * A worker thread receives the model as a structured clone (run/pool.ts): class instances
 * lose their methods and functions cannot be sent. Every bundled scenario's resolved (and
 * settled) model must survive that copy and simulate to exactly the same numbers.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadScenario, simulate } from '../../src/index.js';
import { settleModel } from '../../src/run/settle.js';
import { projectRoot } from '../cli/cli.js';

const folder = join(projectRoot, 'scenarios');
const files = readdirSync(folder).filter((file) => file.endsWith('.yaml'));

describe('models cross to worker threads intact', () => {
  it.each(files)('%s: a structured clone of the settled model simulates identically', (file) => {
    const loaded = loadScenario(readFileSync(join(folder, file), 'utf8'), file);
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems));
    const model = settleModel(loaded.model, loaded.model.seed, 4);
    const copy = structuredClone(model);
    for (const replication of [0, 3]) expect(simulate(copy, replication)).toEqual(simulate(model, replication));
  });
});
