import { describe, expect, it, vi } from 'vitest';
import { RunInterrupted } from '../../src/run/pool.js';
import { withInterruption } from '../../src/cli/workers.js';

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
