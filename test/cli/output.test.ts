import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkOutputFolder, slugOf } from '../../src/cli/output.js';
import { tempDir } from './cli.js';

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

  it('checks the output folder before any work: created if missing, refused if a file is in the way', async () => {
    const dir = tempDir();
    expect(await checkOutputFolder(join(dir, 'new', 'nested'))).toBeUndefined();
    const file = join(dir, 'a-file');
    writeFileSync(file, '');
    expect(await checkOutputFolder(file)).toMatch(/a file of that name is in the way/);
    expect(await checkOutputFolder('')).toMatch(/--out must name a folder/);
  });
});
