/**
 * `npm run bench`: the M/M/4 throughput and memory benchmark, replications on worker
 * threads, and the whole CLI process against a hand-written loop.
 *
 *   1. Sanity: the engine's mean wait and utilisation next to Erlang C, so a reader sees the
 *      benchmark simulates the right model.
 *   2. Speed: one replication of ~1,000,000 customers through the public scenario path
 *      (validateScenario, then simulate(model, 0)), against a minimal hand-written event loop
 *      of the same model using the same random streams (bench/mm4-model.ts), in this process.
 *      A warm-up pair, then alternating runs; target: engine/reference customers/s >= 0.40.
 *   3. Memory: the engine at 1M and 5M customers, each in a fresh child process
 *      (bench/memory-child.ts); target: 5M/1M peak RSS and peak live heap (largest heap after
 *      any GC) <= 1.25; the peak heap before a GC, which moves with GC timing, for information.
 *   4. Workers: 20 replications of the bank branch on 1 worker thread and on one per core
 *      (bench/workers.ts); target: speed-up >= 1.7 (on 2 cores or more).
 *   5. Whole process: `node dist/bin/queuesim.js run` of an M/M/4 file at ~1M and ~5M customers
 *      against the loop of bench/mm4-loop.mjs as its own process (bench/whole-process.ts);
 *      target at 5M: loop/CLI wall time >= 0.40. Builds the command first (scripts/build.mjs --cli-only).
 *
 * Exits 1 if any target is missed. Options: --runs=N (timed runs per side, default 15),
 * --customers=N (speed-run size, default 1000000), --no-memory (skip the child processes),
 * --no-workers, --no-whole-process, --process-runs=N (runs per side there, default 5).
 */
import { spawnSync } from 'node:child_process';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { LAMBDA, MU, SERVERS, WAIT_BATCHES, erlangC, runEngine, runReference, type SideResult } from './mm4-model.js';
import { EXPERIENCE_RATIO_TARGET, measureExperienceCost } from './experience.js';
import { measureLeverCosts } from './levers.js';
import { benchWholeProcess } from './whole-process.js';
import { benchWorkers } from './workers.js';

const RATIO_TARGET = 0.4;
const MEMORY_RATIO_TARGET = 1.25;
const MEMORY_SIZES = [1_000_000, 5_000_000] as const;

const option = (name: string): string | undefined =>
  process.argv.find((a) => a === `--${name}` || a.startsWith(`--${name}=`))?.split('=')[1] ?? (process.argv.includes(`--${name}`) ? '' : undefined);
const runs = Math.max(1, Number(option('runs') ?? 15));
const customers = Math.max(1000, Number(option('customers') ?? 1_000_000));
const skipMemory = option('no-memory') !== undefined;
const skipWorkers = option('no-workers') !== undefined;
const skipWholeProcess = option('no-whole-process') !== undefined;
const processRuns = Math.max(1, Number(option('process-runs') ?? 5));

const failures: string[] = [];
const fmt = (x: number, digits = 0) =>
  Number.isFinite(x) ? x.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits }) : String(x);
const pad = (s: string, n: number) => s.padStart(n);
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const perSecond = (count: number, ms: number) => (count / ms) * 1000;
const pass = (ok: boolean) => (ok ? 'PASS' : 'FAIL');

const benchStart = performance.now();
console.log(`queuesim bench: M/M/${SERVERS}, arrival rate ${LAMBDA}, service rate ${MU} (exponential), FIFO, 1 replication`);
console.log(
  `node ${process.version}, ${os.cpus().length} CPU(s) ${os.cpus()[0]?.model.trim() ?? ''}, load average ${os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}`,
);

const loadAtStart = os.loadavg()[0]!;
const busy = () => Math.max(loadAtStart, os.loadavg()[0]!) > 0.5 * os.cpus().length;

