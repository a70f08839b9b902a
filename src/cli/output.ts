/**
 * Writing results under the output folder: everything for one scenario goes to a fresh
 * temporary folder first, which then replaces `<out>/<slug>/` in one rename, so a failure
 * never leaves a half-written result set behind.
 */
import { constants, rmSync } from 'node:fs';
import { access, mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, isAbsolute, join } from 'node:path';

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
 * mkdir -p, but never Node's recursive mkdir on the folder itself: on filesystems that
 * answer ENOENT to every mkdir (procfs) it retries forever. The parent is made recursively,
 * then the folder once.
 */
async function makeFolder(path: string): Promise<void> {
  try {
    await mkdir(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST' && (await stat(path)).isDirectory()) return;
    if (code !== 'ENOENT') throw error;
    await mkdir(dirname(path), { recursive: true });
    await mkdir(path).catch(async (again: NodeJS.ErrnoException) => {
      if (!(again.code === 'EEXIST' && (await stat(path)).isDirectory())) throw again;
    });
  }
}

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
      const hadPrevious = await rename(target, previous).then(
        () => true,
        (error: NodeJS.ErrnoException) => {
          if (error.code === 'ENOENT') return false;
          throw error;
        },
      );
      try {
        await rename(staging, target);
      } catch (error) {
        if (hadPrevious) await rename(previous, target);
        throw error;
      }
      if (hadPrevious) await rm(previous, { recursive: true, force: true });
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

/** Writes `files` (relative path → contents) as `<outDir>/<slug>/`, replacing what was there. */
export async function writeResultFolder(outDir: string, slug: string, files: Record<string, string | Uint8Array>): Promise<string> {
  Object.keys(files).forEach(checkRelativePath);
  const staged = await stageResultFolder(outDir, slug);
  try {
    await writeStagedFiles(staged, files);
    return await staged.commit();
  } catch (error) {
    await staged.discard();
    throw error;
  }
}
