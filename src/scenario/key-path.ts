/**
 * Key paths into scenario data, as written on the command line: `stations.counter.servers.lunch`,
 * `segments[0].arrivals.rate`, `time.periods.lunch.start`. Parts are separated by dots; an
 * element of a list is addressed by its `id` (stations, segments) or `name` (periods), or by
 * its index (`[0]`, or a bare `0` when no element has that id); an id with dots or brackets in
 * it is written `["my.id"]`. A key path resolves to the canonical path of the validator
 * (`stations[0].servers.lunch`), so problems found later point at the same place.
 */
import { formatPath, hint, type KeyPath } from './problems.js';

/** One part of a written key path: a name, or an index forced by brackets. */
export type PathPart = { name: string } | { index: number };

/**
 * Where a key path went on past a number (`servers: 3`, then `.lnch`): the number's path and
 * value and the name after it, for a caller that can tell whether the key takes a value per
 * period (variants.ts) to say which of the two is wrong.
 */
export interface PastNumber {
  path: KeyPath;
  value: number;
  name: string;
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string; pastNumber?: PastNumber };

/**
 * Where `separator` stands in `text` outside quotes, brackets and braces: the `=` of
 * `stations["a=b"].servers=2`, the `;` between assignments but not inside a value's list. Inside
 * quotes a backslash escapes the next character, as in a quoted id (`["say \"hi\""]`).
 */
export function indicesOutside(text: string, separator: string): number[] {
  const found: number[] = [];
  let depth = 0;
  let quote: string | undefined;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quote !== undefined) {
      if (c === '\\') i++;
      else if (c === quote) quote = undefined;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '[' || c === '{') depth++;
    else if (c === ']' || c === '}') depth--;
    else if (c === separator && depth === 0) found.push(i);
  }
  return found;
}

/** Splits `stations.counter.servers["a.b"][2]` into its parts. */
export function parseKeyPath(text: string): Parsed<PathPart[]> {
  const parts: PathPart[] = [];
  let i = 0;
  const source = text.trim();
  if (source === '') return { ok: false, message: 'the key path is empty' };
  while (i < source.length) {
    if (source[i] === '[') {
      const close = source.indexOf(']', i);
      const quoted = source[i + 1] === '"';
      if (quoted) {
        // Up to the first "] not escaped; \" and \\ stand for " and \, any other backslash for
        // itself (C:\desk), and a quote inside may also stand alone: ["say "hi""] is say "hi".
        let name = '';
        let j = i + 2;
        for (; j < source.length && !(source[j] === '"' && source[j + 1] === ']'); j++) {
          const escaped = source[j] === '\\' && (source[j + 1] === '"' || source[j + 1] === '\\');
          name += escaped ? source[++j] : source[j];
        }
        if (j >= source.length) return { ok: false, message: `"${source}": a ["quoted id"] is not closed` };
        parts.push({ name });
        i = j + 2;
      } else {
        if (close < 0) return { ok: false, message: `"${source}": a [ is not closed` };
        const inner = source.slice(i + 1, close).trim();
        if (!/^\d+$/.test(inner)) return { ok: false, message: `"${source}": [${inner}] must be an index such as [0], or a quoted id such as ["${inner}"]` };
        parts.push({ index: Number(inner) });
        i = close + 1;
      }
      if (i < source.length && source[i] === '.') i++;
      continue;
    }
    let end = i;
    while (end < source.length && source[end] !== '.' && source[end] !== '[') end++;
    const name = source.slice(i, end).trim();
    if (name === '') return { ok: false, message: `"${source}": an empty part (two dots, or a dot at an end)` };
    parts.push({ name });
    i = end < source.length && source[end] === '.' ? end + 1 : end;
    if (source[end] === '.' && i === source.length) return { ok: false, message: `"${source}": a dot at the end` };
  }
  return { ok: true, value: parts };
}

/**
 * Why a variant or a grid point cannot set this key, or undefined when it can: every variant
 * of a comparison and every point of a sweep runs with the same seed and replications, so
 * that replication i of each sees the same simulated demand (common random numbers).
 */
export function sharedRunKey(parts: readonly PathPart[]): string | undefined {
  const only = parts.length === 1 ? parts[0] : undefined;
  if (only === undefined || !('name' in only)) return undefined;
  if (only.name === 'seed') return 'every variant runs with the same seed, so that each draws the same random numbers (common random numbers): give --seed to change it for all';
  if (only.name === 'replications') return 'every variant runs the same replications, paired one by one (common random numbers): give --reps to change their number for all';
  return undefined;
}

/**
 * A key path as one would type it: a name in brackets and quotes when it holds a character
 * the command line reads otherwise (. [ ] " \ and the separators = : ; of --set and --vary,
 * quotes and braces), or space at an end.
 */
