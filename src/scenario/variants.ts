/**
 * Variants of one scenario, written on the command line (`compare --set`, `sweep --vary`):
 *
 *   NAME: KEY.PATH=VALUE; KEY.PATH=VALUE
 *
 * e.g. `fourth: stations.counter.servers.lunch=4` or
 * `calm: segments.quick.arrivals.rate.lunch=1.1; stations.counter.queueCapacity=30`.
 * Key paths are those of key-path.ts; each value is read as YAML (`8`, `fifo`, `true`,
 * `{dist: exponential, mean: 2}`, `[counter, desk]`). Without `NAME:` the assignments
 * themselves name the variant. Every variant is then validated like a file: its problems
 * name the variant and the key path, and the assignment that led there.
 */
import { parse } from 'yaml';
import type { Model } from '../model/model.js';
import type { Lever } from '../levers/lever.js';
import { periodNamesOf } from '../levers/raw-data.js';
import { defaultLevers } from '../levers/registry.js';
import { formatParts, indicesOutside, parseKeyPath, readKeyPath, removeKeyPath, setKeyPath, sharedRunKey, type Parsed, type PastNumber, type PathPart } from './key-path.js';
import { scenarioSchemaFor } from './compose.js';
import { validateScenario } from './load.js';
import { formatPath, hint, isUnder, type KeyPath, type ScenarioProblem } from './problems.js';

export interface Assignment {
  /** As written, for messages. */
  text: string;
  parts: PathPart[];
  value: unknown;
}

export interface VariantSpec {
  name: string;
  assignments: Assignment[];
}

/** Splits on `separator` outside quotes, brackets and braces (a value may hold `;` in a list). */
export function splitOutside(text: string, separator: string): string[] {
  const pieces: string[] = [];
  let start = 0;
  for (const at of indicesOutside(text, separator)) {
    pieces.push(text.slice(start, at));
    start = at + 1;
  }
  pieces.push(text.slice(start));
  return pieces;
}

/** Reads one `PATH=VALUE`: the path parsed, the value read as YAML. */
export function parseAssignment(text: string): Parsed<Assignment> {
  const equals = indicesOutside(text, '=')[0] ?? -1;
  if (equals < 0) return { ok: false, message: `"${text.trim()}" needs the form key.path=value` };
  const path = parseKeyPath(text.slice(0, equals));
  if (!path.ok) return path;
  const shared = sharedRunKey(path.value);
  if (shared !== undefined) return { ok: false, message: `"${text.trim()}": ${shared}` };
  const valueText = text.slice(equals + 1).trim();
  if (valueText === '') return { ok: false, message: `"${text.trim()}" has no value after =` };
  let value: unknown;
  try {
    value = parse(valueText);
  } catch (error) {
    return { ok: false, message: `"${text.trim()}": the value is not valid YAML: ${(error as Error).message.split('\n')[0]}` };
  }
  return { ok: true, value: { text: `${formatParts(path.value)}=${valueText}`, parts: path.value, value } };
}

/**
 * Reads `NAME: PATH=VALUE; PATH=VALUE`. The first colon before the first `=` ends the name
 * unless it lies inside a key path, as in a period named by the clock
 * (`stations.tellers.servers.09:00=4`): that is, unless no space follows it and the text
 * before it reads as a key path from a top-level key of the scenario (`v1.2:…` is a name).
 */
