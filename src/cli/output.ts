/**
 * Writing results under the output folder: everything for one scenario goes to a fresh
 * temporary folder first, which then replaces `<out>/<slug>/` in one rename, so a failure
 * never leaves a half-written result set behind.
 */
import { constants, rmSync } from 'node:fs';
import { access, lstat, mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, isAbsolute, join } from 'node:path';
import { RunInterrupted } from '../run/pool.js';
import type { Interruption } from './interrupt.js';

/** Longest slug (a folder name). */
const MAX_SLUG = 80;

/**
 * A folder name from a scenario name: "Bank branch, weekday" → "bank-branch-weekday". What the
 * slug cannot keep is not silently lost: a short hash of the name is appended when letters
 * were dropped (other scripts, symbols), so "東京 branch" and "大阪 branch" get different
 * folders, and when a long name was cut to fit, so two sweeps whose titles start alike do not
 * share one.
 */
export function slugOf(name: string): string {
  const plain = name.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
  const full = plain.replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  const dropped = /[^a-z0-9\s\p{P}]/u.test(plain);
  const hashed = dropped || full === '' || full.length > MAX_SLUG;
  if (!hashed) return full;
  const kept = full.slice(0, MAX_SLUG - 9).replace(/-+$/g, ''); // room for "-" and 8 hex digits
  return `${kept === '' ? 'scenario' : kept}-${hashOf(name)}`;
}

