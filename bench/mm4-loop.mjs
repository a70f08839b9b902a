// The whole-process reference of `npm run bench` (bench/whole-process.ts): a minimal
// hand-written M/M/4 loop, as one would write it to see how fast the model can go in
// JavaScript, run as its own process like the CLI it is compared with:
//
//   node bench/mm4-loop.mjs <customers>
//
// Same model as bench/mm4-model.ts (arrival rate 3.6, service rate 1, 4 servers, FIFO, Poisson
// arrivals until horizon = customers / 3.6, everyone served), but nothing shared with queuesim:
// an inline xorshift128 generator (Marsaglia 2003) giving 53-bit uniforms from two 32-bit
// draws (as queuesim's streams do), a typed-array binary heap of (time, kind) and a ring
// buffer for the line. Plain JavaScript, so it starts without a TypeScript loader. Prints one
// line of JSON: arrivals, served, mean wait, utilisation and the loop's own time in ms.
const customers = Number(process.argv[2] ?? 1_000_000);
const LAMBDA = 3.6;
const MU = 1;
const SERVERS = 4;
const horizon = customers / LAMBDA;

let s0 = 123456789;
let s1 = 362436069;
let s2 = 521288629;
let s3 = 88675123;
function next32() {
  const t = s0 ^ (s0 << 11);
  s0 = s1;
  s1 = s2;
  s2 = s3;
  s3 = s3 ^ (s3 >>> 19) ^ (t ^ (t >>> 8));
  return s3 >>> 0;
}
/** Uniform in [0, 1) with 53 random bits. */
const uniform = () => ((next32() >>> 11) * 4294967296 + next32()) / 9007199254740992;
const exponential = (rate) => -Math.log(1 - uniform()) / rate;

const ARRIVAL = 0;
const DEPARTURE = 1;
let heapTimes = new Float64Array(16);
let heapKinds = new Int32Array(16);
let heapSize = 0;
function push(time, kind) {
  let i = heapSize++;
  while (i > 0) {
    const parent = (i - 1) >> 1;
    if (heapTimes[parent] <= time) break;
    heapTimes[i] = heapTimes[parent];
    heapKinds[i] = heapKinds[parent];
    i = parent;
  }
  heapTimes[i] = time;
  heapKinds[i] = kind;
}
let poppedTime = 0;
let poppedKind = 0;
function pop() {
  poppedTime = heapTimes[0];
  poppedKind = heapKinds[0];
  const last = --heapSize;
  const time = heapTimes[last];
  const kind = heapKinds[last];
  let i = 0;
  for (;;) {
    let child = 2 * i + 1;
    if (child >= last) break;
    if (child + 1 < last && heapTimes[child + 1] < heapTimes[child]) child++;
    if (heapTimes[child] >= time) break;
    heapTimes[i] = heapTimes[child];
    heapKinds[i] = heapKinds[child];
    i = child;
  }
  heapTimes[i] = time;
  heapKinds[i] = kind;
}

// The line: arrival times in a ring that doubles when full.
let line = new Float64Array(1024);
let lineHead = 0;
let lineSize = 0;

const started = performance.now();
let now = 0;
let busy = 0;
let arrivals = 0;
let served = 0;
let waitSum = 0;
let busyArea = 0;
let lastChange = 0;
push(exponential(LAMBDA), ARRIVAL);
while (heapSize > 0) {
  pop();
  now = poppedTime;
  busyArea += busy * (now - lastChange);
  lastChange = now;
  if (poppedKind === ARRIVAL) {
    arrivals++;
    const nextArrival = now + exponential(LAMBDA);
    if (nextArrival < horizon) push(nextArrival, ARRIVAL);
    if (busy < SERVERS) {
      busy++;
      push(now + exponential(MU), DEPARTURE);
    } else {
      if (lineSize === line.length) {
        const grown = new Float64Array(lineSize * 2);
        for (let i = 0; i < lineSize; i++) grown[i] = line[(lineHead + i) & (lineSize - 1)];
        line = grown;
        lineHead = 0;
      }
      line[(lineHead + lineSize++) & (line.length - 1)] = now;
    }
  } else {
    served++;
    if (lineSize > 0) {
      waitSum += now - line[lineHead];
      lineHead = (lineHead + 1) & (line.length - 1);
      lineSize--;
      push(now + exponential(MU), DEPARTURE);
    } else {
      busy--;
    }
  }
}
const end = Math.max(now, horizon);
busyArea += busy * (end - lastChange);
const ms = performance.now() - started;
console.log(JSON.stringify({ arrivals, served, waitMean: waitSum / served, utilisation: busyArea / (SERVERS * end), ms }));
