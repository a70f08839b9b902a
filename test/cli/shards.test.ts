import { availableParallelism } from 'node:os';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { jobHash, type ShardManifest } from '../../src/cli/shard-manifest.js';
import { projectRoot, tempDir, type CliResult } from './cli.js';

/** Runs the built binary with exactly these shard variables (none of the caller's leak in). */
function queuesimWith(args: string[], env: Record<string, string> = {}): CliResult {
  const base = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !/^(JOB_COMPLETION_INDEX|QUEUESIM_SHARDS|SLURM_ARRAY_)/.test(name)),
  );
  const result = spawnSync(process.execPath, [join(projectRoot, 'dist/bin/queuesim.js'), ...args], { cwd: projectRoot, encoding: 'utf8', env: { ...base, ...env, NO_COLOR: '1' } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Every file under `dir`, by its path there, with a hash of its bytes. */
function contents(dir: string): Record<string, string> {
  const files = readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)));
  return Object.fromEntries(files.sort().map((name) => [name, createHash('sha256').update(readFileSync(join(dir, name))).digest('hex')]));
}

/**
 * The command run whole, and as 3 shards in 3 separate processes — shard 1 by --shard, shard 2
 * from a Kubernetes Indexed Job's variables, shard 3 from a Slurm array's — then merged.
 */
function wholeAndMerged(command: string[]): { whole: string; merged: string; shards: string; mergeOutput: CliResult; wholeOutput: CliResult } {
  const [whole, shards, merged] = [tempDir(), tempDir(), tempDir()];
  const wholeOutput = queuesimWith([...command, '--out', whole, '--workers', '1']);
  expect(wholeOutput.code).toBe(0);
  const runs = [
    queuesimWith([...command, '--out', shards, '--workers', '2', '--shard', '1/3']),
    queuesimWith([...command, '--out', shards, '--workers', '2', '--shards', '3'], { JOB_COMPLETION_INDEX: '1' }),
    queuesimWith([...command, '--out', shards, '--workers', String(Math.min(2, availableParallelism()))], { QUEUESIM_SHARDS: '3', SLURM_ARRAY_TASK_ID: '3', SLURM_ARRAY_TASK_MIN: '1', SLURM_ARRAY_TASK_COUNT: '3' }),
  ];
  for (const run of runs) expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 0, stderr: '' });
  // With --json each shard prints one JSON value: an array when it wrote several folders.
  if (command.includes('--json')) for (const run of runs) expect(() => JSON.parse(run.stdout), run.stdout).not.toThrow();
  const mergeOutput = queuesimWith(['merge', shards, '--out', merged, ...command.filter((a) => a === '--no-report' || a === '--quiet' || a === '--json')]);
  expect({ code: mergeOutput.code, stderr: mergeOutput.stderr }).toEqual({ code: 0, stderr: '' });
  return { whole, merged, shards, mergeOutput, wholeOutput };
}

