/**
 * The M/M/4 benchmark model, shared by bench/mm4.ts (speed) and bench/memory-child.ts
 * (memory): the scenario object, the engine run through the public API, a minimal
 * hand-written reference event loop of the same model, and the Erlang C formulas.
 *
 * The reference draws from the same random streams as the engine (queuesim's own xor4096
 * streams, so both sides pay the same for random numbers; same stream keys, same draw order:
 * the next arrival gap on each arrival, the service time on arrival), so with continuous times it simulates exactly the same sample
 * path. Its customer count and mean wait must match the engine's, which checks that the two
 * sides of the comparison do the same work.
 */
import { simulate, validateScenario, type Model } from '../src/index.js';
import { createStream } from '../src/random/streams.js';

export const LAMBDA = 3.6;
export const MU = 1;
export const SERVERS = 4;
export const SEED = 1;
export const REPLICATION = 0;
const SEGMENT = 'customers';
const STATION = 'counter';

/** Horizon that gives about `customers` arrivals at rate LAMBDA. */
export function horizonFor(customers: number): number {
  return customers / LAMBDA;
}

/** The scenario as a plain object, as a user would write it in YAML. */
export function mm4Scenario(customers: number): Record<string, unknown> {
  return {
    name: `M/M/4 benchmark, ${customers} customers`,
    seed: SEED,
    replications: 1,
    time: { horizon: horizonFor(customers), drain: true },
    stations: [{ id: STATION, servers: SERVERS, discipline: 'fifo', service: { dist: 'exponential', mean: 1 / MU } }],
    segments: [{ id: SEGMENT, arrivals: { rate: LAMBDA }, route: [STATION] }],
  };
}

export function mm4Model(customers: number): Model {
  const loaded = validateScenario(mm4Scenario(customers), 'bench/mm4');
  if (!loaded.ok) throw new Error(`benchmark scenario rejected: ${JSON.stringify(loaded.problems)}`);
  return loaded.model;
}

export interface SideResult {
  /** Wall time of the simulation itself, ms. */
  ms: number;
  arrivals: number;
  served: number;
  events: number;
  waitMean: number;
  utilisation: number;
}

/** Number of batches for the batch-means standard error of the reference's mean wait. */
export const WAIT_BATCHES = 20;

export interface ReferenceResult extends SideResult {
  /** Mean wait of each of WAIT_BATCHES consecutive, equal batches of customers (by service start). */
  waitBatchMeans: number[];
}

/** The normal scenario path: validateScenario, then simulate(model, 0). */
export function runEngine(customers: number): SideResult {
  const t0 = performance.now();
  const model = mm4Model(customers);
  const result = simulate(model, REPLICATION);
  const ms = performance.now() - t0;
  return {
    ms,
    arrivals: result.metrics.arrivals ?? NaN,
    served: result.metrics.served ?? NaN,
    events: result.events,
    waitMean: result.metrics.waitMean ?? NaN,
    utilisation: result.metrics.utilisation ?? NaN,
  };
}

const ARRIVAL = 0;
const DEPARTURE = 1;

/**
 * A minimal M/M/c event loop: a binary min-heap of (time, kind) in typed arrays, c servers,
 * a FIFO ring of waiting customers (arrival time and service time). Same streams as the engine.
 */
