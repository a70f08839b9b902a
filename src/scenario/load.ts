/**
 * Reading a scenario: text (YAML or JSON) in, either a valid Model or the full list of
 * problems out. Pure: the caller reads the file, so this runs in tests and browsers alike.
 */
import { LineCounter, parseDocument, isAlias, isMap, isPair, isScalar, isSeq, visit, type Document } from 'yaml';
import { LeverResolveProblem, type Lever, type ScenarioData } from '../levers/lever.js';
import { defaultLevers } from '../levers/registry.js';
import type { Model } from '../model/model.js';
import { scenarioSchemaFor } from './compose.js';
import { describeIssues } from './issues.js';
import type { KeyPath, ScenarioProblem } from './problems.js';
import { checkConsistency } from './consistency.js';
import { resolveScenario } from './resolve.js';
import { stepStationsFor } from './route-steps.js';

export type LoadResult = { ok: true; model: Model } | { ok: false; problems: ScenarioProblem[] };

/** Finds where a key path stands in the source text (its line and character offset), if it does. */
export type Locator = (path: KeyPath) => { line: number; offset: number } | undefined;

export interface ParsedText {
  data: unknown;
  locate: Locator;
  problems: ScenarioProblem[];
}

/**
 * Parses YAML or JSON text (JSON when the file name ends in .json) into plain data. A byte
 * order mark (which Windows editors write) is not part of the text; YAML merge keys
 * (`<<: *defaults`) are read as YAML 1.1 defined them.
 */
