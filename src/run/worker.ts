/**
 * A replication worker thread (see pool.ts). It receives a job (model and seed), then batches
 * of replication numbers, runs each with simulate() and posts back the results as rows of
 * rows (metrics/columns.ts: metric values, then the series) in one transferable Float64Array per batch.
 */
import { parentPort } from 'node:worker_threads';
import { resultLayout, rowValues, type ResultLayout } from '../metrics/columns.js';
import type { Model } from '../model/model.js';
import type { FromWorker, ToWorker } from './pool-messages.js';
import { simulate } from './simulate.js';

if (parentPort === null) throw new Error('run/worker.js is a worker thread entry, not a program');
const port = parentPort;

let job: { id: number; model: Model; seed: number; layout: ResultLayout } | undefined;

port.on('message', (message: ToWorker) => {
  if (message.kind === 'job') {
    job = { id: message.id, model: message.model, seed: message.seed, layout: resultLayout(message.model) };
    return;
  }
  const { id, model, seed, layout } = job!;
  const width = layout.width;
  const values = new Float64Array((message.to - message.from) * width);
  const started = performance.now();
  let replication = message.from;
  try {
    for (; replication < message.to; replication++) {
      rowValues(layout, simulate(model, replication, seed), values.subarray((replication - message.from) * width));
    }
  } catch (error) {
    const reply: FromWorker = { kind: 'failed', job: id, replication, message: error instanceof Error ? error.message : String(error) };
    port.postMessage(reply);
    return;
  }
  const reply: FromWorker = { kind: 'rows', job: id, from: message.from, to: message.to, values, ms: performance.now() - started };
  port.postMessage(reply, [values.buffer]);
});
