/**
 * The README's worked examples, run as a reader runs them: each command in a shell, in a
 * folder holding the bundled scenarios, with `queuesim` the built command. Every line the
 * README shows of an example's output must be printed, in the README's order (an excerpt
 * leaves lines out, marked "…"), and the charts it shows as images under docs/ must be the
 * ones the examples draw. When a command's output changes, this fails until the README shows
 * what the command now prints.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot, tempDir } from './cli/cli.js';

const readme = readFileSync(join(projectRoot, 'README.md'), 'utf8');

interface Block {
  lang: string;
  body: string;
  /** 1-based line of the opening fence. */
  line: number;
  /** The heading the block is under, as written ("### compare: ..."). */
  heading: string;
}

function fencedBlocks(text: string): Block[] {
  const lines = text.split('\n');
  const blocks: Block[] = [];
  let heading = '';
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.startsWith('#')) heading = line;
    if (!line.startsWith('```')) continue;
    const end = lines.findIndex((l, j) => j > i && l.startsWith('```'));
    if (end < 0) throw new Error(`README line ${i + 1}: a code block is not closed`);
    blocks.push({ lang: line.slice(3).trim(), body: lines.slice(i + 1, end).join('\n'), line: i + 1, heading });
    i = end;
  }
  return blocks;
}

const blocks = fencedBlocks(readme);

/** The blocks under the heading that starts with `heading`; fails if there is no such heading. */
function section(heading: string): Block[] {
  const found = blocks.filter((block) => block.heading.startsWith(heading));
  if (found.length === 0) throw new Error(`README: no code block under a heading "${heading}"`);
  return found;
}

/** The section's shell command (backslash-continued lines joined) and the output block after it. */
function commandAndOutput(heading: string): { command: string; output: Block } {
  const found = section(heading);
  const sh = found.findIndex((block) => block.lang === 'sh');
  const output = found.slice(sh + 1).find((block) => block.lang === '');
  if (sh < 0 || output === undefined) throw new Error(`README "${heading}": expected a sh block, then its output`);
  return { command: found[sh]!.body.replace(/\\\n\s*/g, ''), output };
}

/**
 * A folder to run examples in, as a reader's clone: `scenarios/` (a link to the bundled ones)
 * and `queuesim` on the PATH, running the built command.
 */
function readerFolder(): { cwd: string; env: NodeJS.ProcessEnv } {
  const cwd = tempDir();
  symlinkSync(join(projectRoot, 'scenarios'), join(cwd, 'scenarios'));
  const bin = join(cwd, '.bin');
  mkdirSync(bin);
  const shim = join(bin, 'queuesim');
  writeFileSync(shim, `#!/bin/sh\nexec "${process.execPath}" "${join(projectRoot, 'dist/bin/queuesim.js')}" "$@"\n`);
  chmodSync(shim, 0o755);
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', PATH: `${bin}:${process.env.PATH ?? ''}` };
  // The shard examples set these themselves; a test runner inside a job array must not.
  for (const name of Object.keys(env)) if (name.startsWith('SLURM_') || name === 'JOB_COMPLETION_INDEX' || name === 'QUEUESIM_SHARDS') delete env[name];
  return { cwd, env };
}

/** Runs one command line in `sh`, as typed in the README; returns stdout and stderr interleaved, and the exit code. */
function shell(command: string, folder: { cwd: string; env: NodeJS.ProcessEnv }): { output: string; code: number | null } {
  const line = command.replace(/^npx queuesim /, 'queuesim ');
  const result = spawnSync('sh', ['-c', `${line} 2>&1`], { cwd: folder.cwd, env: folder.env, encoding: 'utf8' });
  return { output: result.stdout, code: result.status };
}

/**
 * Fails unless every line of `shown` but "…" and blank ones is a line of `printed`, in the
 * same order (trailing spaces aside). The message names the first line not found.
 */
function expectExcerpt(shown: string, printed: string, where: string): void {
  const printedLines = printed.split('\n').map((line) => line.trimEnd());
  let from = 0;
  for (const line of shown.split('\n').map((l) => l.trimEnd())) {
    if (line.trim() === '' || line.trim() === '…') continue;
    const at = printedLines.indexOf(line, from);
    if (at < 0) {
      const earlier = printedLines.indexOf(line) >= 0 ? ' (it is printed, but before the line shown above it)' : '';
      expect.fail(`${where}: the README shows a line the command does not print${earlier}:\n${line}\n\nThe command printed:\n${printed}`);
    }
    from = at + 1;
  }
}

/** An image the README shows is the chart the example draws now, byte for byte. */
function expectImage(image: string, drawn: string): void {
  expect(readFileSync(join(projectRoot, image), 'utf8') === readFileSync(drawn, 'utf8'), `${image} is not the chart the example draws now: copy ${drawn} over it`).toBe(true);
}