export function parseScenarioText(withMark: string, file: string): ParsedText {
  const text = withMark.charCodeAt(0) === 0xfeff ? withMark.slice(1) : withMark;
  const lineCounter = new LineCounter();
  // logLevel error: the parser's warnings (a key that is a list, stringified) would go to stderr as node warnings; such a key is refused as unknown anyway.
  const doc = parseDocument(text, { lineCounter, prettyErrors: true, uniqueKeys: true, merge: true, logLevel: 'error' });
  const locate: Locator = (path) => {
    const offset = offsetOf(doc, path);
    return offset === undefined ? undefined : { line: lineCounter.linePos(offset).line, offset };
  };
  const problems: ScenarioProblem[] = [];

  if (file.toLowerCase().endsWith('.json')) {
    try {
      const data: unknown = JSON.parse(text);
      // JSON.parse keeps the last of a key given twice, silently; the YAML parser (JSON is YAML) finds each.
      for (const error of doc.errors.filter((e) => e.code === 'DUPLICATE_KEY')) {
        problems.push({ file, path: [], line: error.linePos?.[0]?.line, message: `not valid JSON: ${firstLine(error.message)}` });
      }
      return { data: problems.length > 0 ? undefined : data, locate, problems };
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      // V8 gives a position for some errors; for others ("Unexpected token ','") it quotes the
      // text around it instead, newlines and all. The YAML parser (JSON is YAML) then places
      // most of them. The reason is kept to its first clause, on one line.
      const position = /position (\d+)/.exec(message);
      const line = position ? lineCounter.linePos(Number(position[1])).line : doc.errors[0]?.linePos?.[0]?.line;
      const reason = message
        .replace(/^Unexpected token '(\s)'/, (_, char: string) => `Unexpected ${char === '\n' || char === '\r' ? 'line break' : char === '\t' ? 'tab' : 'space'}`)
        .replace(/,\s*(?:\.\.\.)?".*$/s, '')
        .replace(/\s+in JSON at position \d+.*$/s, '')
        .replace(/\s+/g, ' ');
      // YAML in a file named .json (not JSON with a slip: JSON starts with { or [).
      const yaml = doc.errors.length === 0 && isMap(doc.contents) && !/^\s*[{[]/.test(text) ? ': the file reads as YAML, so give it a .yaml name' : '';
      problems.push({ file, path: [], line, message: `not valid JSON: ${reason}${yaml}` });
      return { data: undefined, locate, problems };
    }
  }

  // Every duplicated key (each is a problem of its own), and of the other syntax errors the
  // first only: the parser's later ones mostly follow from it (a file that is not YAML at all,
  // a README say, would give dozens).
  const duplicates = doc.errors.filter((error) => error.code === 'DUPLICATE_KEY');
  const first = doc.errors.find((error) => error.code !== 'DUPLICATE_KEY');
  const reported = doc.errors.filter((error) => error === first || duplicates.includes(error));
  for (const error of reported) {
    // The parser's own advice here is for programmers (use parseAllDocuments).
    const message = error.code === 'MULTIPLE_DOCS' ? 'the file holds more than one YAML document (a line --- starts another): a scenario is one document' : firstLine(error.message);
    problems.push({ file, path: [], line: error.linePos?.[0]?.line, message: `not valid YAML: ${message}` });
  }
  if (problems.length > 0) return { data: undefined, locate, problems };
  for (const { offset, message } of badMerges(doc)) problems.push({ file, path: [], line: lineCounter.linePos(offset).line, message: `not valid YAML: ${message}` });
  if (problems.length > 0) return { data: undefined, locate, problems };
  try {
    return { data: doc.toJS({ maxAliasCount: 1000 }), locate, problems };
  } catch (error) {
    // What the parser finds only while building the data (too many aliases: a "billion laughs").
    problems.push({ file, path: [], line: undefined, message: `not valid YAML: ${firstLine(error instanceof Error ? error.message : String(error))}` });
    return { data: undefined, locate, problems };
  }
}

/**
 * Where a merge key (<<) is given something other than a map, an alias of one, or a list of
 * them; an alias of an anchor never set is named as such (as the parser names it elsewhere).
 */
function badMerges(doc: Document): { offset: number; message: string }[] {
  const found: { offset: number; message: string }[] = [];
  visit(doc, {
    Pair(_, pair) {
      // With merge keys on, the parser reads a plain << key as a symbol.
      if (!isScalar(pair.key) || typeof pair.key.value !== 'symbol') return;
      const offset = pair.key.range?.[0] ?? 0;
      const items = isSeq(pair.value) ? pair.value.items : [pair.value];
      const unset = items.find((node) => isAlias(node) && node.resolve(doc) === undefined);
      if (isAlias(unset)) found.push({ offset, message: `Unresolved alias (the anchor must be set before the alias): ${unset.source}` });
      else if (!items.every((node) => isMap(isAlias(node) ? node.resolve(doc) : node))) {
        found.push({ offset, message: '<< merges the keys of a map into this one: write <<: *anchor (or a list of them) for an &anchor on a map' });
      }
    },
  });
  return found;
}

/** Validates and resolves scenario text. `file` names the source in every problem. */
export function loadScenario(text: string, file: string, levers: readonly Lever[] = defaultLevers): LoadResult {
  const parsed = parseScenarioText(text, file);
  if (parsed.problems.length > 0) return { ok: false, problems: parsed.problems };
  return validateScenario(parsed.data, file, parsed.locate, levers);
}

/**
 * Validates and resolves already-parsed scenario data (for example an object built in code),
 * with the keys, checks and resolution of `levers` on top of the core's.
 */
export function validateScenario(data: unknown, file = '(scenario)', locate: Locator = () => undefined, levers: readonly Lever[] = defaultLevers): LoadResult {
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    return { ok: false, problems: [{ file, path: [], line: undefined, message: 'a scenario must be a map of keys (name, time, stations, segments, ...)' }] };
  }
  const schema = scenarioSchemaFor(levers);
  const stepStations = stepStationsFor(levers);
  const checked = schema.safeParse(data);
  const messages = [
    ...(checked.success ? [] : describeIssues(checked.error.issues, schema, data)),
    ...checkConsistency(data, stepStations),
    ...levers.flatMap((lever) => lever.check?.(data as Record<string, unknown>) ?? []),
  ];
  if (!checked.success || messages.length > 0) {
    const located = messages.map(({ path, message }) => ({ path, message, where: locate(path) }));
    // In file order; problems without a place (rare) last.
    located.sort((a, b) => (a.where?.offset ?? Infinity) - (b.where?.offset ?? Infinity));
    const problems = located.map(({ path, message, where }) => ({ file, path, line: where?.line, message }));
    return { ok: false, problems };
  }
  const model = resolveScenario(checked.data, stepStations);
  const problems: ScenarioProblem[] = [];
  for (const lever of levers) {
    try {
      const config = lever.resolve(checked.data as ScenarioData, model);
      if (config !== undefined) model.levers[lever.name] = config;
    } catch (error) {
      if (!(error instanceof LeverResolveProblem)) throw error;
      problems.push({ file, path: error.path, line: locate(error.path)?.line, message: error.message });
    }
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, model };
}

/** Offset of the deepest node along `path` that exists (a missing key points at its parent). */
function offsetOf(doc: Document, path: KeyPath): number | undefined {
  for (let depth = path.length; depth >= 0; depth--) {
    const parentPath = path.slice(0, depth - 1);
    const key = path[depth - 1];
    if (depth > 0) {
      // Prefer the key's own line for map entries (an unknown key, a bad value).
      const parent = parentPath.length === 0 ? doc.contents : doc.getIn(parentPath, true);
      if (isMap(parent)) {
        const pair = parent.items.find((item) => isPair(item) && isScalar(item.key) && item.key.value === key);
        const range = pair && isScalar(pair.key) ? pair.key.range : undefined;
        if (range) return range[0];
      }
    }
    const node = depth === 0 ? doc.contents : doc.getIn(path.slice(0, depth), true);
    const range = (node as { range?: [number, number, number] } | null | undefined)?.range;
    if (range) return range[0];
  }
  return undefined;
}

/** The parser's message on one line, and short: it quotes the token it stumbled on, which can be long. */
function firstLine(message: string): string {
  const line = message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '').trim();
  return line.length <= 160 ? line : `${line.slice(0, 159)}…`;
}