// ---------------------------------------------------------------- speed
// Warm-up pair (JIT), then alternating timed runs so load changes on a shared machine hit both.
console.log(`\nSpeed: ~${fmt(customers)} customers per run; 1 warm-up run per side, then ${runs} alternating timed runs`);
interface Timed<T extends SideResult> {
  result: T;
  /** CPU time of the process during the run (user + system, all threads), ms. */
  cpuMs: number;
}
function timed<T extends SideResult>(run: (n: number) => T): Timed<T> {
  const before = process.cpuUsage();
  const result = run(customers);
  const cpu = process.cpuUsage(before);
  return { result, cpuMs: (cpu.user + cpu.system) / 1000 };
}
const warmReference = timed(runReference);
const warmEngine = timed(runEngine);
const engineTimed: Timed<SideResult>[] = [];
const referenceTimed: Timed<SideResult>[] = [];
for (let i = 0; i < runs; i++) {
  // Alternate which side goes first, so neither always runs right after the other's garbage.
  if (i % 2 === 0) {
    referenceTimed.push(timed(runReference));
    engineTimed.push(timed(runEngine));
  } else {
    engineTimed.push(timed(runEngine));
    referenceTimed.push(timed(runReference));
  }
}
const engineRuns = engineTimed.map((t) => t.result);
const referenceRuns = referenceTimed.map((t) => t.result);

const header = `  ${'run'.padEnd(8)}${pad('engine ms', 10)}${pad('(cpu)', 7)}${pad('customers/s', 12)}${pad('events/s', 12)}  |${pad('ref ms', 7)}${pad('(cpu)', 7)}${pad('customers/s', 12)}${pad('events/s', 12)}  |${pad('ratio', 7)}`;
const rule = `  ${'-'.repeat(header.length - 2)}`;
console.log(header);
console.log(rule);
const row = (label: string, e: SideResult, r: SideResult, eCpu?: number, rCpu?: number) => {
  const ec = perSecond(e.served, e.ms);
  const rc = perSecond(r.served, r.ms);
  const cpu = (ms: number | undefined) => pad(ms === undefined ? '' : `(${fmt(ms)})`, 7);
  console.log(
    `  ${label.padEnd(8)}${pad(fmt(e.ms), 10)}${cpu(eCpu)}${pad(fmt(ec), 12)}${pad(fmt(perSecond(e.events, e.ms)), 12)}  |${pad(fmt(r.ms), 7)}${cpu(
      rCpu,
    )}${pad(fmt(rc), 12)}${pad(fmt(perSecond(r.events, r.ms)), 12)}  |${pad((ec / rc).toFixed(3), 7)}`,
  );
  return ec / rc;
};
row('warm-up', warmEngine.result, warmReference.result, warmEngine.cpuMs, warmReference.cpuMs);
const pairRatios = engineTimed.map((e, i) => row(String(i + 1), e.result, referenceTimed[i]!.result, e.cpuMs, referenceTimed[i]!.cpuMs));
console.log(rule);
const bestOf = (xs: SideResult[]) => xs.reduce((best, x) => (x.ms < best.ms ? x : best));
const medianOf = (xs: SideResult[]): SideResult => ({ ...xs[0]!, ms: median(xs.map((x) => x.ms)) });
const bestRatio = row('best', bestOf(engineRuns), bestOf(referenceRuns));
const medianRatio = row('median', medianOf(engineRuns), medianOf(referenceRuns));
const bestCpuRatio = Math.min(...referenceTimed.map((t) => t.cpuMs)) / Math.min(...engineTimed.map((t) => t.cpuMs));
const e0 = engineRuns[0]!;
const r0 = referenceRuns[0]!;
console.log(
  `  per run: engine ${fmt(e0.served)} customers, ${fmt(e0.events)} events; reference ${fmt(r0.served)} customers, ${fmt(r0.events)} events`,
);
console.log(
  `  median of the ${runs} per-pair ratios: ${median(pairRatios).toFixed(3)}; ratio of best CPU times: ${bestCpuRatio.toFixed(3)}  (cpu = process CPU ms, all threads)`,
);
// Noise on a shared machine only ever slows a run down, so the best run of each side is the
// judged figure; the median is printed alongside for the reader.
const ratioOk = bestRatio >= RATIO_TARGET;
console.log(
  `  engine/reference customers/s: ${bestRatio.toFixed(3)} (best of ${runs}; median ${medianRatio.toFixed(3)})   target >= ${RATIO_TARGET.toFixed(2)}   ${pass(ratioOk)}`,
);
if (!ratioOk) failures.push(`speed: engine/reference = ${bestRatio.toFixed(3)} < ${RATIO_TARGET}`);
if (busy()) {
  console.log(
    `  note: the machine was busy (1-min load average ${Math.max(loadAtStart, os.loadavg()[0]!).toFixed(2)} on ${os.cpus().length} CPUs): speed figures are noisy, rerun when idle`,
  );
}
console.log(`  this process: maxRSS ${fmt(process.resourceUsage().maxRSS / 1024, 1)} MB (both sides and all runs)`);

