/**
 * Putting a result folder in place when something else is there: a result another process
 * writing the same folder committed a moment before (a re-run pod, a duplicate task), or a
 * file of the folder's name. The other process's commit is injected into rename() at the
 * moment it would race with ours.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';

/** Called before each rename(from, to); a test sets it to act between two steps of a commit, or to fail the rename (return the error). */
let beforeRename: (from: string, to: string) => NodeJS.ErrnoException | void = () => {};

vi.mock('node:fs/promises', async (original) => {
  const real = await original<typeof import('node:fs/promises')>();
  return {
    ...real,
    rename: async (from: string, to: string) => {
      const failed = beforeRename(from, to);
      if (failed) throw failed;
      return real.rename(from, to);
    },
  };
});

const { ResultFolderProblem, stageResultFolder, writeResultFolder } = await import('../../src/cli/output.js');

const failure = (code: string) => Object.assign(new Error(`${code}: injected`), { code });
const { tempDir } = await import('./cli.js');
const { Interruption } = await import('../../src/cli/interrupt.js');
const { RunInterrupted } = await import('../../src/run/pool.js');

afterEach(() => {
  beforeRename = () => {};
});

describe('committing a result folder', () => {
  it('when another process commits the same folder just before ours, the last to commit wins, whole, and nothing is left over', async () => {
    const out = tempDir();
    const target = join(out, 'bank');
    let raced = false;
    beforeRename = (from, to) => {
      // The other process puts its result in place just as ours is about to go in.
      if (!raced && to === target && from.includes('.partial-')) {
        raced = true;
        mkdirSync(target);
        writeFileSync(join(target, 'summary.json'), 'theirs');
        writeFileSync(join(target, 'only-theirs.csv'), 'x');
      }
    };
    await writeResultFolder(out, 'bank', { 'summary.json': 'ours' });
    expect(raced).toBe(true);
    expect(readFileSync(join(target, 'summary.json'), 'utf8')).toBe('ours');
    expect(existsSync(join(target, 'only-theirs.csv'))).toBe(false);
    expect(readdirSync(out)).toEqual(['bank']); // no .partial, no .previous
  });

  it('where a rename onto a folder fails even when it is empty (EPERM, as on Windows), an earlier result is still replaced', async () => {
    const out = tempDir();
    await writeResultFolder(out, 'bank', { 'summary.json': 'earlier' });
    beforeRename = (_from, to) => (existsSync(to) ? failure('EPERM') : undefined);
    await writeResultFolder(out, 'bank', { 'summary.json': 'ours' });
    expect(readFileSync(join(out, 'bank', 'summary.json'), 'utf8')).toBe('ours');
    expect(readdirSync(out)).toEqual(['bank']);
  });

  it('when ours cannot go in, the earlier result is put back; if even that fails, it is kept aside and named, never deleted', async () => {
    const out = tempDir();
    await writeResultFolder(out, 'bank', { 'summary.json': 'earlier' });
    beforeRename = (from, to) => (from.includes('.partial-') && to.endsWith('bank') ? failure('EACCES') : undefined);
    await expect(writeResultFolder(out, 'bank', { 'summary.json': 'ours' })).rejects.toThrow('EACCES');
    expect(readFileSync(join(out, 'bank', 'summary.json'), 'utf8')).toBe('earlier');
    expect(readdirSync(out)).toEqual(['bank']);

    beforeRename = (from, to) => (from.includes('.partial-') || from.includes('.previous-')) && to.endsWith('bank') ? failure('EBUSY') : undefined;
    const error = await writeResultFolder(out, 'bank', { 'summary.json': 'ours' }).catch((e: Error) => e);
    expect(String(error)).toMatch(/EBUSY: injected; the earlier result is kept in .*\.bank\.previous-/);
    const [kept] = readdirSync(out).filter((name) => name.startsWith('.bank.previous-'));
    expect(readFileSync(join(out, kept!, 'summary.json'), 'utf8')).toBe('earlier');
  });

  it('two writers in one process (as two containers with one PID) stage apart, and the last to commit wins whole', async () => {
    const out = tempDir();
    const [a, b] = [await stageResultFolder(out, 'bank'), await stageResultFolder(out, 'bank')];
    expect(a.path).not.toBe(b.path);
    for (const [staged, who] of [[a, 'a'], [b, 'b']] as const) for (const name of ['summary.json', 'replications.csv']) writeFileSync(join(staged.path, name), who);
    await a.commit();
    await b.commit();
    expect(['summary.json', 'replications.csv'].map((name) => readFileSync(join(out, 'bank', name), 'utf8'))).toEqual(['b', 'b']);
    expect(readdirSync(out)).toEqual(['bank']);
  });

  it('a second Ctrl-C between moving the earlier result aside and putting ours in place puts the earlier one back', async () => {
    const out = tempDir();
    await writeResultFolder(out, 'bank', { 'summary.json': 'earlier' });
    const staged = await stageResultFolder(out, 'bank');
    writeFileSync(join(staged.path, 'summary.json'), 'ours');
    beforeRename = (from, to) => {
      if (from === staged.path && to.endsWith('bank')) staged.discardSync(); // what the second Ctrl-C runs
    };
    await expect(staged.commit()).rejects.toThrow();
    expect(readFileSync(join(out, 'bank', 'summary.json'), 'utf8')).toBe('earlier');
    expect(readdirSync(out)).toEqual(['bank']);
  });

  it('replaces an earlier result whole, as before', async () => {
    const out = tempDir();
    await writeResultFolder(out, 'bank', { 'summary.json': 'first', 'extra.csv': 'x' });
    await writeResultFolder(out, 'bank', { 'summary.json': 'second' });
    expect(readdirSync(join(out, 'bank'))).toEqual(['summary.json']);
    expect(readFileSync(join(out, 'bank', 'summary.json'), 'utf8')).toBe('second');
    expect(readdirSync(out)).toEqual(['bank']);
  });

  it('after a Ctrl-C, writes the files but does not put the folder in place, and leaves nothing', async () => {
    const out = tempDir();
    await writeResultFolder(out, 'bank', { 'summary.json': 'earlier' });
    const interruption = new Interruption();
    try {
      process.emit('SIGINT', 'SIGINT');
      expect(interruption.signal.aborted).toBe(true);
      await expect(writeResultFolder(out, 'bank', { 'summary.json': 'ours' }, interruption)).rejects.toThrow(RunInterrupted);
    } finally {
      interruption.dispose();
    }
    expect(readFileSync(join(out, 'bank', 'summary.json'), 'utf8')).toBe('earlier');
    expect(readdirSync(out)).toEqual(['bank']);
  });

  it('refuses to replace a file of the folder’s name: it is the user’s, not an earlier result', async () => {
    const out = tempDir();
    writeFileSync(join(out, 'bank'), 'my notes');
    await expect(stageResultFolder(out, 'bank')).rejects.toThrow('is in the way: it is a file, not a result folder');
    await expect(writeResultFolder(out, 'bank', { 'summary.json': 'ours' })).rejects.toThrow(ResultFolderProblem);
    expect(readFileSync(join(out, 'bank'), 'utf8')).toBe('my notes');
    expect(readdirSync(out)).toEqual(['bank']);
  });
});
