import { availableParallelism } from 'node:os';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { loadScenario, runReplications } from '../../src/index.js';
import { pinnedPart } from '../run/pinned-results.js';
import { projectRoot, queuesim, scenarioFile, tempDir, expectSuccess } from './cli.js';

const read = (dir: string, file: string) => readFileSync(join(dir, 'bank-branch-weekday', file), 'utf8');

const endless = `
name: Endless
seed: 1
replications: 1000000000
time: { horizon: 30 }
stations:
  - { id: desk, servers: 1, service: { dist: exponential, mean: 1 } }
segments:
  - { id: walkIn, arrivals: { rate: 0.8 }, route: [desk] }
`;

describe('queuesim run --workers', () => {
  it('gives byte-identical summary.json and replications.csv with 1 and with 2 workers, and the pinned summary', () => {
    const [one, two] = [tempDir(), tempDir()];
    expectSuccess(queuesim(['run', 'scenarios/bank-branch.yaml', '--out', one, '--quiet', '--workers', '1']));
    expectSuccess(queuesim(['run', 'scenarios/bank-branch.yaml', '--out', two, '--quiet', '--workers', '2']));
    expect(read(two, 'summary.json')).toBe(read(one, 'summary.json'));
    expect(read(two, 'replications.csv')).toBe(read(one, 'replications.csv'));
    const pinned = readFileSync(join(projectRoot, 'test/fixtures/pinned/bank-branch.json'), 'utf8');
    expect(pinnedPart(JSON.parse(read(one, 'summary.json')) as object, pinned)).toBe(pinned);
    const [again1, again3] = [tempDir(), tempDir()];
    queuesim(['run', 'scenarios/bank-branch.yaml', '--out', again1, '--quiet', '--workers', '1', '--reps', '150']);
    queuesim(['run', 'scenarios/bank-branch.yaml', '--out', again3, '--quiet', '--workers', '3', '--reps', '150']);
    expect(read(again3, 'summary.json')).toBe(read(again1, 'summary.json'));
    expect(read(again3, 'replications.csv')).toBe(read(again1, 'replications.csv'));
  });

  it('with levers (experience, reservations, pricing that settles): the same summary on 1 and 3 threads as in memory', () => {
    for (const file of ['coffee-as-is.yaml', 'restaurant-saturday.yaml', 'cafe-peak-surcharge.yaml', 'bank-with-triage.yaml']) {
      const [one, three] = [tempDir(), tempDir()];
      for (const [out, workers] of [[one, '1'], [three, '3']] as const) {
        expectSuccess(queuesim(['run', `scenarios/${file}`, '--out', out, '--quiet', '--no-report', '--reps', '12', '--workers', workers]));
      }
      const [slug] = readdirSync(one);
      const summary = (dir: string) => readFileSync(join(dir, slug!, 'summary.json'), 'utf8');
      expect(summary(three)).toBe(summary(one));
      expect(readFileSync(join(three, slug!, 'replications.csv'), 'utf8')).toBe(readFileSync(join(one, slug!, 'replications.csv'), 'utf8'));
      const loaded = loadScenario(readFileSync(join(projectRoot, 'scenarios', file), 'utf8'), file);
      if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems));
      expect(summary(one)).toBe(JSON.stringify(runReplications(loaded.model, { replications: 12 }).summary, null, 2) + '\n');
    }
  });

  it('compare and sweep give the same files on 1 and on 3 threads', () => {
    const commands = [
      ['compare', 'scenarios/coffee-as-is.yaml', 'scenarios/coffee-wait-display.yaml'],
      ['sweep', 'scenarios/bank-branch.yaml', '--vary', 'stations.counter.servers.lunch=4..5'],
    ];
    for (const command of commands) {
      const [one, three] = [tempDir(), tempDir()];
      for (const [out, workers] of [[one, '1'], [three, '3']] as const) {
        expectSuccess(queuesim([...command, '--reps', '10', '--out', out, '--quiet', '--no-report', '--workers', workers]));
      }
      const [slug] = readdirSync(one);
      const json = command[0] === 'compare' ? 'compare.json' : 'sweep.json';
      for (const file of [json, `${command[0]}.csv`]) expect(readFileSync(join(three, slug!, file), 'utf8')).toBe(readFileSync(join(one, slug!, file), 'utf8'));
    }
  });

  it('says so, once, when there are more threads than cores, and runs them; not with --quiet or --json, nor for --help', () => {
    const cores = availableParallelism();
    const note = `note: --workers ${cores + 2} is more than this machine's ${cores} cores: the threads take turns, and each holds memory of its own (about 20 MB).\n`;
    const args = ['run', 'scenarios/bank-branch.yaml', '--out', tempDir(), '--no-report', '--reps', '2'];
    const result = queuesim([...args, '--workers', String(cores + 1), '--workers', String(cores + 2)]);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe(note);
    for (const quiet of ['--quiet', '--json']) expect(queuesim([...args, quiet, '--workers', String(cores + 1)]).stderr).toBe('');
    expect(queuesim([...args, '--workers', String(cores)]).stderr).toBe('');
    expect(queuesim(['run', '--help', '--workers', String(cores + 1)]).stderr).toBe('');
  });

  it('refuses --workers 0 as a usage error', () => {
    const result = queuesim(['run', 'scenarios/bank-branch.yaml', '--out', tempDir(), '--workers', '0']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/--workers must be a whole number of at least 1/);
  });

  it('refuses more than 64 threads, or 4 a core, as a usage error: a typo would start hundreds, each with its memory', () => {
    const most = Math.max(64, 4 * availableParallelism());
    const out = tempDir();
    const result = queuesim(['run', 'scenarios/bank-branch.yaml', '--out', out, '--workers', String(most + 1)]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(new RegExp(`--workers must be at most ${most} \\(this machine has ${availableParallelism()} cores`));
    expect(readdirSync(out)).toEqual([]);
    expectSuccess(queuesim(['run', 'scenarios/bank-branch.yaml', '--out', out, '--workers', String(most), '--reps', '2', '--no-report', '--quiet']));
  });

  it('a replication that runs out of memory ends the run with exit 1 and one line, and writes nothing', () => {
    const overloaded = `
name: Overloaded
replications: 2
time: { horizon: 100000000 }
stations:
  - { id: desk, servers: 1, service: { dist: exponential, mean: 1 } }
segments:
  - { id: walkIn, arrivals: { rate: 5 }, route: [desk] }
`;
    const out = tempDir();
    // A small heap (worker threads inherit it) makes the endless line run out of memory quickly.
    const result = spawnSync(process.execPath, ['--max-old-space-size=48', join(projectRoot, 'dist/bin/queuesim.js'), 'run', scenarioFile('over.yaml', overloaded), '--out', out, '--workers', '1'], {
      encoding: 'utf8',
    });
    expect(result.status).toBe(1);
    expect(result.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(/^warning: .*over\.yaml: station desk is offered 5\.00 times the work its servers can do over the day by customers who never leave its line/), // said before it ran
      expect.stringMatching(/^error: replication 0 of "Overloaded" ran out of memory .*; nothing was written for it\.$/),
    ]);
    expect(readdirSync(out)).toEqual([]);
  });

  it('Ctrl-C stops the run: exit 130, one line on stderr, no staging folder left, the earlier result folder untouched', async () => {
    const out = tempDir();
    const file = scenarioFile('endless.yaml', endless);
    expectSuccess(queuesim(['run', file, '--out', out, '--quiet', '--no-report', '--reps', '3']));
    const before = readFileSync(join(out, 'endless', 'summary.json'), 'utf8');

    const child = spawn(process.execPath, [join(projectRoot, 'dist/bin/queuesim.js'), 'run', file, '--out', out, '--workers', '2'], { cwd: projectRoot });
    let stderr = '';
    let stdout = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
    const staging = () => readdirSync(out).find((name) => name.startsWith('.endless.partial-'));
    // Wait until replications are being written into the staging folder.
    for (let waited = 0; waited < 20_000; waited += 50) {
      const folder = staging();
      if (folder !== undefined && existsSync(join(out, folder, 'replications.csv')) && readFileSync(join(out, folder, 'replications.csv')).length > 0) break;
      await sleep(50);
    }
    expect(staging()).toBeDefined();
    expect(readFileSync(join(out, staging()!, 'replications.csv')).length).toBeGreaterThan(0); // interrupted while writing, not before
    child.kill('SIGINT');
    const { code, signal } = await exited;
    expect({ code, signal }).toEqual({ code: 130, signal: null });
    expect(stdout).toBe('');
    expect(stderr.trim().split('\n')).toEqual([expect.stringMatching(/^queuesim: interrupted; nothing was written for "Endless"\.$/)]);
    expect(readdirSync(out)).toEqual(['endless']);
    expect(readdirSync(join(out, 'endless')).sort()).toEqual(['replications.csv', 'series.csv', 'summary.json']);
    expect(readFileSync(join(out, 'endless', 'summary.json'), 'utf8')).toBe(before);
  });

  it('Ctrl-C while a model settles (pricing congestion, its sets on the threads) stops at once, nothing written', async () => {
    const out = tempDir();
    const child = spawn(process.execPath, [join(projectRoot, 'dist/bin/queuesim.js'), 'run', 'scenarios/cafe-off-peak-discount.yaml', '--reps', '5000', '--out', out, '--quiet', '--workers', '2'], { cwd: projectRoot });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
    await sleep(1500); // settling 5000 replications a step takes many seconds; no folder is staged before it ends
    expect(readdirSync(out)).toEqual([]);
    const interrupted = performance.now();
    child.kill('SIGINT');
    const { code, signal } = await exited;
    expect({ code, signal }).toEqual({ code: 130, signal: null });
    expect(performance.now() - interrupted).toBeLessThan(3000); // on this thread, settling held Ctrl-C for its whole length (~10-20 s)
    expect(stderr.trim().split('\n')).toEqual(['queuesim: interrupted; nothing was written for "Café, off-peak discount".']);
    expect(readdirSync(out)).toEqual([]);
  }, 30_000);
});