// ---------------------------------------------------------------- sanity
const theory = erlangC(LAMBDA, MU, SERVERS);
const batches = warmReference.result.waitBatchMeans;
const batchMean = batches.reduce((a, b) => a + b, 0) / batches.length;
const batchSd = Math.sqrt(batches.reduce((a, b) => a + (b - batchMean) ** 2, 0) / (batches.length - 1));
const waitSe = batchSd / Math.sqrt(batches.length);
const T_975_19 = 2.093; // Student t, 19 degrees of freedom (WAIT_BATCHES = 20)
const e = warmEngine.result;
const samePath =
  e.arrivals === warmReference.result.arrivals &&
  e.served === warmReference.result.served &&
  Math.abs(e.waitMean - warmReference.result.waitMean) <= 1e-9 * warmReference.result.waitMean;
console.log(`\nSanity: the engine run against Erlang C for M/M/${SERVERS}, A = ${(LAMBDA / MU).toFixed(1)}, rho = ${theory.utilisation.toFixed(2)}`);
console.log(`  ${'metric'.padEnd(22)}${pad('simulated', 12)}${pad('Erlang C', 12)}${pad('diff', 9)}`);
const waitDiff = e.waitMean - theory.waitMean;
const utilDiff = e.utilisation - theory.utilisation;
console.log(
  `  ${'waitMean (Wq)'.padEnd(22)}${pad(e.waitMean.toFixed(4), 12)}${pad(theory.waitMean.toFixed(4), 12)}${pad(
    `${waitDiff >= 0 ? '+' : ''}${((100 * waitDiff) / theory.waitMean).toFixed(1)}%`,
    9,
  )}   95% CI of this run: ±${(T_975_19 * waitSe).toFixed(4)} (${WAIT_BATCHES} batch means)`,
);
console.log(
  `  ${'utilisation'.padEnd(22)}${pad(e.utilisation.toFixed(4), 12)}${pad(theory.utilisation.toFixed(4), 12)}${pad(
    `${utilDiff >= 0 ? '+' : ''}${((100 * utilDiff) / theory.utilisation).toFixed(1)}%`,
    9,
  )}`,
);
console.log(`  ${'P(wait)'.padEnd(22)}${pad('-', 12)}${pad(theory.pWait.toFixed(4), 12)}`);
console.log(`  ${'customers arrived'.padEnd(22)}${pad(fmt(e.arrivals), 12)}${pad(fmt(customers), 12)}   (expected; Poisson sd ${fmt(Math.sqrt(customers))})`);
console.log(
  `  same sample path as the reference (same streams, same counts, same mean wait): ${
    samePath ? 'yes' : 'NO (engine streams or draw order changed; the speed comparison still holds)'
  }`,
);
// Generous bounds: a wrong model misses them by far, sampling noise essentially never.
const sanityOk =
  Math.abs(waitDiff) <= Math.max(4 * waitSe, 0.02 * theory.waitMean) &&
  Math.abs(utilDiff) <= 0.01 &&
  e.served === e.arrivals &&
  Math.abs(e.arrivals - customers) <= 5 * Math.sqrt(customers);
console.log(`  model check (|wait diff| <= 4 SE, |utilisation diff| <= 0.01, all served): ${pass(sanityOk)}`);
if (!sanityOk) failures.push('sanity: the simulated M/M/4 does not match Erlang C');