export function runReference(customers: number): ReferenceResult {
  const t0 = performance.now();
  const horizon = horizonFor(customers);
  const arrivalRng = createStream(SEED, REPLICATION, `arrivals/${SEGMENT}`);
  const serviceRng = createStream(SEED, REPLICATION, `service/${SEGMENT}/${STATION}`);
  const meanService = 1 / MU;

  // Event heap: at most one pending arrival plus SERVERS departures.
  let heapTimes = new Float64Array(16);
  let heapKinds = new Int32Array(16);
  let heapSize = 0;
  const push = (time: number, kind: number): void => {
    if (heapSize === heapTimes.length) {
      const t = new Float64Array(heapSize * 2);
      t.set(heapTimes);
      heapTimes = t;
      const k = new Int32Array(heapSize * 2);
      k.set(heapKinds);
      heapKinds = k;
    }
    let i = heapSize++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (heapTimes[parent]! <= time) break;
      heapTimes[i] = heapTimes[parent]!;
      heapKinds[i] = heapKinds[parent]!;
      i = parent;
    }
    heapTimes[i] = time;
    heapKinds[i] = kind;
  };
  let poppedTime = 0;
  let poppedKind = 0;
  const pop = (): void => {
    poppedTime = heapTimes[0]!;
    poppedKind = heapKinds[0]!;
    const last = --heapSize;
    const time = heapTimes[last]!;
    const kind = heapKinds[last]!;
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= last) break;
      if (child + 1 < last && heapTimes[child + 1]! < heapTimes[child]!) child++;
      if (heapTimes[child]! >= time) break;
      heapTimes[i] = heapTimes[child]!;
      heapKinds[i] = heapKinds[child]!;
      i = child;
    }
    heapTimes[i] = time;
    heapKinds[i] = kind;
  };

  // FIFO line: ring of (arrival time, service time), grows by doubling.
  let lineArrival = new Float64Array(1024);
  let lineService = new Float64Array(1024);
  let lineHead = 0;
  let lineSize = 0;

  let now = 0;
  let busy = 0;
  let events = 0;
  let arrivals = 0;
  let served = 0;
  let waitSum = 0;
  let busyArea = 0;
  // Batch means of the wait, by order of service start (customers served at once wait 0).
  const batchSize = Math.max(1, Math.floor(customers / WAIT_BATCHES));
  const waitBatchMeans: number[] = [];
  let untilBatchEnd = batchSize;
  let batchSum = 0;
  let lastChange = 0;

  const first = -Math.log(1 - arrivalRng.next()) / LAMBDA;
  if (first < horizon) push(first, ARRIVAL);
  while (heapSize > 0) {
    pop();
    now = poppedTime;
    events++;
    busyArea += busy * (now - lastChange);
    lastChange = now;
    if (poppedKind === ARRIVAL) {
      arrivals++;
      const next = now + -Math.log(1 - arrivalRng.next()) / LAMBDA;
      if (next < horizon) push(next, ARRIVAL);
      const service = -meanService * Math.log(1 - serviceRng.next());
      if (busy < SERVERS) {
        busy++;
        push(now + service, DEPARTURE);
        if (--untilBatchEnd === 0) {
          waitBatchMeans.push(batchSum / batchSize);
          batchSum = 0;
          untilBatchEnd = batchSize;
        }
      } else {
        if (lineSize === lineArrival.length) {
          const n = lineSize * 2;
          const a = new Float64Array(n);
          const s = new Float64Array(n);
          for (let i = 0; i < lineSize; i++) {
            const from = (lineHead + i) & (lineSize - 1);
            a[i] = lineArrival[from]!;
            s[i] = lineService[from]!;
          }
          lineArrival = a;
          lineService = s;
          lineHead = 0;
        }
        const at = (lineHead + lineSize) & (lineArrival.length - 1);
        lineArrival[at] = now;
        lineService[at] = service;
        lineSize++;
      }
    } else {
      served++;
      if (lineSize > 0) {
        const arrivedAt = lineArrival[lineHead]!;
        const service = lineService[lineHead]!;
        lineHead = (lineHead + 1) & (lineArrival.length - 1);
        lineSize--;
        const wait = now - arrivedAt;
        waitSum += wait;
        batchSum += wait;
        push(now + service, DEPARTURE);
        if (--untilBatchEnd === 0) {
          waitBatchMeans.push(batchSum / batchSize);
          batchSum = 0;
          untilBatchEnd = batchSize;
        }
      } else {
        busy--;
      }
    }
  }
  const end = Math.max(now, horizon);
  busyArea += busy * (end - lastChange);
  const ms = performance.now() - t0;
  return {
    ms,
    arrivals,
    served,
    events,
    waitMean: served === 0 ? NaN : waitSum / served,
    utilisation: busyArea / (SERVERS * end),
    waitBatchMeans: waitBatchMeans.slice(0, WAIT_BATCHES),
  };
}

/** Erlang C for M/M/c: probability of waiting, mean wait in queue, utilisation. */
export function erlangC(lambda: number, mu: number, c: number): { pWait: number; waitMean: number; utilisation: number } {
  const a = lambda / mu;
  const rho = a / c;
  // Erlang B by the stable recursion, then C from B.
  let b = 1;
  for (let k = 1; k <= c; k++) b = (a * b) / (k + a * b);
  const pWait = b / (1 - rho + rho * b);
  return { pWait, waitMean: pWait / (c * mu - lambda), utilisation: rho };
}
