import { describe, expect, it } from 'vitest';
import { createStream, sources } from '../../src/random/streams.js';

function draw(seed: number, replication: number, source: string, n = 100): number[] {
  const stream = createStream(seed, replication, source);
  return Array.from({ length: n }, () => stream.next());
}

describe('random streams', () => {
  it('the same (seed, replication, source) gives the same sequence', () => {
    expect(draw(42, 3, 'arrivals/walkIn')).toEqual(draw(42, 3, 'arrivals/walkIn'));
  });

  it('a stream does not depend on other streams being drawn in between', () => {
    const alone = draw(7, 0, 'service/a/counter', 50);
    const a = createStream(7, 0, 'service/a/counter');
    const b = createStream(7, 0, 'patience/a');
    const interleaved: number[] = [];
    for (let i = 0; i < 50; i++) {
      interleaved.push(a.next());
      b.next();
      b.next();
    }
    expect(interleaved).toEqual(alone);
  });

  it('a different seed gives a different sequence', () => {
    expect(draw(1, 0, 'arrivals/x')).not.toEqual(draw(2, 0, 'arrivals/x'));
  });

  it('a different replication gives a different sequence', () => {
    expect(draw(1, 0, 'arrivals/x')).not.toEqual(draw(1, 1, 'arrivals/x'));
  });

  it('a different source gives a different sequence', () => {
    expect(draw(1, 0, 'arrivals/x')).not.toEqual(draw(1, 0, 'arrivals/y'));
  });

  it('streams of different keys share no values (they are not shifted copies)', () => {
    const a = new Set(draw(1, 0, 'arrivals/x', 1000));
    const b = draw(1, 0, 'arrivals/y', 1000).filter((v) => a.has(v));
    expect(b).toHaveLength(0);
  });

  it('seed and replication are not confused (seed 1 rep 12 differs from seed 11 rep 2)', () => {
    expect(draw(1, 12, 's')).not.toEqual(draw(11, 2, 's'));
  });

  it('every value lies in [0, 1)', () => {
    const stream = createStream(3, 1, 'range');
    let min = Infinity;
    let max = -Infinity;
    for (let i = 0; i < 200_000; i++) {
      const u = stream.next();
      if (!(u >= 0 && u < 1)) throw new Error(`value out of [0, 1): ${u}`);
      if (u < min) min = u;
      if (u > max) max = u;
    }
    expect(min).toBeLessThan(1e-3);
    expect(max).toBeGreaterThan(1 - 1e-3);
  });

  it('values are uniform: mean 1/2 and variance 1/12 within 4 standard errors', () => {
    const stream = createStream(5, 0, 'uniformity');
    const n = 200_000;
    let sum = 0;
    let sumSquares = 0;
    for (let i = 0; i < n; i++) {
      const u = stream.next();
      sum += u;
      sumSquares += u * u;
    }
    expect(Math.abs(sum / n - 0.5)).toBeLessThan(4 * Math.sqrt(1 / 12 / n));
    // Var(U^2) = 1/5 - 1/9
    expect(Math.abs(sumSquares / n - 1 / 3)).toBeLessThan(4 * Math.sqrt((1 / 5 - 1 / 9) / n));
  });

  it('names sources so that no two parts of a model share a stream', () => {
    const names = [
      sources.arrivals('a'),
      sources.arrivals('b'),
      sources.service('a', 'counter'),
      sources.service('b', 'counter'),
      sources.service('a', 'desk'),
      sources.patience('a'),
      sources.patience('b'),
    ];
    expect(new Set(names).size).toBe(names.length);
  });
});

describe('the xor4096 stream', () => {
  it('draws bit for bit what seedrandom’s xor4096(key).double() draws, for any key', async () => {
    const { default: seedrandom } = await import('seedrandom');
    for (const [seed, replication, source] of [
      [42, 0, 'arrivals/quick'],
      [1, 19, 'service/quick/counter'],
      [0, 3, 'patience/a\\/b'],
      [2 ** 31, 123_456, 'service/東京/desk'],
    ] as const) {
      const ours = createStream(seed, replication, source);
      const theirs = seedrandom.xor4096(`queuesim:${seed}:${replication}:${source}`);
      for (let i = 0; i < 20_000; i++) expect(ours.next()).toBe(theirs.double());
    }
  });
});