describe('queuesim --shard and queuesim merge', () => {
  it('run: 3 shards in 3 processes, merged, give byte-identical files to the single run (pricing that settles included)', () => {
    const { whole, merged, shards } = wholeAndMerged(['run', 'scenarios/coffee-as-is.yaml', 'scenarios/cafe-peak-surcharge.yaml', '--reps', '12', '--no-report', '--quiet']);
    expect(readdirSync(shards).sort()).toEqual([
      'cafe-peak-surcharge.shard-1-of-3',
      'cafe-peak-surcharge.shard-2-of-3',
      'cafe-peak-surcharge.shard-3-of-3',
      'coffee-counter-as-is.shard-1-of-3',
      'coffee-counter-as-is.shard-2-of-3',
      'coffee-counter-as-is.shard-3-of-3',
    ]);
    expect(readdirSync(merged).sort()).toEqual(['cafe-peak-surcharge', 'coffee-counter-as-is']);
    expect(Object.keys(contents(whole))).toContain('coffee-counter-as-is/replications.csv');
    expect(contents(merged)).toEqual(contents(whole));
  });

  it('run: the merge prints what the single run prints, and the report is byte-identical too', () => {
    const { whole, merged, mergeOutput, wholeOutput } = wholeAndMerged(['run', 'scenarios/coffee-as-is.yaml', '--reps', '12']);
    expect(Object.keys(contents(whole))).toContain('coffee-counter-as-is/report.html');
    expect(contents(merged)).toEqual(contents(whole));
    expect(mergeOutput.stdout.replaceAll(merged, 'OUT')).toBe(wholeOutput.stdout.replaceAll(whole, 'OUT'));
  });

  it('run of several files: the merge prints the tables in the run’s file order, and with --json one array, as the run does', () => {
    const files = ['scenarios/coffee-as-is.yaml', 'scenarios/bank-branch.yaml']; // slugs in the other order: coffee-… after bank-…
    for (const output of [[], ['--json']]) {
      const { whole, merged, mergeOutput, wholeOutput } = wholeAndMerged(['run', ...files, '--reps', '6', '--no-report', ...output]);
      expect(contents(merged)).toEqual(contents(whole));
      expect(mergeOutput.stdout.replaceAll(merged, 'OUT')).toBe(wholeOutput.stdout.replaceAll(whole, 'OUT'));
      if (output.length > 0) {
        const summaries = JSON.parse(mergeOutput.stdout) as { scenario: string }[];
        expect(summaries.map((summary) => summary.scenario)).toEqual(['Coffee counter, as is', 'Bank branch, weekday']);
      }
    }
  });

  it('runs of several files merged together stay apart: each run’s files together and in its order', () => {
    const shards = tempDir();
    const runs = [
      ['scenarios/coffee-as-is.yaml', 'scenarios/bank-branch.yaml'],
      ['scenarios/bank-day-staffing.yaml', 'scenarios/supermarket-serpentine.yaml'],
    ];
    for (const files of runs) expect(queuesimWith(['run', ...files, '--reps', '2', '--no-report', '--quiet', '--shard', '1/1', '--out', shards]).code).toBe(0);
    const merged = queuesimWith(['merge', shards, '--json', '--no-report', '--out', tempDir()]);
    expect({ code: merged.code, stderr: merged.stderr }).toEqual({ code: 0, stderr: '' });
    const order = (JSON.parse(merged.stdout) as { scenario: string }[]).map((summary) => summary.scenario);
    const first = ['Coffee counter, as is', 'Bank branch, weekday'];
    const second = ['Bank day, teller staffing', 'Supermarket, one serpentine line'];
    expect([[...first, ...second], [...second, ...first]]).toContainEqual(order);
  });

  it('compare: the merged variants, paired differences and report are byte-identical to the single comparison', () => {
    const { whole, merged } = wholeAndMerged(['compare', 'scenarios/coffee-as-is.yaml', 'scenarios/coffee-wait-display.yaml', '--reps', '12']);
    const files = Object.keys(contents(whole));
    for (const file of ['compare.json', 'compare.csv', 'report.html']) expect(files.some((f) => f.endsWith(`/${file}`))).toBe(true);
    expect(contents(merged)).toEqual(contents(whole));
  });

  it('compare with --set and sweep: byte-identical after merging', () => {
    const commands = [
      ['compare', 'scenarios/bank-branch.yaml', '--set', 'lunch5: stations.counter.servers.lunch=5', '--reps', '12', '--no-report', '--quiet'],
      ['sweep', 'scenarios/bank-branch.yaml', '--vary', 'stations.counter.servers.lunch=4..6', '--reps', '12', '--no-report', '--quiet'],
    ];
    for (const command of commands) {
      const { whole, merged } = wholeAndMerged(command);
      expect(Object.keys(contents(whole)).length).toBeGreaterThan(0);
      expect(contents(merged)).toEqual(contents(whole));
    }
  });

  it('a folder of links to shard folders (gathered from several nodes) merges like the folders themselves', () => {
    const [whole, shards, links, merged] = [tempDir(), tempDir(), tempDir(), tempDir()];
    const command = ['run', 'scenarios/coffee-as-is.yaml', '--reps', '4', '--no-report', '--quiet'];
    expect(queuesimWith([...command, '--out', whole]).code).toBe(0);
    for (const k of [1, 2]) {
      const node = join(shards, `node-${k}`);
      mkdirSync(node);
      expect(queuesimWith([...command, '--out', node, '--shard', `${k}/2`]).code).toBe(0);
      symlinkSync(join(node, `coffee-counter-as-is.shard-${k}-of-2`), join(links, `coffee-counter-as-is.shard-${k}-of-2`));
    }
    const result = queuesimWith(['merge', links, '--out', merged, '--quiet', '--no-report']);
    expect({ code: result.code, stderr: result.stderr }).toEqual({ code: 0, stderr: '' });
    expect(contents(merged)).toEqual(contents(whole));
  });

  it('more shards than replications: the empty shards merge too', () => {
    const [whole, shards, merged] = [tempDir(), tempDir(), tempDir()];
    const command = ['sweep', 'scenarios/bank-branch.yaml', '--vary', 'stations.counter.servers.lunch=4,5', '--reps', '2', '--no-report', '--quiet'];
    expect(queuesimWith([...command, '--out', whole]).code).toBe(0);
    for (const k of [1, 2, 3, 4]) expect(queuesimWith([...command, '--out', shards, '--shard', `${k}/4`]).code).toBe(0);
    const folders = readdirSync(shards).map((name) => join(shards, name));
    expect(queuesimWith(['merge', ...folders, '--out', merged, '--quiet', '--no-report']).code).toBe(0);
    expect(contents(merged)).toEqual(contents(whole));
  });

  describe('refuses shards that do not make one whole job, with one line and exit 2, and writes nothing', () => {
    const [shards, other] = [tempDir(), tempDir()];
    beforeAll(() => {
      const command = ['run', 'scenarios/coffee-as-is.yaml', '--reps', '6', '--out', shards, '--quiet'];
      for (const k of [1, 2, 3]) expect(queuesimWith([...command, '--shard', `${k}/3`]).code).toBe(0);
      // The same scenario with other replications: another job.
      expect(queuesimWith(['run', 'scenarios/coffee-as-is.yaml', '--reps', '9', '--out', other, '--quiet', '--shard', '2/3']).code).toBe(0);
    });
    const shard = (k: number) => join(shards, `coffee-counter-as-is.shard-${k}-of-3`);

    const refused = (dirs: string[], message: RegExp, options: string[] = []) => {
      const out = tempDir();
      const result = queuesimWith(['merge', ...dirs, '--out', out, ...options]);
      expect(result.code).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr.trim().split('\n')).toEqual([expect.stringMatching(message)]);
      expect(readdirSync(out)).toEqual([]);
    };

    it('shards written by a build from other sources under the same version (a node that kept an old image)', () => {
      const manifest = JSON.parse(readFileSync(join(shard(2), 'shard.json'), 'utf8')) as ShardManifest;
      // The built command stamps its build: a hash of the sources and the lockfile.
      expect(manifest.queuesim).toMatch(/^\d+\.\d+\.\d+\+[0-9a-f]{12}$/);
      const copy = join(tempDir(), 'coffee-counter-as-is.shard-2-of-3');
      cpSync(shard(2), copy, { recursive: true });
      const older = manifest.queuesim.replace(/\+.*/, '+000000000000');
      writeFileSync(join(copy, 'shard.json'), JSON.stringify({ ...manifest, queuesim: older, job: jobHash(older, manifest.inputs) }, null, 2) + '\n');
      refused([shard(1), copy, shard(3)], /^error: .*shard-2-of-3 was written by queuesim \d+\.\d+\.\d+\+000000000000; this is .*\+[0-9a-f]{12}, the same version built from other sources: the shards and the merge must all run one build \(one image\); merge with the build that ran the shards, or run the shards that differ again; nothing was merged\.$/);
    });

    it('a missing shard', () => refused([shard(1), shard(3)], /^error: coffee-counter-as-is is missing shard 2 of 3 \(coffee-counter-as-is\.shard-2-of-3\); nothing was merged\.$/));

    it('a missing shard whose half-written staging folder is there (the shard was killed): says so', () => {
      const copy = tempDir();
      for (const k of [1, 3]) cpSync(shard(k), join(copy, `coffee-counter-as-is.shard-${k}-of-3`), { recursive: true });
      mkdirSync(join(copy, '.coffee-counter-as-is.shard-2-of-3.partial-123-abc'));
      refused([copy], /^error: coffee-counter-as-is is missing shard 2 of 3 \(coffee-counter-as-is\.shard-2-of-3\); .*\.coffee-counter-as-is\.shard-2-of-3\.partial-123-abc is what is left of a shard stopped while it wrote \(killed\?\): remove it and run that shard again; nothing was merged\.$/);
    });

    it('the same folder named twice, or a shard named beside the folder holding it, is read once', () => {
      const out = tempDir();
      const result = queuesimWith(['merge', shards, shards, shard(2), '--out', out, '--quiet']);
      expect({ code: result.code, stderr: result.stderr }).toEqual({ code: 0, stderr: '' });
      expect(readdirSync(out)).toEqual(['coffee-counter-as-is']);
    });

    it('a shard given twice', () => {
      const copy = join(tempDir(), 'copy-of-shard-2');
      cpSync(shard(2), copy, { recursive: true });
      refused([shard(1), shard(2), copy, shard(3)], /^error: shard 2 of 3 of coffee-counter-as-is is given twice \(.*shard-2-of-3 and .*copy-of-shard-2\); nothing was merged\.$/);
    });

    it('shards of one job split two ways (an earlier split\'s folders still there)', () => {
      const halves = tempDir();
      expect(queuesimWith(['run', 'scenarios/coffee-as-is.yaml', '--reps', '6', '--out', halves, '--quiet', '--shard', '1/2']).code).toBe(0);
      refused([join(halves, 'coffee-counter-as-is.shard-1-of-2'), shard(2), shard(3)], /^error: .*shard-1-of-2 and .*shard-2-of-3 split the job differently \(into 2 and 3 shards\): .*; nothing was merged\.$/);
    });

    it('shards of different jobs', () =>
      refused([shard(1), join(other, 'coffee-counter-as-is.shard-2-of-3'), shard(3)], /^error: .*shard-1-of-3 and .*shard-2-of-3 are shards of different jobs \(their inputs differ: reps 6 and 9\); merge the shards of one run; nothing was merged\.$/));

    it('a run of several files with one file\'s shards missing: not the run\'s results', () => {
      const run = tempDir();
      const files = ['scenarios/coffee-as-is.yaml', 'scenarios/bank-branch.yaml', 'scenarios/cafe-as-is.yaml'];
      expect(queuesimWith(['run', ...files, '--reps', '2', '--no-report', '--quiet', '--shard', '1/1', '--out', run]).code).toBe(0);
      rmSync(join(run, 'bank-branch-weekday.shard-1-of-1'), { recursive: true });
      refused([run], /^error: a run of 3 files is missing the shards of its file 2 of 3 \(here: file 1, scenarios\/coffee-as-is\.yaml; file 3, scenarios\/cafe-as-is\.yaml\); nothing was merged\.$/);
    });

    it('--json over a comparison or a sweep beside another job, which would print two JSON values', () => {
      const mixed = tempDir();
      cpSync(shards, mixed, { recursive: true });
      expect(queuesimWith(['sweep', 'scenarios/bank-branch.yaml', '--vary', 'stations.counter.servers.lunch=4,5', '--reps', '2', '--quiet', '--shard', '1/1', '--out', mixed]).code).toBe(0);
      refused([mixed], /^error: --json prints one JSON value, and these shards hold a comparison or a sweep beside other jobs \((?=.*\(sweep\))(?=.*coffee-counter-as-is \(run\)).*\): merge each comparison or sweep on its own with --json, or merge without it; nothing was merged\.$/, ['--json']);
    });

    it('shards of one job listing different models (a shard.json edited by hand)', () => {
      const compare = tempDir();
      const command = ['compare', 'scenarios/coffee-as-is.yaml', 'scenarios/coffee-wait-display.yaml', '--reps', '2', '--quiet', '--out', compare];
      for (const k of [1, 2]) expect(queuesimWith([...command, '--shard', `${k}/2`]).code).toBe(0);
      const [first] = readdirSync(compare).filter((name) => name.endsWith('.shard-1-of-2'));
      const manifest = join(compare, first!, 'shard.json');
      const edited = JSON.parse(readFileSync(manifest, 'utf8')) as { models: unknown[] };
      edited.models.pop();
      writeFileSync(manifest, JSON.stringify(edited, null, 2) + '\n');
      refused([compare], /^error: .*shard-1-of-2 and .*shard-2-of-2 list different models \(1 and 2\) for one job: a shard\.json edited by hand\? run the shard again; nothing was merged\.$/);
    });

    it('a file where a result folder goes: refused before anything is merged, as before a run', () => {
      const out = tempDir();
      writeFileSync(join(out, 'coffee-counter-as-is'), 'in the way');
      const result = queuesimWith(['merge', shards, '--out', out]);
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(/^error: .*coffee-counter-as-is is in the way: it is a file, not a result folder \(move it away\); nothing was merged\.\n$/);
      expect(readdirSync(out)).toEqual(['coffee-counter-as-is']);
    });

    it('a folder with no shard in it', () => refused([tempDir()], /^error: .* holds no shard folder .*; nothing was merged\.$/));

    it('a folder that does not exist', () => refused([join(tempDir(), 'nowhere')], /^error: .*nowhere does not exist; nothing was merged\.$/));

    it('a rows file missing or cut short, in any file of a run: checked before the first file is written', () => {
      const run = tempDir();
      const files = ['scenarios/coffee-as-is.yaml', 'scenarios/bank-branch.yaml'];
      for (const k of [1, 2]) expect(queuesimWith(['run', ...files, '--reps', '4', '--no-report', '--quiet', '--shard', `${k}/2`, '--out', run]).code).toBe(0);
      const damaged = (name: string, damage: (rows: string) => void) => {
        const copy = tempDir();
        cpSync(run, copy, { recursive: true });
        damage(join(copy, name, 'rows-1.f64'));
        return copy;
      };
      // The bank's shard is damaged; the coffee counter, first in the run, must not be written either.
      refused([damaged('bank-branch-weekday.shard-2-of-2', (rows) => rmSync(rows))], /^error: .*bank-branch-weekday\.shard-2-of-2\/rows-1\.f64 is missing \(the rows of "Bank branch, weekday" in this shard\): copy the shard folder whole; nothing was merged\.$/);
      refused([damaged('bank-branch-weekday.shard-2-of-2', (rows) => truncateSync(rows, 8))], /^error: .*rows-1\.f64 holds 8 bytes, not the 2 rows of \d+ values \(\d+ bytes\) its manifest says: copy the shard folder whole; nothing was merged\.$/);
      // One byte changed, the size the same: the merge would give other results without a word.
      const flip = (rows: string) => {
        const bytes = readFileSync(rows);
        bytes[100] = bytes[100]! ^ 0xff;
        writeFileSync(rows, bytes);
      };
      refused([damaged('bank-branch-weekday.shard-2-of-2', flip)], /^error: .*rows-1\.f64 is not the file the shard wrote \(its SHA-256 differs from the manifest's\): damaged in the copy\? copy the shard folder again; nothing was merged\.$/);
    });
  });

  it('bad --shard values and a shard count with no index are usage errors (exit 2)', () => {
    for (const bad of ['0/3', '4/3', 'x']) {
      const result = queuesimWith(['sweep', 'scenarios/bank-branch.yaml', '--vary', 'stations.counter.servers.lunch=4,5', '--shard', bad, '--out', tempDir()]);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain(`--shard must be K/N with 1 ≤ K ≤ N (shard K of N), e.g. 2/8; got "${bad}"`);
    }
    const noIndex = queuesimWith(['compare', 'scenarios/coffee-as-is.yaml', 'scenarios/coffee-wait-display.yaml', '--shards', '3', '--out', tempDir()]);
    expect(noIndex.code).toBe(2);
    expect(noIndex.stderr).toMatch(/^error: 3 shards asked for, but which one is this\? Give --shard K\/N, or run in a Kubernetes Indexed Job \(JOB_COMPLETION_INDEX\) or a Slurm job array \(SLURM_ARRAY_TASK_ID\)\./);
    const slurmDisagrees = queuesimWith(['run', 'scenarios/coffee-as-is.yaml', '--shards', '3', '--out', tempDir()], { SLURM_ARRAY_TASK_ID: '1', SLURM_ARRAY_TASK_MIN: '1', SLURM_ARRAY_TASK_COUNT: '4' });
    expect(slurmDisagrees.code).toBe(2);
    expect(slurmDisagrees.stderr).toContain('3 shards asked for, but the Slurm array has 4 tasks (SLURM_ARRAY_TASK_COUNT); to run again only some shards of a job (a failed task), give each its own --shard K/3');
    const pastTheEnd = queuesimWith(['run', 'scenarios/coffee-as-is.yaml', '--shards', '3', '--out', tempDir()], { JOB_COMPLETION_INDEX: '4' });
    expect(pastTheEnd.code).toBe(2);
    expect(pastTheEnd.stderr).toContain("the environment makes this shard 5, but there are only 3 shards (JOB_COMPLETION_INDEX is 4: make the Job's completions 3)");
  });

  it('a file where a shard folder goes: exit 2 before any work, and no shard of the run written', () => {
    const out = tempDir();
    writeFileSync(join(out, 'bank-branch-weekday.shard-1-of-2'), 'in the way');
    const result = queuesimWith(['run', 'scenarios/coffee-as-is.yaml', 'scenarios/bank-branch.yaml', '--reps', '2', '--quiet', '--shard', '1/2', '--out', out]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^error: .*bank-branch-weekday\.shard-1-of-2 is in the way: it is a file, not a result folder \(move it away\); nothing was run\.\n$/);
    expect(readdirSync(out)).toEqual(['bank-branch-weekday.shard-1-of-2']);
  });

  it('staff searches step by step and takes no --shard, nor a shard count from the environment', () => {
    const result = queuesimWith(['staff', 'scenarios/bank-branch.yaml', '--shard', '1/2']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('staff cannot run as shards: each step of its search depends on the last');
    const out = tempDir();
    const fromEnvironment = queuesimWith(['staff', 'scenarios/bank-branch.yaml', '--target', 'waitP90<=5', '--out', out], { QUEUESIM_SHARDS: '4', JOB_COMPLETION_INDEX: '0' });
    expect(fromEnvironment.code).toBe(2);
    expect(fromEnvironment.stderr).toBe('error: staff cannot run as shards (QUEUESIM_SHARDS is set): each step of its search depends on the last. Unset it, or shard a compare or sweep instead.\n');
    expect(readdirSync(out)).toEqual([]);
  });

  it('--help explains merge and the shard options', () => {
    const merge = queuesimWith(['merge', '--help']);
    expect(merge.stdout).toContain('Usage: queuesim merge [options] <dir...>');
    expect(merge.stdout).toContain('Every shard 1..N of a job must be given once');
    for (const command of ['run', 'compare', 'sweep']) {
      const help = queuesimWith([command, '--help']).stdout;
      expect(help).toContain('--shard <k/n>');
      expect(help).toContain('JOB_COMPLETION_INDEX');
    }
  });
});
