import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkOutputFolder, slugOf, writeResultFolder } from '../../src/cli/output.js';
import { filesUnder, tempDir } from './cli.js';

describe('output folders', () => {
  it('a scenario name becomes a readable slug', () => {
    expect(slugOf('Bank branch, weekday')).toBe('bank-branch-weekday');
    expect(slugOf('Tiny café, lunch')).toBe('tiny-cafe-lunch');
  });

  it('names whose letters a slug cannot keep get a stable hash, so they do not share a folder', () => {
    expect(slugOf('東京')).toMatch(/^scenario-[0-9a-f]{8}$/);
    expect(slugOf('東京')).toBe(slugOf('東京'));
    expect(slugOf('東京')).not.toBe(slugOf('大阪'));
    expect(slugOf('Branch 東京')).toMatch(/^branch-[0-9a-f]{8}$/);
  });

  it('a name too long for a folder is cut to 80 characters and ends with its hash, so long names that start alike differ', () => {
    const title = (axis: string) => `Sweep Restaurant Saturday evening over reservations.bookingLimit.extra and reservations.${axis}`;
    const [noShow, cancel] = [slugOf(title('noShow')), slugOf(title('cancel'))];
    expect(noShow).not.toBe(cancel);
    expect(noShow).toMatch(/^sweep-restaurant-saturday-evening-over-reservations-bookinglimit-extra-[0-9a-f]{8}$/);
    expect(noShow.length).toBeLessThanOrEqual(80);
    expect(slugOf('x'.repeat(80))).toBe('x'.repeat(80)); // 80 fits as it is
  });

  it('checks the output folder before any work: created if missing, refused if a file is in the way', async () => {
    const dir = tempDir();
    expect(await checkOutputFolder(join(dir, 'new', 'nested'))).toBeUndefined();
    const file = join(dir, 'a-file');
    writeFileSync(file, '');
    expect(await checkOutputFolder(file)).toMatch(/a file of that name is in the way/);
    expect(await checkOutputFolder('')).toMatch(/--out must name a folder/);
  });

  it('says in words why a folder cannot be made, rather than the system call that failed', async () => {
    expect(await checkOutputFolder('/proc/queuesim-test/out')).toBe('cannot write results to "/proc/queuesim-test/out": a folder cannot be made there');
  });

  it('names the parent that is in the way: a file, or a folder no one may make folders in', async () => {
    const file = join(tempDir(), 'a-file');
    writeFileSync(file, '');
    expect(await checkOutputFolder(join(file, 'sub', 'deeper'))).toBe(`cannot write results to "${join(file, 'sub', 'deeper')}": "${file}" is a file, not a folder`);
    // sysfs refuses a new folder even to root (EPERM; EROFS where it is mounted read-only).
    expect(await checkOutputFolder('/sys/queuesim-test/out')).toBe('cannot write results to "/sys/queuesim-test/out": a folder cannot be made in "/sys": it is not writable');
  });

  it('writes files in subfolders and binary contents, replacing the previous folder whole', async () => {
    const out = tempDir();
    await writeResultFolder(out, 'run', { 'old.txt': 'old' });
    const folder = await writeResultFolder(out, 'run', { 'a.txt': 'text', 'charts/b.png': new Uint8Array([0x89, 0x50]) });
    expect(folder).toBe(join(out, 'run'));
    expect(filesUnder(out).sort()).toEqual(['run', 'run/a.txt', 'run/charts', 'run/charts/b.png']);
    expect([...readFileSync(join(out, 'run/charts/b.png'))]).toEqual([0x89, 0x50]);
  });

  it('refuses file names that would leave the result folder, and writes nothing', async () => {
    const out = tempDir();
    for (const name of ['../escape.txt', '/etc/x', 'charts/../../x', 'a//b', '']) {
      await expect(writeResultFolder(out, 'run', { [name]: 'x' })).rejects.toThrow(/relative path inside the result folder/);
    }
    expect(filesUnder(out)).toEqual([]);
  });
});