// ---------------------------------------------------------------- experience
{
  const experienceRuns = Math.max(1, Math.min(runs, 7));
  console.log(`\nWaiting experience: the same model with experience: {} on (perception, fairness, satisfaction, failures, after-effects); best of ${experienceRuns} alternating runs`);
  const cost = measureExperienceCost(customers, experienceRuns);
  const ok = cost.ratio >= EXPERIENCE_RATIO_TARGET;
  console.log(`  plain ${fmt(cost.plainPerSecond)} customers/s, with experience ${fmt(cost.experiencePerSecond)} customers/s (satisfactionMean ${cost.satisfactionMean.toFixed(3)})`);
  console.log(`  with/without: ${cost.ratio.toFixed(3)} (the experience costs ${(100 * (1 - cost.ratio)).toFixed(0)}%)   target >= ${EXPERIENCE_RATIO_TARGET.toFixed(2)}   ${pass(ok)}`);
  if (!ok) failures.push(`experience: with/without = ${cost.ratio.toFixed(3)} < ${EXPERIENCE_RATIO_TARGET}`);
}

// ---------------------------------------------------------------- each lever's cost
{
  const leverRuns = Math.max(1, Math.min(runs, 5));
  const size = Math.min(customers, 200_000);
  console.log(`\nWhat each lever costs: the same model (${fmt(size)} customers) with one lever's keys added; best of ${leverRuns} alternating runs; for information`);
  console.log(`  ${'lever'.padEnd(13)} ${'ms without'.padStart(10)} ${'ms with'.padStart(8)}  customers/s with ÷ without   keys`);
  for (const cost of measureLeverCosts(size, leverRuns)) {
    console.log(`  ${cost.lever.padEnd(13)} ${cost.plainMs.toFixed(0).padStart(10)} ${cost.withMs.toFixed(0).padStart(8)}  ${cost.ratio.toFixed(2).padStart(26)}   ${cost.keys}`);
  }
}

// ---------------------------------------------------------------- memory
interface MemoryReport {
  customers: number;
  arrivals: number;
  events: number;
  ms: number;
  maxRssMb: number;
  heapAfterRunMb: number;
  heapAfterGcMb: number;
  heapCommittedMb: number;
  /** Largest heap used seen by any GC (just before it collected), from --trace-gc. */
  peakHeapMb: number;
  /** Largest heap used right after any GC (the live data at its high-water mark), from --trace-gc. */
  peakLiveMb: number;
  gcs: number;
}

