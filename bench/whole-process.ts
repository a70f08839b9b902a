/**
 * `npm run bench`, whole-process section: one long M/M/4 replication through the whole CLI,
 * as a user runs it (`node dist/bin/queuesim.js run mm4.yaml --quiet`: start-up, loading and
 * validating the file, the worker thread, writing the results), against the minimal
 * hand-written loop of bench/mm4-loop.mjs run as its own process. Both are timed from spawn
 * to exit, alternating, and the best run of each side is judged (noise only slows a run).
 * Also prints where start-up goes: node itself, `queuesim --version`, and a run of a
 * 4-customer file with and without the report.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { slugOf } from '../src/cli/output.js';
import { LAMBDA, MU, SERVERS, erlangC, mm4Scenario } from './mm4-model.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const cli = join(root, 'dist/bin/queuesim.js');
const loop = join(root, 'bench/mm4-loop.mjs');

export const WHOLE_PROCESS_TARGET = 0.4;
/** The judged size; the other is printed alongside. */
const JUDGED = 5_000_000;

/** Wall time of one child process, from spawn to exit, in ms; throws if it fails. */
function timeProcess(args: string[]): { ms: number; stdout: string } {
  const started = performance.now();
  const result = spawnSync(process.execPath, args, { cwd: root, encoding: 'utf8' });
  const ms = performance.now() - started;
  if (result.status !== 0) throw new Error(`${args.join(' ')} failed (${result.status}):\n${result.stderr}`);
  return { ms, stdout: result.stdout };
}

const best = (xs: number[]) => Math.min(...xs);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;

export interface WholeProcessOptions {
  runs: number;
  sizes: readonly number[];
}

/** Runs the section, prints its table; returns the targets missed. */
export function benchWholeProcess(options: WholeProcessOptions): string[] {
  const failures: string[] = [];
  console.log('\nWhole process: `node dist/bin/queuesim.js run <M/M/4 file> --quiet` against `node bench/mm4-loop.mjs` (own processes)');
  process.stdout.write('  building the command (node scripts/build.mjs --cli-only) ... ');
  execFileSync(process.execPath, [join(root, 'scripts/build.mjs'), '--cli-only'], { cwd: root, stdio: 'inherit' });
  console.log('done');

  const dir = mkdtempSync(join(tmpdir(), 'queuesim-bench-'));
  try {
    console.log(`  ${options.runs} alternating runs per side and size; wall time from spawn to exit, best (median)`);
    console.log(`  ${'customers'.padStart(11)}${'CLI s'.padStart(16)}${'loop s'.padStart(16)}${'loop/CLI'.padStart(11)}   CLI mean wait · loop mean wait (Erlang C ${erlangC(LAMBDA, MU, SERVERS).waitMean.toFixed(3)})`);
    for (const customers of options.sizes) {
      const file = join(dir, `mm4-${customers}.yaml`);
      writeFileSync(file, JSON.stringify(mm4Scenario(customers), null, 2)); // JSON is YAML
      const cliArgs = [cli, 'run', file, '--quiet', '--out', join(dir, 'out')];
      const loopArgs = [loop, String(customers)];
      const cliMs: number[] = [];
      const loopMs: number[] = [];
      let loopResult = '';
      for (let i = 0; i < options.runs; i++) {
        const order = i % 2 === 0 ? ['cli', 'loop'] : ['loop', 'cli'];
        for (const side of order) {
          if (side === 'cli') cliMs.push(timeProcess(cliArgs).ms);
          else {
            const run = timeProcess(loopArgs);
            loopMs.push(run.ms);
            loopResult = run.stdout;
          }
        }
      }
      const summary = JSON.parse(readFileSync(join(dir, 'out', slugOf(String(mm4Scenario(customers).name)), 'summary.json'), 'utf8')) as {
        metrics: { waitMean: { mean: number } };
      };
      const loopWait = (JSON.parse(loopResult) as { waitMean: number }).waitMean;
      const ratio = best(loopMs) / best(cliMs);
      const judged = customers === JUDGED;
      const verdict = judged ? `   target >= ${WHOLE_PROCESS_TARGET.toFixed(2)} ${ratio >= WHOLE_PROCESS_TARGET ? 'PASS' : 'FAIL'}` : '';
      const cell = (xs: number[]) => `${(best(xs) / 1000).toFixed(2)} (${(median(xs) / 1000).toFixed(2)})`.padStart(16);
      console.log(
        `  ${customers.toLocaleString('en-US').padStart(11)}${cell(cliMs)}${cell(loopMs)}${ratio.toFixed(3).padStart(11)}   ${summary.metrics.waitMean.mean.toFixed(3)} · ${loopWait.toFixed(3)}${verdict}`,
      );
      if (judged && ratio < WHOLE_PROCESS_TARGET) failures.push(`whole process at ${customers.toLocaleString('en-US')} customers: loop/CLI = ${ratio.toFixed(3)} < ${WHOLE_PROCESS_TARGET}`);
    }

    // Where start-up goes, best of a few runs each.
    const startup = (args: string[]) => best(Array.from({ length: Math.max(3, options.runs) }, () => timeProcess(args).ms));
    const tiny = join(dir, 'tiny.yaml');
    writeFileSync(tiny, JSON.stringify(mm4Scenario(4)));
    const nodeMs = startup(['-e', '0']);
    const versionMs = startup([cli, '--version']);
    const runMs = startup([cli, 'run', tiny, '--quiet', '--out', join(dir, 'out')]);
    const bareMs = startup([cli, 'run', tiny, '--quiet', '--no-report', '--out', join(dir, 'out')]);
    console.log(
      `  start-up (best of ${Math.max(3, options.runs)}): node -e 0 ${nodeMs.toFixed(0)} ms; queuesim --version ${versionMs.toFixed(0)} ms; ` +
        `run of a 4-customer file ${runMs.toFixed(0)} ms, ${bareMs.toFixed(0)} ms with --no-report (the report's share: ${(runMs - bareMs).toFixed(0)} ms)`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return failures;
}
