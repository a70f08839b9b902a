import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { filesUnder, projectRoot, tempDir } from './cli.js';

describe('a reader that closes the pipe early (queuesim run … | head)', () => {
  it('drops the rest of the output and still writes every result folder whole, exit 0', async () => {
    const out = tempDir();
    const child = spawn(process.execPath, [join(projectRoot, 'dist/bin/queuesim.js'), 'run', 'scenarios/coffee-as-is.yaml', 'scenarios/bank-branch.yaml', '--reps', '4', '--no-report', '--out', out], {
      cwd: projectRoot,
      env: { ...process.env, NO_COLOR: '1' },
    });
    child.stdout.destroy(); // nobody reads: the first table written meets a closed pipe (EPIPE)
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    expect(readdirSync(out).sort()).toEqual(['bank-branch-weekday', 'coffee-counter-as-is']); // no staging folder left
    for (const folder of ['bank-branch-weekday', 'coffee-counter-as-is']) expect(filesUnder(join(out, folder))).toContain('summary.json');
  });
});
