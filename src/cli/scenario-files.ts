/** Reading scenario files from disk and reporting their problems (the CLI's edge of scenario/). */
import { readFile } from 'node:fs/promises';
import { loadScenario, parseScenarioText, validateScenario } from '../scenario/load.js';
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
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (error) {
      problems.push(readProblem(file, error));
      continue;
    }
    const result = loadScenario(text, file);
    if (result.ok) loaded.push({ file, model: result.model });
    else problems.push(...result.problems);
  }
  return { loaded, problems };
}

/** One file's plain data (to make variants of) and its model, or its problems. */
export type DataResult = { ok: true; file: string; data: unknown; model: Model } | { ok: false; problems: ScenarioProblem[] };

export async function loadScenarioData(file: string): Promise<DataResult> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    return { ok: false, problems: [readProblem(file, error)] };
  }
  const parsed = parseScenarioText(text, file);
  if (parsed.problems.length > 0) return { ok: false, problems: parsed.problems };
  const result = validateScenario(parsed.data, file, parsed.locate);
  return result.ok ? { ok: true, file, data: parsed.data, model: result.model } : result;
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
