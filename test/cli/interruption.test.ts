import { describe, expect, it, vi } from 'vitest';
import { RunInterrupted } from '../../src/run/pool.js';
import { Interruption } from '../../src/cli/interrupt.js';
import { interruptedAfterWriting, withInterruption } from '../../src/cli/workers.js';

describe('Ctrl-C while merging one job of several', () => {
  it('names the job that was not written (the jobs before it were), with exit 130', async () => {
    const written: string[] = [];
    const spy = vi.spyOn(process.stderr, 'write').mockImplementation((text) => (written.push(String(text)), true));
    try {
      const code = await withInterruption('Sweep Bank', async () => {
        process.emit('SIGINT', 'SIGINT');
        throw new RunInterrupted();
      });
      expect(code).toBe(130);
    } finally {
      spy.mockRestore();
    }
    expect(written).toEqual(['queuesim: interrupted; nothing was written for "Sweep Bank".\n']);
  });
});

describe('Ctrl-C while the result folder is put in place', () => {
  it('ends the command as interrupted (130) and says the results were written whole; without one, nothing', () => {
    const written: string[] = [];
    const spy = vi.spyOn(process.stderr, 'write').mockImplementation((text) => (written.push(String(text)), true));
    const interruption = new Interruption();
    try {
      expect(interruptedAfterWriting(interruption, 'out/sweep')).toBeUndefined();
      process.emit('SIGINT', 'SIGINT');
      expect(interruptedAfterWriting(interruption, 'out/sweep')).toBe(130);
    } finally {
      interruption.dispose();
      spy.mockRestore();
    }
    expect(written).toEqual(['queuesim: interrupted; the results were written whole just before, in out/sweep.\n']);
  });
});
