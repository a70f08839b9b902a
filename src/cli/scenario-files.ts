/** Reading scenario files from disk and reporting their problems (the CLI's edge of scenario/). */
import { readFile } from 'node:fs/promises';
import { loadScenario } from '../scenario/load.js';
import { formatProblem, type ScenarioProblem } from '../scenario/problems.js';
import type { Model } from '../model/model.js';

export interface LoadedFile {
  file: string;
  model: Model;
}

export interface FilesResult {
  loaded: LoadedFile[];
  problems: ScenarioProblem[];
}

/** Loads every file: the models of the valid ones and every problem of the others. */
export async function loadScenarioFiles(files: readonly string[]): Promise<FilesResult> {
  const loaded: LoadedFile[] = [];
  const problems: ScenarioProblem[] = [];
  for (const file of files) {
    const read = await readScenarioFileText(file);
    if (!read.ok) {
      problems.push(read.problem);
      continue;
    }
    const result = loadScenario(read.text, file);
    if (result.ok) loaded.push({ file, model: result.model });
    else problems.push(...result.problems);
  }
  return { loaded, problems };
}

/** One file's plain data (to make variants of) and its model, or its problems. */
export type DataResult = { ok: true; file: string; data: unknown; model: Model } | { ok: false; problems: ScenarioProblem[] };

/** A scenario file's text, or why it cannot be read as one: missing, a folder, not UTF-8. */
export async function readScenarioFileText(file: string): Promise<{ ok: true; text: string } | { ok: false; problem: ScenarioProblem }> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    return { ok: false, problem: readProblem(file, error) };
  }
  const text = utf8Text(bytes);
  return typeof text === 'string' ? { ok: true, text } : { ok: false, problem: { file, path: [], message: text.problem } };
}

/** Keeps a byte-order mark as read (a shard's manifest records the text as read); refuses bytes that are not UTF-8. */
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * The file's text, or what is wrong with its encoding: a file saved as UTF-16 (Notepad's
 * "Unicode", PowerShell 5's `>`) or in a one-byte code page (Latin-1 `café`) would otherwise
 * be read as garbled text, and refused for what the garbling looks like, or let through with it.
 */
function utf8Text(bytes: Uint8Array): string | { problem: string } {
  const save = 'save it as UTF-8';
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return { problem: `the file is UTF-16 text, not UTF-8: ${save}` };
  // Zero bytes are valid UTF-8, but no text file holds them: UTF-16 without its mark does, for every ASCII letter.
  if (bytes.includes(0)) return { problem: `the file holds zero bytes, as UTF-16 text or a binary file does, not UTF-8 text: ${save}` };
  try {
    return utf8.decode(bytes);
  } catch {
    // The first line that does not decode (a line break never falls inside a UTF-8 sequence).
    let line = 1;
    for (let start = 0; start < bytes.length; line++) {
      const end = bytes.indexOf(0x0a, start);
      const stop = end < 0 ? bytes.length : end;
      if (!decodes(bytes.subarray(start, stop))) break;
      start = stop + 1;
    }
    return { problem: `line ${line} holds bytes that are not UTF-8 (a file saved in another encoding, such as Latin-1): ${save}` };
  }
}

function decodes(bytes: Uint8Array): boolean {
  try {
    utf8.decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** A scenario file that could not be read, as a problem of that file. */
export function readProblem(file: string, error: unknown): ScenarioProblem {
  const code = (error as NodeJS.ErrnoException).code;
  const reason =
    code === 'ENOENT'
      ? 'no such file'
      : code === 'ENOTDIR'
        ? 'no such file (a part of its path is a file, not a folder)'
        : code === 'EISDIR'
          ? 'is a folder, not a file'
          : code === 'EACCES' || code === 'EPERM'
            ? 'permission denied (this user may not read it)'
            : String((error as Error).message);
  return { file, path: [], message: `cannot read the scenario: ${reason}` };
}

/** Prints the problems, the first `limit` of them when there are more (a grid's points), and their count. */
export function reportProblems(problems: readonly ScenarioProblem[], limit = Infinity): void {
  for (const problem of problems.slice(0, limit)) process.stderr.write(`error: ${formatProblem(problem)}\n`);
  if (problems.length > limit) process.stderr.write(`… and ${problems.length - limit} more like these\n`);
  // An option's problem (--set "...") is named by the option, not by a file.
  const named = problems.map((p) => p.source ?? p.file);
  const files = new Set(named.filter((name) => !name.startsWith('--'))).size;
  const where = [...(files > 0 ? [`${files} file${files === 1 ? '' : 's'}`] : []), ...(named.some((name) => name.startsWith('--')) ? ['the options'] : [])];
  process.stderr.write(`${problems.length} problem${problems.length === 1 ? '' : 's'} in ${where.join(' and ')}; nothing was run or written.\n`);
}
