/** Runs the built `queuesim` binary in a child process, as a user would. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const projectRoot = resolve(import.meta.dirname, '../..');
const binary = join(projectRoot, 'dist/bin/queuesim.js');

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function queuesim(args: string[], cwd = projectRoot): CliResult {
  const result = spawnSync(process.execPath, [binary, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A command that must succeed: on failure the assertion shows what it printed on stderr. */
export function expectSuccess(result: CliResult): CliResult {
  if (result.code !== 0) throw new Error(`queuesim exited ${result.code}:\n${result.stderr}`);
  return result;
}

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'queuesim-test-'));
}

/** Writes a scenario file into a fresh folder; returns its path. */
export function scenarioFile(name: string, contents: string): string {
  const path = join(tempDir(), name);
  writeFileSync(path, contents);
  return path;
}

export function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true }).map(String);
}