export function formatParts(parts: readonly PathPart[]): string {
  const plain = (name: string) => name !== '' && name === name.trim() && !/[.[\]"\\=:;'{}]/.test(name);
  return parts.map((p, i) => ('index' in p ? `[${p.index}]` : plain(p.name) ? `${i === 0 ? '' : '.'}${p.name}` : `["${p.name.replace(/["\\]/g, '\\$&')}"]`)).join('');
}

type Container = Record<string, unknown> | unknown[];
const isMap = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The label of a list element: its id (stations, segments) or its name (periods). */
function labelOf(element: unknown): string | undefined {
  if (!isMap(element)) return undefined;
  const label = Object.hasOwn(element, 'id') ? element.id : Object.hasOwn(element, 'name') ? element.name : undefined;
  return typeof label === 'string' ? label : undefined;
}

/** The period names of scenario data (for per-period values written as one number). */
function periodNames(data: unknown): string[] {
  const time = isMap(data) ? data.time : undefined;
  const periods = isMap(time) && Array.isArray(time.periods) ? time.periods : [];
  return periods.map(labelOf).filter((n): n is string => n !== undefined);
}

/** A key of a map, set as an own property (so `__proto__` is just an unknown key for the validator). */
function setOwn(map: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(map, key, { value, writable: true, enumerable: true, configurable: true });
}

/**
 * Walks `parts` through `data`. With `create`, missing map keys on the way become maps, and a
 * per-period value written as one number (`servers: 3`) becomes the map { period: 3, ... }
 * when a period name addresses it, so `stations.counter.servers.lunch=4` works either way.
 * Returns the canonical path and the container and key of the last part.
 */
function walk(data: unknown, parts: readonly PathPart[], create: boolean): Parsed<{ path: KeyPath; parent: Container; key: string | number }> {
  const path: (string | number)[] = [];
  let node: unknown = data;
  const periods = periodNames(data);
  for (let p = 0; p < parts.length; p++) {
    const part = parts[p]!;
    const last = p === parts.length - 1;
    const where = path.length === 0 ? 'the scenario' : formatPath(path);
    let parent: Container;
    let key: string | number;
    if (Array.isArray(node)) {
      parent = node;
      const labels = node.map(labelOf);
      const byLabel = 'name' in part ? labels.indexOf(part.name) : -1;
      const index = 'index' in part ? part.index : byLabel >= 0 ? byLabel : /^\d+$/.test(part.name) ? Number(part.name) : -1;
      if (index < 0 || index >= node.length) {
        const known = labels.filter((l): l is string => l !== undefined);
        const asked = 'index' in part ? `[${part.index}]` : `"${part.name}"`;
        const listing = known.length > 0 ? `; it has ${known.join(', ')}` : `; it has ${node.length} element${node.length === 1 ? '' : 's'}`;
        return { ok: false, message: `${where} has no element ${asked}${'name' in part ? hint(part.name, known) : ''}${listing}` };
      }
      key = index;
    } else if (isMap(node)) {
      parent = node;
      if (!('name' in part)) return { ok: false, message: `${where} is a map of keys, not a list: [${part.index}] cannot address it` };
      key = part.name;
    } else {
      const message = `${where} is ${describe(node)}, which has no "${'name' in part ? part.name : part.index}" inside it`;
      if (typeof node === 'number' && 'name' in part && periods.length > 0) return { ok: false, message, pastNumber: { path: [...path], value: node, name: part.name } };
      return { ok: false, message };
    }
    path.push(key);
    if (last) return { ok: true, value: { path, parent, key } };
    let next = (parent as Record<string | number, unknown>)[key];
    if (typeof key === 'string' && !Object.hasOwn(parent, key)) next = undefined;
    const nextPart = parts[p + 1]!;
    if (next === undefined && create) {
      next = {};
      if (Array.isArray(parent)) parent[key as number] = next;
      else setOwn(parent, key as string, next);
    } else if (typeof next === 'number' && create && 'name' in nextPart && periods.includes(nextPart.name)) {
      next = Object.fromEntries(periods.map((name) => [name, next]));
      if (Array.isArray(parent)) parent[key as number] = next;
      else setOwn(parent, key as string, next);
    }
    node = next;
  }
  throw new Error('unreachable: a key path has at least one part');
}

function describe(value: unknown): string {
  if (value === undefined) return 'not set';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return `the text "${value}"`;
  return `the ${typeof value} ${String(value)}`;
}

/** The value at a written key path, with its canonical path. */
export function readKeyPath(data: unknown, parts: readonly PathPart[]): Parsed<{ path: KeyPath; value: unknown }> {
  const found = walk(data, parts, false);
  if (!found.ok) return found;
  const { parent, key, path } = found.value;
  const own = Array.isArray(parent) || Object.hasOwn(parent, key as string);
  return { ok: true, value: { path, value: own ? (parent as Record<string | number, unknown>)[key] : undefined } };
}

/** Sets the value at a written key path in `data` (changed in place); returns the canonical path. */
export function setKeyPath(data: unknown, parts: readonly PathPart[], value: unknown): Parsed<KeyPath> {
  const found = walk(data, parts, true);
  if (!found.ok) return found;
  const { parent, key, path } = found.value;
  if (Array.isArray(parent)) parent[key as number] = value;
  else setOwn(parent, key as string, value);
  return { ok: true, value: path };
}

/**
 * Removes the key at a written key path from `data` (changed in place), so that its default
 * applies: a variant's `key.path=null`. A list element cannot be removed (the others would
 * move up), nor a key the data does not have.
 */
export function removeKeyPath(data: unknown, parts: readonly PathPart[]): Parsed<KeyPath> {
  const found = walk(data, parts, false);
  if (!found.ok) return found;
  const { parent, key, path } = found.value;
  if (Array.isArray(parent)) return { ok: false, message: `${formatPath(path)} is an element of a list, which null cannot remove` };
  if (!Object.hasOwn(parent, key as string)) return { ok: false, message: `${formatPath(path)} is not in the scenario, so there is nothing to remove` };
  delete (parent as Record<string, unknown>)[key as string];
  return { ok: true, value: path };
}
