/**
 * `npm run bench`, workers section: 20 replications of scenarios/bank-branch.yaml on the
 * replication pool with 1 worker thread and with one per core, as `queuesim run` runs them
 * (simulate on the threads, rows back in replication order, the summary's first pass on
 * this thread). The pools are started and warmed up first, so what is timed is the
 * replications, not thread start-up; sides alternate, and the best time of each is judged.
 *
 * For information, two references measured in the same run say where a missed target comes
 * from: the speed-up of the same job at 20× the replications (the fixed cost per job — the
 * job message, the result layout, the last batch's wait — spread thin), and the speed-up this
 * machine gives two threads of pure arithmetic (no allocation, no messages) taking about as
 * long as the judged job: the ceiling of any job of that length here.
 */
import { Worker } from 'node:worker_threads';
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
async function timeJob(pool: ReplicationPool, model: Model, replications = REPLICATIONS): Promise<number> {
  const layout = resultLayout(model);
  const statistics = new RunStatistics(layout);
  const started = performance.now();
  await pool.run({ model, seed: model.seed, replications }, (_first, count, values) => {
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
    const longer = REPLICATIONS * 20;
    const longOne: number[] = [];
    const longAll: number[] = [];
    for (let i = 0; i < 5; i++) {
      longOne.push(await timeJob(one, model, longer));
      longAll.push(await timeJob(all, model, longer));
    }
    console.log(`  for information: ${longer} replications: 1 worker ${best(longOne).toFixed(0)} ms, ${cores} workers ${best(longAll).toFixed(0)} ms, speed-up ${(best(longOne) / best(longAll)).toFixed(2)} (best of 5)`);
    const ceiling = await arithmeticSpeedUp(cores, best(oneMs), runs);
    console.log(`  for information: pure arithmetic of about the same length on 1 thread and on ${cores}: speed-up ${ceiling.toFixed(2)} (best of ${runs}): this machine's ceiling for such a job`);
    return ok ? [] : [`workers: speed-up ${speedUp.toFixed(2)} < ${SPEED_UP_TARGET} on ${cores} cores`];
  } finally {
    await Promise.all([one.close(), all.close()]);
  }
}

/** A thread that runs `rounds` of xorshift-and-log arithmetic per message and posts the sum back. */
const ARITHMETIC = `const { parentPort } = require('node:worker_threads');
parentPort.on('message', (rounds) => {
  let s0 = 1, s1 = 2, s2 = 3, s3 = 4, sum = 0;
  for (let i = 0; i < rounds; i++) {
    const t = s0 ^ (s0 << 11); s0 = s1; s1 = s2; s2 = s3; s3 = s3 ^ (s3 >>> 19) ^ (t ^ (t >>> 8));
    sum += Math.log(1 + (s3 >>> 0) / 4294967296);
  }
  parentPort.postMessage(sum);
});`;

/**
 * Best time of the whole arithmetic on one thread ÷ best time of it split over `threads`,
 * with the work sized to take about `targetMs` on one thread.
 */
async function arithmeticSpeedUp(threads: number, targetMs: number, runs: number): Promise<number> {
  const workers = Array.from({ length: threads }, () => new Worker(ARITHMETIC, { eval: true }));
  const call = (worker: Worker, rounds: number) =>
    new Promise<void>((resolve) => {
      worker.once('message', () => resolve());
      worker.postMessage(rounds);
    });
  const timed = async (work: () => Promise<unknown>) => {
    const started = performance.now();
    await work();
    return performance.now() - started;
  };
  try {
    let rounds = 100_000;
    for (let i = 0; i < 5; i++) rounds = Math.max(1000, Math.round((rounds * targetMs) / Math.max(0.1, await timed(() => call(workers[0]!, rounds)))));
    const share = Math.ceil(rounds / threads);
    for (let i = 0; i < 10; i++) await Promise.all(workers.map((worker) => call(worker, share)));
    let oneBest = Infinity;
    let allBest = Infinity;
    for (let i = 0; i < runs; i++) {
      oneBest = Math.min(oneBest, await timed(() => call(workers[0]!, share * threads)));
      allBest = Math.min(allBest, await timed(() => Promise.all(workers.map((worker) => call(worker, share)))));
    }
    return oneBest / allBest;
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
}
