/**
 * Named random streams. Every source of randomness in a model (one segment's arrivals, the
 * service times of one segment at one station, one segment's patience, ...) draws from its
 * own stream, seeded from (seed, replication, source name). Changing one part of a scenario
 * therefore leaves the numbers of every other part untouched: common random numbers for
 * comparing scenarios, and stable replications.
 */
import seedrandom from 'seedrandom';

/** A stream of uniform numbers in [0, 1). */
export interface RandomStream {
  next(): number;
}

/** The stream for one source in one replication of a run seeded with `seed`. */
export function createStream(seed: number, replication: number, source: string): RandomStream {
  return new Xor4096Stream(`queuesim:${seed}:${replication}:${source}`);
}

/**
 * Brent's xorgens (xor4096): period 2^4096 - 1, passes BigCrush. seedrandom seeds it from the
 * key (its string seeding is what fixes every published result); the steps are taken here, on
 * an Int32Array, with seedrandom's exact arithmetic: next() is bit for bit seedrandom's
 * `xor4096(key).double()` (test/random/streams.test.ts checks it), about 5% faster per
 * customer than calling through its closures.
 *
 * The numbers are made BATCH at a time into a buffer that next() reads out: the same sequence
 * (a stream's numbers depend on its own state only, so drawing ahead changes none of them),
 * but next() is small enough to be inlined wherever it is called, and the generator runs in
 * a loop with its state in locals.
 */
const BATCH = 64;

class Xor4096Stream implements RandomStream {
  private readonly x: Int32Array;
  private i: number;
  private w: number;
  private readonly buffer = new Float64Array(BATCH);
  /** Next unread number in `buffer` (BATCH: none left). */
  private at = BATCH;

  constructor(key: string) {
    const state = seedrandom.xor4096(key, { state: true }).state();
    this.x = Int32Array.from(state.X);
    this.i = state.i;
    this.w = state.w;
  }

  /** A uniform in (0, 1) with 53 random bits. */
  next(): number {
    if (this.at === BATCH) this.fill();
    return this.buffer[this.at++]!;
  }

  /**
   * The next BATCH numbers: each a uniform in (0, 1) with 53 random bits, 21 from one 32-bit
   * draw (seedrandom's `int32`) and 32 from the next; a result of exactly 0 is drawn again.
   */
  private fill(): void {
    const x = this.x;
    const buffer = this.buffer;
    let i = this.i;
    let w = this.w;
    for (let k = 0; k < BATCH; ) {
      // seedrandom's int32 step, twice
      w = (w + 0x61c88647) | 0; // Weyl generator
      let v = x[(i + 34) & 127]!;
      i = (i + 1) & 127;
      let t = x[i]!;
      v ^= v << 13;
      t ^= t << 17;
      v ^= v >>> 15;
      t ^= t >>> 12;
      v = x[i] = v ^ t;
      const top = ((v + (w ^ (w >>> 16))) | 0) >>> 11;
      w = (w + 0x61c88647) | 0;
      v = x[(i + 34) & 127]!;
      i = (i + 1) & 127;
      t = x[i]!;
      v ^= v << 13;
      t ^= t << 17;
      v ^= v >>> 15;
      t ^= t >>> 12;
      v = x[i] = v ^ t;
      const bottom = (((v + (w ^ (w >>> 16))) | 0) >>> 0) / 0x100000000;
      const result = (top + bottom) / (1 << 21);
      if (result !== 0) buffer[k++] = result;
    }
    this.i = i;
    this.w = w;
    this.at = 0;
  }
}

/**
 * Names of the sources, in one place so that no two parts of the model share a stream. Ids
 * are free text, so the separator and the escape character are escaped inside them: segment
 * "a/b" at station "c" and segment "a" at station "b/c" get different streams.
 */
export const sources = {
  arrivals: (segment: string) => `arrivals/${escapeId(segment)}`,
  service: (segment: string, station: string) => `service/${escapeId(segment)}/${escapeId(station)}`,
  patience: (segment: string) => `patience/${escapeId(segment)}`,
  /** A lever's own stream `name` (levers/lever.ts). */
  lever: (lever: string, name: string) => `lever/${escapeId(lever)}/${escapeId(name)}`,
} as const;

function escapeId(id: string): string {
  return id.replace(/[\\/]/g, (c) => `\\${c}`);
}
