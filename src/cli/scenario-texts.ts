/**
 * Scenario files kept as their text. A sharded command records the text of every file it
 * read in its shards' manifests (cli/shard-manifest.ts), so `queuesim merge` rebuilds exactly
 * the same models — on another machine, after the files changed — by the same code path.
 */
import { loadScenario, parseScenarioText, validateScenario, type LoadResult } from '../scenario/load.js';
import type { ScenarioProblem } from '../scenario/problems.js';
import { readScenarioFileText, type DataResult } from './scenario-files.js';

/** A scenario file as read: its path as given on the command line, and its text. */
export interface ScenarioText {
  path: string;
  text: string;
}

export type TextResult = { ok: true; source: ScenarioText } | { ok: false; problems: ScenarioProblem[] };

export async function readScenarioText(path: string): Promise<TextResult> {
  const read = await readScenarioFileText(path);
  return read.ok ? { ok: true, source: { path, text: read.text } } : { ok: false, problems: [read.problem] };
}

/** The texts of `paths`, or every file's read problem. */
export async function readScenarioTexts(paths: readonly string[]): Promise<{ ok: true; sources: ScenarioText[] } | { ok: false; problems: ScenarioProblem[] }> {
  const results = await Promise.all(paths.map(readScenarioText));
  const problems = results.flatMap((r) => (r.ok ? [] : r.problems));
  return problems.length > 0 ? { ok: false, problems } : { ok: true, sources: results.map((r) => (r as { source: ScenarioText }).source) };
}

export function modelOfText(source: ScenarioText): LoadResult {
  return loadScenario(source.text, source.path);
}

/** A file's plain data (to make variants of, or to staff) and its model, or its problems. */
export async function loadScenarioData(path: string): Promise<DataResult> {
  const read = await readScenarioText(path);
  return read.ok ? dataOfText(read.source) : read;
}

/** A text's plain data (to make variants of) and its model, or its problems. */
export function dataOfText(source: ScenarioText): DataResult {
  const parsed = parseScenarioText(source.text, source.path);
  if (parsed.problems.length > 0) return { ok: false, problems: parsed.problems };
  const result = validateScenario(parsed.data, source.path, parsed.locate);
  return result.ok ? { ok: true, file: source.path, data: parsed.data, model: result.model } : result;
}