export function parseVariantSpec(text: string, levers: readonly Lever[] = defaultLevers): Parsed<VariantSpec> {
  const colon = indicesOutside(text, ':')[0] ?? -1;
  const equals = indicesOutside(text, '=')[0] ?? -1;
  const beforeEquals = colon >= 0 && (equals < 0 || colon < equals);
  const named = beforeEquals && (colon === text.length - 1 || /\s/.test(text[colon + 1]!) || !startsAKeyPath(text.slice(0, colon), levers));
  const name = named ? text.slice(0, colon).trim() : '';
  const body = named ? text.slice(colon + 1) : text;
  if (named && name === '') return { ok: false, message: `"${text}": the variant's name before ":" is empty` };
  const pieces = splitOutside(body, ';').filter((piece) => piece.trim() !== '');
  if (pieces.length === 0) return { ok: false, message: `"${text}" sets nothing: write NAME: key.path=value; key.path=value` };
  if (!named) {
    const missing = nameWithoutColon(pieces[0]!, levers);
    if (missing !== undefined) {
      const assignments = [pieces[0]!.trimStart().slice(missing.length), ...pieces.slice(1)].map((piece) => piece.trim());
      return { ok: false, message: `to name the variant, put a colon after its name: "${missing}: ${assignments.join('; ')}"` };
    }
  }
  const assignments: Assignment[] = [];
  for (const piece of pieces) {
    const assignment = parseAssignment(piece);
    if (!assignment.ok) return { ok: false, message: name === '' ? assignment.message : `variant "${name}": ${assignment.message}` };
    assignments.push(assignment.value);
  }
  return { ok: true, value: { name: name === '' ? assignments.map((a) => a.text).join('; ') : name, assignments } };
}

/**
 * The name before a key path with no colon between them (`lunch5 stations.counter.servers=5`,
 * `more staff stations.counter.servers=5`, `v1.2 stations...`): words without quotes or
 * brackets, a space, then a key path of the scenario. Not when the whole reads as a key path
 * already (`segments.walk in time.arrivals.rate=1`: an id with spaces), nor when a space
 * stands beside a dot (`two stations. counter.servers=3`: a slip inside the path, which says
 * so).
 */