describe('the README’s worked examples print what the README shows', () => {
  it('npm start: the bank branch tables (Reading the results) and its analytic baseline', () => {
    const folder = readerFolder();
    const start = (JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8')) as { scripts: { start: string } }).scripts.start;
    const { output, code } = shell(start.replace(/^node dist\/bin\/queuesim\.js /, 'queuesim '), folder);
    expect(code).toBe(0);
    for (const heading of ['## Reading the results', '### The analytic baseline']) {
      const shown = section(heading).find((block) => block.lang === '')!;
      expectExcerpt(shown.body, output, `README line ${shown.line}`);
    }
    expectImage('docs/bank-wait-distribution.svg', join(folder.cwd, 'out/bank-branch-weekday/charts/wait-distribution.svg'));
  });

  it.each([
    ['compare: one more teller at lunch, or more patient customers', '### compare:', undefined],
    ['sweep: how many tellers at lunch', '### sweep:', ['docs/bank-sweep-wait.svg', 'out/sweep-bank-branch-weekday-over-stations-counter-servers-lunch/charts/sweep-wait.svg']],
    ['staff: tellers hour by hour', '### staff:', undefined],
  ])('%s', (_name, heading, image) => {
    const { command, output: shown } = commandAndOutput(heading);
    const folder = readerFolder();
    const { output, code } = shell(command, folder);
    expect(code).toBe(0);
    expectExcerpt(shown.body, output, `README line ${shown.line} (${command})`);
    if (image !== undefined) expectImage(image[0]!, join(folder.cwd, image[1]!));
  });

  it('run: the coffee counter, three files (How the wait feels), as the table of their results', () => {
    const sh = section('## How the wait feels').find((block) => block.lang === 'sh')!;
    const { output, code } = shell(`${sh.body} --json --no-report`, readerFolder());
    expect(code).toBe(0);
    const summaries = JSON.parse(output) as { metrics: Record<string, { mean: number; ci95: [number, number] }> }[];
    // The table after the command: | what (`metric`, unit) | a cell per file, "mean ±half-width" (a share in %) |.
    const after = readme.split('\n').slice(sh.line + sh.body.split('\n').length + 1);
    const table = after.slice(after.findIndex((line) => line.startsWith('|')));
    const rows = table.slice(2, table.findIndex((line) => !line.startsWith('|')));
    expect(rows.length).toBe(8);
    const decimals = (text: string) => text.split('.')[1]?.length ?? 0;
    for (const row of rows) {
      const cells = row.split('|').slice(1, -1).map((cell) => cell.trim());
      const metric = /`(\w+)`/.exec(cells[0]!)![1]!;
      expect(cells.length, row).toBe(1 + summaries.length);
      cells.slice(1).forEach((cell, file) => {
        const [, mean, half] = /^([\d.]+)%? ±([\d.]+)$/.exec(cell) ?? expect.fail(`README, the coffee table's ${metric}: "${cell}" is not "mean ±half-width"`);
        const { mean: actual, ci95 } = summaries[file]!.metrics[metric]!;
        const scale = cell.includes('%') ? 100 : 1;
        const printed = `${(actual * scale).toFixed(decimals(mean!))} ±${(((ci95[1] - ci95[0]) / 2) * scale).toFixed(decimals(half!))}`;
        expect(`${metric}, file ${file + 1}: ${printed}`).toBe(`${metric}, file ${file + 1}: ${mean} ±${half}`);
      });
    }
  });

  it('a variant that breaks the scenario (Key paths and variants)', () => {
    const shown = section('### Key paths and variants').find((block) => block.lang === '')!;
    // The README gives the errors, not the command: the two variants they name.
    const command = `queuesim compare scenarios/bank-branch.yaml --set "half: stations.counter.servers.lunch=4.5" --set "typo: stations.cuonter.servers=4"`;
    const { output, code } = shell(command, readerFolder());
    expect(code).toBe(2);
    expectExcerpt(shown.body, output, `README line ${shown.line}`);
  });

  it('shards run as separate processes, then merged; a merge with a shard left out (Beyond one machine)', () => {
    const folder = readerFolder();
    const transcripts = section('## Beyond one machine').filter((block) => block.lang === '' && block.body.startsWith('$ '));
    expect(transcripts.length).toBe(2);
    for (const transcript of transcripts) {
      // "$ command" lines, each followed by what it prints.
      const steps = transcript.body.split(/^\$ /m).filter((step) => step !== '');
      for (const step of steps) {
        const [command, ...shown] = step.split('\n');
        const { output } = shell(command!, folder);
        expectExcerpt(shown.join('\n'), output, `README line ${transcript.line} ($ ${command})`);
      }
    }
  });
});
