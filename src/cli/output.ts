/**
 * Writing results under the output folder: everything for one scenario goes to a fresh
 * temporary folder first, which then replaces `<out>/<slug>/` in one rename, so a failure
 * never leaves a half-written result set behind.
 */
import { randomBytes } from 'node:crypto';
import { constants, existsSync, renameSync, rmSync } from 'node:fs';
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
    // What stands in the way may be a parent of the folder asked for (--out a-file/results).
    const there = await nearestExisting(outDir);
    const itself = there === undefined || there.path === outDir;
    const reason =
      code === 'EEXIST' || code === 'ENOTDIR'
        ? itself || there.folder
          ? 'a file of that name is in the way'
          : `"${there.path}" is a file, not a folder`
        : code === 'EACCES' || code === 'EPERM' || code === 'EROFS'
          ? itself
            ? 'it is not writable'
            : `a folder cannot be made in "${there.path}": it is not writable`
          : code === 'ENOENT'
            ? 'a folder cannot be made there'
            : code === 'ENOSPC'
              ? 'the disk is full'
              : (error as Error).message;
    return `cannot write results to "${outDir}": ${reason}`;
  }
}

/** The nearest of `path` and its parents that is there, and whether it is a folder. */
async function nearestExisting(path: string): Promise<{ path: string; folder: boolean } | undefined> {
  for (let at = path; ; at = dirname(at)) {
    const found = await stat(at).then(
      (stats) => ({ path: at, folder: stats.isDirectory() }),
      () => undefined,
    );
    if (found !== undefined) return found;
    if (dirname(at) === at) return undefined;
  }
}

/**
 * Whether results can be written under `outDir` (and, given their slugs, as those folders);
 * if not, says why (`error: …; nothing was run.`, or `merged`) for exit code 2.
 */
export async function outputFolderReady(outDir: string, nothingWas: 'run' | 'merged' = 'run', slugs: readonly string[] = []): Promise<boolean> {
  let problem = await checkOutputFolder(outDir);
  for (const slug of slugs) problem ??= await resultFolderInTheWay(outDir, slug);
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

/**
 * What is in the way of the result folder `<outDir>/<slug>/`, if anything: a file or a link
 * of its name is the user's, not an earlier result, and is never replaced. Checked before
 * any work and again when the folder is put in place.
 */
export async function resultFolderInTheWay(outDir: string, slug: string): Promise<string | undefined> {
  const target = join(outDir, slug);
  const there = await lstat(target).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined;
    throw error;
  });
  if (there === undefined || there.isDirectory()) return undefined;
  return `${target} is in the way: it is ${there.isSymbolicLink() ? 'a link' : 'a file'}, not a result folder (move it away)`;
}

export async function stageResultFolder(outDir: string, slug: string): Promise<StagedFolder> {
  const target = join(outDir, slug);
  // Named by process and at random: two writers of one folder may share a PID (containers).
  const own = `${process.pid}-${randomBytes(4).toString('hex')}`;
  const staging = join(outDir, `.${slug}.partial-${own}`);
  const previous = join(outDir, `.${slug}.previous-${own}`);
  await makeFolder(outDir);
  const inTheWay = await resultFolderInTheWay(outDir, slug);
  if (inTheWay !== undefined) throw new ResultFolderProblem(inTheWay);
  await mkdir(staging);
  /** Whether `previous` holds the result that was in place, moved aside by this commit. */
  let aside = false;
  const isThere = (path: string) => lstat(path).then(() => true, () => false);
  return {
    path: staging,
    async commit() {
      const inTheWay = await resultFolderInTheWay(outDir, slug);
      if (inTheWay !== undefined) throw new ResultFolderProblem(inTheWay);
      // The last to commit wins: the result in place (an earlier run's, or one another process
      // writing the same folder committed meanwhile) is moved aside first (a rename onto a
      // folder fails on some systems even when it is empty), ours takes its place, and the one
      // moved aside is removed. If another result comes in between, the loop goes round again.
      for (let attempt = 1; ; attempt++) {
        if (aside) await rm(previous, { recursive: true, force: true }); // older than the one there now
        aside = await rename(target, previous).then(
          () => true,
          (error: NodeJS.ErrnoException) => {
            if (error.code === 'ENOENT') return false;
            throw error;
          },
        );
        try {
          await rename(staging, target);
          break;
        } catch (error) {
          // Another result came in meanwhile: go round again. Anything else: ours cannot go in.
          if (attempt < 10 && (await isThere(target)) && (await isThere(staging))) continue;
          if (aside) {
            // Put the earlier result back; if a newer one is there now, ours was not needed anyway.
            await rename(previous, target).then(
              () => (aside = false),
              async (restore: NodeJS.ErrnoException) => {
                if (restore.code === 'ENOTEMPTY' || restore.code === 'EEXIST' || (await isThere(target))) {
                  await rm(previous, { recursive: true, force: true });
                  aside = false;
                } else {
                  (error as Error).message += `; the earlier result is kept in ${previous}`;
                }
              },
            );
          }
          throw error;
        }
      }
      // Ours is in place: the earlier one goes. Failing to remove it loses nothing.
      if (aside) await rm(previous, { recursive: true, force: true }).catch(() => {});
      aside = false;
      return target;
    },
    discard: () => rm(staging, { recursive: true, force: true }),
    discardSync: () => {
      rmSync(staging, { recursive: true, force: true });
      // A second Ctrl-C between moving the earlier result aside and putting ours in place.
      if (aside && !existsSync(target)) {
        try {
          renameSync(previous, target);
        } catch {
          // kept in `previous`, hidden but whole
        }
      }
    },
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
