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
  // Brent's xorgens (xor4096): period 2^4096 - 1, passes BigCrush; double() gives 53-bit
  // uniforms. Its `double` is a closure over the generator, so it serves as `next` directly.
  const prng = seedrandom.xor4096(`queuesim:${seed}:${replication}:${source}`);
  return { next: prng.double };
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
