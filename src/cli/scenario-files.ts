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
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      const reason = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a folder, not a file' : String((error as Error).message);
      problems.push({ file, path: [], message: `cannot read the scenario: ${reason}` });
      continue;
    }
    const result = loadScenario(text, file);
    if (result.ok) loaded.push({ file, model: result.model });
    else problems.push(...result.problems);
  }
  return { loaded, problems };
}

export function reportProblems(problems: readonly ScenarioProblem[]): void {
  for (const problem of problems) process.stderr.write(`error: ${formatProblem(problem)}\n`);
  const files = new Set(problems.map((p) => p.file)).size;
  process.stderr.write(
    `${problems.length} problem${problems.length === 1 ? '' : 's'} in ${files} file${files === 1 ? '' : 's'}; nothing was run or written.\n`,
  );
}