function measureMemory(size: number): MemoryReport {
  const child = fileURLToPath(new URL('./memory-child.ts', import.meta.url));
  const root = fileURLToPath(new URL('..', import.meta.url));
  const out = spawnSync(process.execPath, ['--expose-gc', '--trace-gc', '--import', 'tsx', child, String(size)], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  const line = out.stdout.split('\n').find((l) => l.startsWith('MEMORY '));
  if (out.status !== 0 || line === undefined) {
    throw new Error(`memory child for ${size} customers failed (status ${out.status}):\n${out.stderr}\n${out.stdout.slice(-2000)}`);
  }
  // e.g. "[123:0x..]   57 ms: Scavenge 18.3 (28.1) -> 10.4 (28.1) MB, ..."
  let peakHeapMb = 0;
  let peakLiveMb = 0;
  let gcs = 0;
  for (const m of out.stdout.matchAll(/ms: [A-Za-z-]+[^\n]*? ([\d.]+) \(([\d.]+)\) -> ([\d.]+) \(([\d.]+)\) MB/g)) {
    gcs++;
    peakHeapMb = Math.max(peakHeapMb, Number(m[1]), Number(m[3]));
    peakLiveMb = Math.max(peakLiveMb, Number(m[3]));
  }
  const report = JSON.parse(line.slice('MEMORY '.length)) as Omit<MemoryReport, 'peakHeapMb' | 'peakLiveMb' | 'gcs'>;
  return { ...report, peakHeapMb: Math.max(peakHeapMb, report.heapAfterRunMb), peakLiveMb: Math.max(peakLiveMb, report.heapAfterGcMb), gcs };
}

if (skipMemory) {
  console.log('\nMemory: skipped (--no-memory)');
} else {
  console.log('\nMemory: the engine alone, each size in a fresh process (node --expose-gc --trace-gc --import tsx bench/memory-child.ts N)');
  const reports = MEMORY_SIZES.map(measureMemory);
  console.log(
    `  ${pad('customers', 11)}${pad('events', 12)}${pad('run ms', 9)}${pad('maxRSS MB', 11)}${pad('peak live MB', 14)}${pad('peak heap MB', 14)}${pad('heap after GC', 15)}${pad('GCs', 6)}`,
  );
  for (const r of reports) {
    console.log(
      `  ${pad(fmt(r.arrivals), 11)}${pad(fmt(r.events), 12)}${pad(fmt(r.ms), 9)}${pad(fmt(r.maxRssMb, 1), 11)}${pad(fmt(r.peakLiveMb, 1), 14)}${pad(fmt(r.peakHeapMb, 1), 14)}${pad(
        fmt(r.heapAfterGcMb, 1),
        15,
      )}${pad(fmt(r.gcs), 6)}`,
    );
  }
  console.log(
    '  (from --trace-gc: peak live = largest heap right after any GC, what the run holds at its most; peak heap = largest heap just before any GC, which\n' +
      '   depends on when V8 chose to collect; heap after GC = retained after the run)',
  );
  const [small, large] = reports as [MemoryReport, MemoryReport];
  const rssRatio = large.maxRssMb / small.maxRssMb;
  const liveRatio = large.peakLiveMb / small.peakLiveMb;
  const heapRatio = large.peakHeapMb / small.peakHeapMb;
  const retainedRatio = large.heapAfterGcMb / small.heapAfterGcMb;
  const rssOk = rssRatio <= MEMORY_RATIO_TARGET;
  const liveOk = liveRatio <= MEMORY_RATIO_TARGET;
  console.log(`  5M/1M maxRSS:        ${rssRatio.toFixed(3)}   target <= ${MEMORY_RATIO_TARGET}   ${pass(rssOk)}`);
  console.log(`  5M/1M peak live:     ${liveRatio.toFixed(3)}   target <= ${MEMORY_RATIO_TARGET}   ${pass(liveOk)}`);
  console.log(`  5M/1M peak heap:     ${heapRatio.toFixed(3)}   (for information: GC timing moves it 0.7-1.4 from run to run)`);
  console.log(`  5M/1M heap after GC: ${retainedRatio.toFixed(3)}   (for information)`);
  if (!rssOk) failures.push(`memory: 5M/1M maxRSS = ${rssRatio.toFixed(3)} > ${MEMORY_RATIO_TARGET}`);
  if (!liveOk) failures.push(`memory: 5M/1M peak live heap = ${liveRatio.toFixed(3)} > ${MEMORY_RATIO_TARGET}`);
}

// ---------------------------------------------------------------- workers
if (skipWorkers) console.log('\nWorkers: skipped (--no-workers)');
else failures.push(...(await benchWorkers(Math.max(runs, 100))));

// ---------------------------------------------------------------- whole process
if (skipWholeProcess) console.log('\nWhole process: skipped (--no-whole-process)');
else failures.push(...benchWholeProcess({ runs: processRuns, sizes: [1_000_000, 5_000_000] }));
if (busy()) {
  console.log(
    `\nnote: the machine was busy (1-min load average ${Math.max(loadAtStart, os.loadavg()[0]!).toFixed(2)} on ${os.cpus().length} CPUs): timings are noisy, rerun when idle`,
  );
}

// ---------------------------------------------------------------- verdict
console.log(`\nBench time ${((performance.now() - benchStart) / 1000).toFixed(1)} s`);
if (failures.length > 0) {
  console.log(`FAIL: ${failures.length} target(s) missed:`);
  for (const f of failures) console.log(`  - ${f}`);
  process.exitCode = 1;
} else {
  console.log('PASS: all targets met');
}