/** FNV-1a, 32 bits, as 8 hex digits: stable across runs and machines. */
function hashOf(text: string): string {
  let hash = 0x811c9dc5;
  for (const char of text) {
    hash ^= char.codePointAt(0)!;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}

/**
 * Makes sure results can be written under `outDir` before any work is done: creates it if
 * needed and checks it is a writable folder. Returns what is wrong, or undefined.
 */
export async function checkOutputFolder(outDir: string): Promise<string | undefined> {
  if (outDir.trim() === '') return '--out must name a folder';
  try {
    await makeFolder(outDir);
    await access(outDir, constants.W_OK);
    return undefined;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === 'EEXIST' || code === 'ENOTDIR'
        ? 'a file of that name is in the way'
        : code === 'EACCES' || code === 'EPERM' || code === 'EROFS'
          ? 'it is not writable'
          : code === 'ENOENT'
            ? 'a folder cannot be made there'
            : code === 'ENOSPC'
              ? 'the disk is full'
              : (error as Error).message;
    return `cannot write results to "${outDir}": ${reason}`;
  }
}

/** Whether results can be written under `outDir`; if not, says why (`error: …; nothing was run.`, or `merged`) for exit code 2. */
export async function outputFolderReady(outDir: string, nothingWas: 'run' | 'merged' = 'run'): Promise<boolean> {
  const problem = await checkOutputFolder(outDir);
  if (problem === undefined) return true;
  process.stderr.write(`error: ${problem}; nothing was ${nothingWas}.\n`);
  return false;
}

/**
 * mkdir -p, one mkdir per missing level and never Node's recursive mkdir: on filesystems that
 * answer ENOENT to every mkdir (procfs) that retries forever, at any depth (/proc/a/b).
 */
async function makeFolder(path: string): Promise<void> {
  const made = async (): Promise<boolean> =>
    mkdir(path).then(
      () => true,
      async (error: NodeJS.ErrnoException) => {
        if (error.code === 'EEXIST' && (await stat(path)).isDirectory()) return true;
        if (error.code !== 'ENOENT') throw error;
        return false;
      },
    );
  if (await made()) return;
  const parent = dirname(path);
  if (parent === path) throw new Error(`${path} cannot be made`);
  await makeFolder(parent);
  if (!(await made())) await mkdir(path); // its parent is there now: this ENOENT is the filesystem's own
}

/** The result folder cannot be put in place (a file of its name is in the way). */
export class ResultFolderProblem extends Error {}

/**
 * A result folder being written: files go into `path` (a hidden staging folder next to the
 * target), and commit() swaps it into `<outDir>/<slug>/` in one rename; discard() removes it.
 */
export interface StagedFolder {
  readonly path: string;
  /** Replaces `<outDir>/<slug>/` with the staged files; returns the folder's path. */
  commit(): Promise<string>;
  discard(): Promise<void>;
  /** discard(), for the last moment before the process exits (a second Ctrl-C). */
  discardSync(): void;
}

export async function stageResultFolder(outDir: string, slug: string): Promise<StagedFolder> {
  const target = join(outDir, slug);
  const staging = join(outDir, `.${slug}.partial-${process.pid}`);
  const previous = join(outDir, `.${slug}.previous-${process.pid}`);
  await makeFolder(outDir);
  await rm(staging, { recursive: true, force: true });
  await mkdir(staging);
  return {
    path: staging,
    async commit() {
      // A file of the folder's name is the user's, not an earlier result: it is not replaced.
      const there = await lstat(target).catch((error: NodeJS.ErrnoException) => {
        if (error.code === 'ENOENT') return undefined;
        throw error;
      });
      if (there !== undefined && !there.isDirectory()) throw new ResultFolderProblem(`${target} is in the way: it is a file, not a result folder (move it away)`);
      // The last to commit wins: a result already there (an earlier run's, or one another
      // process writing the same folder committed meanwhile) is moved aside, ours takes its
      // place, and the one moved aside is removed. `previous` holds it in between.
      let aside = false;
      try {
        for (let attempt = 1; ; attempt++) {
          try {
            await rename(staging, target);
            break;
          } catch (error) {
            const code = (error as NodeJS.ErrnoException).code;
            if ((code !== 'ENOTEMPTY' && code !== 'EEXIST') || attempt === 10) throw error;
          }
          if (aside) await rm(previous, { recursive: true, force: true }); // older than what is there now
          aside = await rename(target, previous).then(
            () => true,
            (error: NodeJS.ErrnoException) => {
              if (error.code === 'ENOENT') return false; // taken away meanwhile: try again
              throw error;
            },
          );
        }
      } catch (error) {
        // Ours could not go in: put the earlier result back, unless a newer one is there now.
        if (aside) await rename(previous, target).catch(() => rm(previous, { recursive: true, force: true }));
        throw error;
      }
      if (aside) await rm(previous, { recursive: true, force: true });
      return target;
    },
    discard: () => rm(staging, { recursive: true, force: true }),
    discardSync: () => rmSync(staging, { recursive: true, force: true }),
  };
}

/** A file's path inside a result folder: relative, forward slashes, never leaving the folder. */
function checkRelativePath(name: string): void {
  const parts = name.split('/');
  if (isAbsolute(name) || name.includes('\\') || parts.some((part) => part === '' || part === '.' || part === '..')) {
    throw new Error(`result file name "${name}" must be a relative path inside the result folder`);
  }
}

/**
 * Writes `files` (relative path → contents) into a staged folder. Paths may name subfolders
 * (`charts/utilisation.svg`); they are created in the staging folder.
 */
export async function writeStagedFiles(staged: StagedFolder, files: Record<string, string | Uint8Array>): Promise<void> {
  Object.keys(files).forEach(checkRelativePath);
  for (const [name, contents] of Object.entries(files)) {
    const path = join(staged.path, name);
    if (name.includes('/')) await mkdir(dirname(path), { recursive: true });
    await writeFile(path, contents);
  }
}

/**
 * Writes `files` (relative path → contents) as `<outDir>/<slug>/`, replacing what was there.
 * With `interruption`, a Ctrl-C while the files are written leaves nothing: the folder is
 * not committed (RunInterrupted), and a second Ctrl-C removes it before the process exits.
 */
export async function writeResultFolder(outDir: string, slug: string, files: Record<string, string | Uint8Array>, interruption?: Interruption): Promise<string> {
  Object.keys(files).forEach(checkRelativePath);
  const staged = await stageResultFolder(outDir, slug);
  const forget = interruption?.onForce(() => staged.discardSync());
  try {
    await writeStagedFiles(staged, files);
    if (interruption?.signal.aborted) throw new RunInterrupted();
    return await staged.commit();
  } catch (error) {
    await staged.discard();
    throw error;
  } finally {
    forget?.();
  }
}