function nameWithoutColon(piece: string, levers: readonly Lever[]): string | undefined {
  const equals = indicesOutside(piece, '=')[0];
  if (equals === undefined) return undefined;
  const head = piece.slice(0, equals).trim();
  if (startsAKeyPath(head, levers)) return undefined;
  for (const space of indicesOutside(head, ' ')) {
    const name = head.slice(0, space).trim();
    const path = head.slice(space).trim();
    if (!/^[^[\]{}"']+$/.test(name) || name.endsWith('.')) return undefined; // past the name's words
    if (/\s\.|\.\s/.test(path)) continue;
    if (startsAKeyPath(path, levers)) return name;
  }
  return undefined;
}

/** Whether `text` reads as a key path whose first part is a top-level key of the scenario. */
function startsAKeyPath(text: string, levers: readonly Lever[]): boolean {
  if (!/[.[]/.test(text)) return false; // one plain word is a name (a:x=1)
  const path = parseKeyPath(text);
  const first = path.ok ? path.value[0] : undefined;
  return first !== undefined && 'name' in first && Object.hasOwn(scenarioSchemaFor(levers).shape, first.name);
}

export type VariantResult = { ok: true; model: Model; data: unknown } | { ok: false; problems: ScenarioProblem[] };

/** How a variant names itself in problems: `bank.yaml [variant "fourth"]`. */
export function variantLabel(file: string, name: string): string {
  return `${file} [variant "${name}"]`;
}

/**
 * The base data with the assignments applied (in order, on a copy), validated and resolved.
 * A problem whose path lies under an assignment says which assignment it came from.
 */
export function buildVariant(baseData: unknown, file: string, spec: VariantSpec, levers: readonly Lever[] = defaultLevers): VariantResult {
  const label = variantLabel(file, spec.name);
  const data = structuredClone(baseData);
  const applied: { path: KeyPath; text: string }[] = [];
  const problems: ScenarioProblem[] = [];
  /** Keys a number was turned into a per-period map at, to reach a period (queueCapacity.lunch). */
  const spread: { path: KeyPath; text: string; key: string; value: unknown }[] = [];
  for (const assignment of spec.assignments) {
    const parent = assignment.parts.length > 1 ? readKeyPath(data, assignment.parts.slice(0, -1)) : undefined;
    // null removes the key, so that its default applies (patience=null: customers who never give up).
    const set = assignment.value === null ? removeKeyPath(data, assignment.parts) : setKeyPath(data, assignment.parts, structuredClone(assignment.value));
    if (!set.ok) {
      problems.push({ file: label, source: file, path: [], message: `${assignment.text}: ${keyPathMessage(data, set, levers)}` });
      continue;
    }
    // servers=4 after servers.lunch=5 throws the 5 away; the other order sets lunch inside the 4.
    const replaced = applied.find((earlier) => isUnder(earlier.path, set.value));
    if (replaced !== undefined) {
      problems.push({ file: label, source: file, path: [], message: `${assignment.text} replaces what ${replaced.text} set: give ${assignment.text} first, or leave one out` });
    }
    applied.push({ path: set.value, text: assignment.text });
    if (parent?.ok && typeof parent.value.value === 'number') spread.push({ path: set.value.slice(0, -1), text: assignment.text, key: formatParts(assignment.parts.slice(0, -1)), value: parent.value.value });
  }
  if (problems.length > 0) return { ok: false, problems };
  const result = validateScenario(data, label, () => undefined, levers);
  if (result.ok) return { ok: true, model: result.model, data };
  return {
    ok: false,
    problems: result.problems.map((problem) => {
      // Every assignment at or under the problem's key (servers.morning and servers.afternoon
      // both touch a problem of servers): which of them is at fault, the problem cannot say.
      const setBy = problem.path.length === 0 ? [] : applied.filter((a) => isUnder(problem.path, a.path) || isUnder(a.path, problem.path));
      const notPerPeriod = spread.find((s) => s.path.length === problem.path.length && isUnder(problem.path, s.path) && !takesPerPeriod(data, s.path, s.value, levers));
      if (notPerPeriod !== undefined) {
        const { key } = notPerPeriod;
        return { ...problem, source: file, message: `${problem.message} (set by ${notPerPeriod.text}: ${key} is one value for the whole day, not one per period; set ${key}=VALUE)` };
      }
      // A problem beside the keys set (the next period now starts before the one moved): still the variant's.
      const why = setBy.length > 0 ? `set by ${setBy.map((a) => a.text).join('; ')}` : applied.length > 0 && problem.path.length > 0 ? `the variant sets ${applied.map((a) => a.text).join('; ')}` : undefined;
      return { ...problem, source: file, ...(why === undefined ? {} : { message: `${problem.message} (${why})` }) };
    }),
  };
}

/**
 * What is wrong with a key path that could not be set. One that goes on past a number with a
 * name (`servers.lnch` where servers is 3) names a period, if the key takes a value per
 * period: then the name is not one of the periods (with a did-you-mean); otherwise the key
 * takes one value for the whole day.
 */
export function keyPathMessage(data: unknown, failure: { message: string; pastNumber?: PastNumber }, levers: readonly Lever[] = defaultLevers): string {
  if (failure.pastNumber === undefined) return failure.message;
  const { path, value, name } = failure.pastNumber;
  const key = formatPath(path);
  const periods = periodNamesOf(data as Record<string, unknown>);
  const last = path.at(-1);
  // servers.lunch.x: the number is already one period's value.
  if (typeof last === 'string' && periods.includes(last)) return `${key} is the value of period ${last} (the number ${value}), which has no "${name}" inside it`;
  if (!takesPerPeriod(data, path, value, levers)) return `${key} is one value for the whole day (the number ${value}), not one per period: set ${key}=VALUE`;
  return `unknown period "${name}"${hint(name, periods)} after ${key} (the number ${value}); the periods are ${periods.join(', ')}`;
}

/**
 * Whether the key at `path` takes a value per period at all: the file's own number for the
 * whole day, written once per period, validates there (servers does; queueCapacity, one
 * value for the day, does not). Whatever else is wrong with the variant's map is then not
 * for the hint.
 */
function takesPerPeriod(data: unknown, path: KeyPath, dayValue: unknown, levers: readonly Lever[]): boolean {
  const periods = periodNamesOf(data as Record<string, unknown>);
  const probe = structuredClone(data) as Record<string | number, unknown>;
  let parent: unknown = probe;
  for (const key of path.slice(0, -1)) parent = typeof parent === 'object' && parent !== null ? (parent as Record<string | number, unknown>)[key] : undefined;
  if (typeof parent !== 'object' || parent === null) return false; // the path is not in the data as it stands
  (parent as Record<string | number, unknown>)[path.at(-1)!] = Object.fromEntries(periods.map((name) => [name, dayValue]));
  const result = validateScenario(probe, '', () => undefined, levers);
  return result.ok || !result.problems.some((problem) => isUnder(problem.path, path));
}

