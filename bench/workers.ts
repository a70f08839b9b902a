/**
 * `npm run bench`, workers section: 20 replications of scenarios/bank-branch.yaml on the
 * replication pool with 1 worker thread and with one per core, as `queuesim run` runs them
 * (simulate on the threads, rows back in replication order, the summary's first pass on
 * this thread). The pools are started and warmed up first, so what is timed is the
 * replications, not thread start-up; sides alternate, and the best time of each is judged.
 */
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { resultLayout } from '../src/metrics/columns.js';
import { RunStatistics } from '../src/metrics/summarise.js';
import { loadScenario, type Model } from '../src/index.js';
import { ReplicationPool } from '../src/run/pool.js';

export const SPEED_UP_TARGET = 1.7;
const REPLICATIONS = 20;

function bankBranch(): Model {
  const file = fileURLToPath(new URL('../scenarios/bank-branch.yaml', import.meta.url));
  const loaded = loadScenario(readFileSync(file, 'utf8'), file);
  if (!loaded.ok) throw new Error(`bank-branch.yaml: ${JSON.stringify(loaded.problems)}`);
  return loaded.model;
}

/** One run of the job on `pool`, in ms. */
async function timeJob(pool: ReplicationPool, model: Model): Promise<number> {
  const layout = resultLayout(model);
  const statistics = new RunStatistics(layout);
  const started = performance.now();
  await pool.run({ model, seed: model.seed, replications: REPLICATIONS }, (_first, count, values) => {
    for (let i = 0; i < count; i++) statistics.add(values.subarray(i * layout.width, (i + 1) * layout.width));
  });
  return performance.now() - started;
}

/** Runs the section, prints its lines; returns the targets missed. */
export async function benchWorkers(runs: number): Promise<string[]> {
  const cores = availableParallelism();
  const model = bankBranch();
  console.log(`\nWorkers: ${REPLICATIONS} replications of scenarios/bank-branch.yaml on 1 worker thread and on ${cores} (one per core)`);
  if (cores < 2) {
    console.log('  skipped: this machine has 1 core');
    return [];
  }
  const one = new ReplicationPool(1);
  const all = new ReplicationPool(cores);
  try {
    one.start();
    all.start();
    for (let i = 0; i < 10; i++) {
      await timeJob(one, model);
      await timeJob(all, model);
    }
    const oneMs: number[] = [];
    const allMs: number[] = [];
    for (let i = 0; i < runs; i++) {
      if (i % 2 === 0) {
        oneMs.push(await timeJob(one, model));
        allMs.push(await timeJob(all, model));
      } else {
        allMs.push(await timeJob(all, model));
        oneMs.push(await timeJob(one, model));
      }
    }
    const best = (xs: number[]) => Math.min(...xs);
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;
    const speedUp = best(oneMs) / best(allMs);
    const ok = speedUp >= SPEED_UP_TARGET;
    console.log(`  ${runs} alternating runs per side after 10 warm-up runs; ms per ${REPLICATIONS} replications, best (median)`);
    console.log(`  1 worker: ${best(oneMs).toFixed(1)} (${median(oneMs).toFixed(1)})   ${cores} workers: ${best(allMs).toFixed(1)} (${median(allMs).toFixed(1)})`);
    console.log(
      `  speed-up: ${speedUp.toFixed(2)} (median ${(median(oneMs) / median(allMs)).toFixed(2)})   target >= ${SPEED_UP_TARGET} on ${cores} cores   ${ok ? 'PASS' : 'FAIL'}`,
    );
    return ok ? [] : [`workers: speed-up ${speedUp.toFixed(2)} < ${SPEED_UP_TARGET} on ${cores} cores`];
  } finally {
    await Promise.all([one.close(), all.close()]);
  }
}
