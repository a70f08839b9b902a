/**
 * One engine run of the M/M/4 benchmark in a fresh process, for the memory check of
 * bench/mm4.ts:  node --expose-gc --trace-gc --import tsx bench/memory-child.ts <customers>
 *
 * Prints one line `MEMORY {json}` at the end with the process's peak RSS and heap figures.
 * The peak heap *during* the run is read by the parent from --trace-gc output (the heap is
 * largest just before each collection); this process reports what it can see itself:
 * peak RSS, heap right after the run and heap after a full collection.
 */
import v8 from 'node:v8';
import { runEngine } from './mm4-model.js';

const customers = Number(process.argv[2] ?? 1_000_000);
if (!Number.isFinite(customers) || customers <= 0) {
  console.error(`usage: memory-child.ts <customers>  (got ${process.argv[2]})`);
  process.exit(2);
}

const gc = (globalThis as { gc?: () => void }).gc;
const mb = (bytes: number) => bytes / 1024 / 1024;

gc?.();
const heapBefore = process.memoryUsage().heapUsed;
const result = runEngine(customers);
const heapAfterRun = process.memoryUsage().heapUsed;
const heapStats = v8.getHeapStatistics();
gc?.();
const heapAfterGc = process.memoryUsage().heapUsed;

const report = {
  customers,
  arrivals: result.arrivals,
  events: result.events,
  ms: result.ms,
  /** process.resourceUsage().maxRSS is in kilobytes. */
  maxRssMb: process.resourceUsage().maxRSS / 1024,
  heapBeforeMb: mb(heapBefore),
  heapAfterRunMb: mb(heapAfterRun),
  heapAfterGcMb: gc ? mb(heapAfterGc) : NaN,
  heapCommittedMb: mb(heapStats.total_heap_size),
  peakMallocedMb: mb(heapStats.peak_malloced_memory),
};
console.log(`MEMORY ${JSON.stringify(report)}`);
