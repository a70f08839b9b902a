import { describe, expect, it } from 'vitest';
import { closeEarlyPool, startPoolEarly, withPool } from '../../src/cli/with-pool.js';

describe('withPool and the pool main.ts starts before loading a command', () => {
  it('takes the early pool when it has the threads asked for, and closes it after the work', async () => {
    const early = startPoolEarly(2);
    expect(startPoolEarly(2)).toBe(early); // one early pool, however often asked
    let used: unknown;
    await withPool(2, async (pool) => {
      used = pool;
    });
    expect(used).toBe(early);
    expect(early.closing).toBe(true);
  });

  it('closes an early pool of another size and runs on a new one', async () => {
    const early = startPoolEarly(3);
    let used: { size: number } | undefined;
    await withPool(1, async (pool) => {
      used = pool;
    });
    expect(used).not.toBe(early);
    expect(used?.size).toBe(1);
    expect(early.closing).toBe(true);
  });

  it('closeEarlyPool closes a pool no command took; the next command gets a new one', async () => {
    const early = startPoolEarly(1);
    await closeEarlyPool();
    expect(early.closing).toBe(true);
    let used: unknown;
    await withPool(1, async (pool) => {
      used = pool;
    });
    expect(used).not.toBe(early);
  });
});
