/**
 * Turns zod's validation issues into scenario problems a planner can act on: unions are
 * narrowed to the branch the value was evidently meant for, unknown keys get the keys that
 * are allowed there and a "did you mean" hint.
 */
import type { z } from 'zod';
import { isMap } from '../levers/raw-data.js';
import { hoursPerUnit, pluralUnit } from '../model/units.js';
import { coreDefaults } from './defaults.js';
import { isShareKey } from './numbers.js';
import { hint, type KeyPath } from './problems.js';

export interface LocatedMessage {
  path: KeyPath;
  message: string;
}

type Issue = z.core.$ZodIssue;
type AnySchema = z.core.$ZodType;

export function describeIssues(issues: readonly Issue[], root: AnySchema, data: unknown): LocatedMessage[] {
  const out: LocatedMessage[] = [];
  for (const issue of issues) describeIssue(issue, [], root, data, out);
  // A misspelt required key is one problem: the unknown key says what was meant, so the
  // meant key's "is required" beside it would only repeat it.
  const meant = new Set(
    out.flatMap(({ path, message }) => {
      const suggestion = /^unknown key ".*?" \(did you mean "([^"]+)"\?/.exec(message)?.[1];
      return suggestion === undefined ? [] : [JSON.stringify([...path.slice(0, -1), suggestion])];
    }),
  );
  // Two checks of one key can say the same thing (a seed of -1e20 is neither safe nor 0 or more): once.
  const said = new Set<string>();
  return out.filter(({ path, message }) => {
    const key = `${JSON.stringify(path)}|${message}`;
    if (said.has(key) || (message.startsWith('is required') && meant.has(JSON.stringify(path)))) return false;
    said.add(key);
    return true;
  });
}

/** A key of the map at `path` that no shape of it allows, with what is allowed there. */
function unknownKey(path: KeyPath, key: string, allowed: readonly string[]): LocatedMessage {
  return { path: [...path, key], message: `unknown key "${key}"${hint(key, allowed)}; allowed here: ${allowed.join(', ')}` };
}

function describeIssue(issue: Issue, prefix: KeyPath, root: AnySchema, data: unknown, out: LocatedMessage[]): void {
  const path = [...prefix, ...(issue.path as (string | number)[])];
  switch (issue.code) {
    case 'unrecognized_keys': {
      const { allowed, kind, elsewhere, forms } = keysAt(root, data, path);
      const given = valueAt(data, path);
      for (const key of issue.keys) {
        const where = allowed.length > 0 ? `; allowed here: ${allowed.join(', ')}` : '';
        // A key of another form of the same map (`until` is for { every, until }, not beside `times`).
        // (Compared with the keys some form allows: a misspelt one is told as such.)
        const apart =
          allowed.includes(key) && isMap(given) ? Object.keys(given).filter((other) => other !== key && allowed.includes(other) && !forms.some((form) => form.includes(other) && form.includes(key))) : [];
        if (apart.length > 0) {
          const shapes = [...new Set(forms.map((form) => `{ ${form.join(', ')} }`))].join(' or ');
          out.push({ path: [...path, key], message: `"${key}" does not go with ${apart.map((other) => `"${other}"`).join(', ')}: the map is one of ${shapes}` });
          continue;
        }
        // A key of another kind of the same object (`revenue` is for policy: optimal, not fixedExtra).
        const other = elsewhere.get(key);
        if (kind !== undefined && other !== undefined) {
          out.push({ path: [...path, key], message: `unknown key "${key}": it goes with ${kind.key}: ${other.join(' or ')}, not ${kind.key}: ${kind.value}${where}` });
          continue;
        }
        // `{ name  afternoon }`: a key, then its value, with the colon between them forgotten.
        const [, meant, value] = /^(\S+)\s+(\S.*)$/.exec(key) ?? [];
        const colon = meant !== undefined && allowed.includes(meant) ? ` (did you mean "${meant}"? a colon is missing: ${meant}: ${value})` : undefined;
        out.push({ path: [...path, key], message: `unknown key "${key}"${colon ?? hint(key, allowed)}${where}` });
      }
      return;
    }
    case 'invalid_union': {
      if ('discriminator' in issue && issue.discriminator !== undefined) {
        // A kind told by one key (z.discriminatedUnion); the issue is at that key.
        const options = ((issue as { options?: unknown[] }).options ?? []).map(String);
        const value = valueAt(data, path);
        if (value !== undefined) {
          out.push({ path, message: `must be one of ${options.join(', ')}; "${String(value)}" is not one of them${typeof value === 'string' ? hint(value, options) : ''}` });
          return;
        }
        // Missing: keys no kind allows are wrong whatever the kind. A misspelt tag (`rul`) is told
        // as the unknown key it is, whose "did you mean" drops the "is required" (describeIssues).
        const where = path.slice(0, -1);
        const given = valueAt(data, where);
        const { allowed } = keysAt(root, data, where);
        out.push({ path, message: `is required: one of ${options.join(', ')}` });
        for (const key of isMap(given) ? Object.keys(given) : []) if (!allowed.includes(key)) out.push(unknownKey(where, key, allowed));
        return;
      }
      const value = valueAt(data, path);
      const fitting = issue.errors.filter((branch) => branchFits(branch, value));
      if (fitting.length === 0) {
        // Every shape the value could take: the words of a branch of words, the types of the others.
        const expected = [
          ...new Set(
            issue.errors.flatMap((b) =>
              b.flatMap((i) => (i.path.length > 0 ? [] : i.code === 'invalid_type' ? [describeExpected(i)] : i.code === 'invalid_value' ? [i.values.length === 1 ? String(i.values[0]) : `one of ${i.values.map(String).join(', ')}`] : [])),
            ),
          ),
        ];
        out.push({ path, message: value === undefined ? `is required: ${expected.join(' or ')}` : `expected ${expected.join(' or ')}, got ${describeValue(value)}${numberHint(expected, value, path, data)}` });
        return;
      }
      // Of the object kinds, the one the object names (`policy: fixedExtra`), not one whose tag it fails.
      const named = fitting.filter((branch) => !branch.some((i) => i.code === 'invalid_value' && i.path.length === 1));
      if (named.length === 0) {
        // It names none of them: the tag is the one problem (its other keys depend on the kind).
        const tag = sharedTag(fitting);
        const given = valueAt(data, path);
        // A misspelt tag (`polcy`) is better told as the unknown key it is, with its "did you mean".
        const misspelt = tag !== undefined && isMap(given) && !(tag.key in given) && Object.keys(given).some((key) => hint(key, [tag.key]) !== '');
        if (tag !== undefined && !misspelt) {
          const tagValue = valueAt(data, [...path, tag.key]);
          const kinds = tag.values.map(String);
          out.push({
            path: [...path, tag.key],
            message:
              tagValue === undefined
                ? `is required: one of ${kinds.join(', ')}`
                : `must be one of ${kinds.join(', ')}; got ${describeValue(tagValue)}${typeof tagValue === 'string' ? hint(tagValue, kinds) : ''}`,
          });
          // Keys no kind allows are wrong whatever the kind turns out to be: said too.
          const unknownEverywhere = fitting
            .map((branch) => new Set(branch.flatMap((i) => (i.code === 'unrecognized_keys' && i.path.length === 0 ? i.keys : []))))
            .reduce((a, b) => new Set([...a].filter((key) => b.has(key))));
          const { allowed } = keysAt(root, data, path);
          for (const key of unknownEverywhere) out.push(unknownKey(path, key, allowed));
          return;
        }
      }
      const best = (named.length > 0 ? named : fitting).reduce((a, b) => (b.length < a.length ? b : a));
      for (const inner of best) describeIssue(inner, path, root, data, out);
      return;
    }
    case 'invalid_type': {
      const value = valueAt(data, path);
      if (value === undefined) {
        out.push({ path, message: `is required${issue.message.startsWith('Invalid input') ? '' : ` (${issue.message})`}` });
      } else {
        const custom = !issue.message.startsWith('Invalid input');
        const hinted = numberHint([describeExpected(issue)], value, path, data);
        out.push({ path, message: custom ? `${issue.message}${hinted}` : `expected ${describeExpected(issue)}, got ${describeValue(value)}${hinted}` });
      }
      return;
    }
    case 'invalid_value': {
      const value = valueAt(data, path);
      const values = issue.values.map(String);
      if (value === undefined) {
        out.push({ path, message: `is required (${values.length === 1 ? values[0] : `one of ${values.join(', ')}`})` });
        return;
      }
      // A key's own words where it has them (`selfService` is true or a map: false is no setting).
      const custom = !/^Invalid (input|option)/.test(issue.message); // zod's own words for a literal and for an enum
      out.push({
        path,
        message: `${custom ? issue.message : `must be ${values.length === 1 ? values[0] : `one of ${values.join(', ')}`}`}; got ${describeValue(value)}${typeof value === 'string' ? hint(value, values) : ''}`,
      });
      return;
    }
    default:
      out.push({ path, message: issue.message });
  }
}

/** The key every branch fails on with fixed values (the kinds' tag, such as `policy`), and all those values. */
function sharedTag(branches: readonly Issue[][]): { key: string; values: unknown[] } | undefined {
  const tagIssues = branches.map((branch) => branch.filter((i) => i.code === 'invalid_value' && i.path.length === 1));
  const key = tagIssues[0]?.[0]?.path[0];
  if (typeof key !== 'string' || !tagIssues.every((issues) => issues.some((i) => i.path[0] === key))) return undefined;
  const values = tagIssues.flatMap((issues) => issues.filter((i) => i.path[0] === key).flatMap((i) => (i.code === 'invalid_value' ? i.values : [])));
  return { key, values: [...new Set(values)] };
}

/**
 * A union branch fits when its failures are not a plain type mismatch of the value itself:
 * a map does not fit a branch of words (`none`, `capacityOverShowRate`).
 */
function branchFits(branch: readonly Issue[], value: unknown): boolean {
  return !branch.some(
    (i) =>
      i.path.length === 0 &&
      ((i.code === 'invalid_type' && !typeMatches(i.expected, value)) || (i.code === 'invalid_value' && !i.values.some((v) => typeof v === typeof value))),
  );
}

function typeMatches(expected: string, value: unknown): boolean {
  switch (expected) {
    case 'number':
    case 'int':
      return typeof value === 'number';
    case 'object':
    case 'record':
      return typeof value === 'object' && value !== null && !Array.isArray(value);
    case 'array':
      return Array.isArray(value);
    default:
      return typeof value === expected;
  }
}

function describeExpected(issue: Issue): string {
  if (issue.code !== 'invalid_type') return 'a valid value';
  switch (issue.expected) {
    case 'int':
      return 'a whole number';
    case 'number':
      return 'a number';
    case 'record':
    case 'object':
      return 'a map of keys to values';
    case 'array':
      return 'a list';
    case 'string':
      return 'text';
    default:
      return `a ${issue.expected}`;
  }
}

/**
 * Keys whose numbers are durations in the time unit: under these (a distribution's mean, a
 * period's start) a number written with a time unit converts to the scenario's.
 */
const DURATION_KEYS = new Set(['time', 'service', 'patience', 'hold', 'punctuality', 'grace', 'slots', 'every', 'from', 'until', 'times', 'length', 'referenceWait', 'referenceWaits', 'desired', 'adequate']);
/** Counts among them (an Erlang's phases, a slot's capacity): never a time. */
const COUNT_KEYS = new Set(['k', 'weights', 'capacity', 'units']);

/** Text a planner writes for a number: "8%", "10:00", "10 minutes" or "3 tellers". */
const PERCENTAGE = /^\s*([-+]?(?:\d+\.?\d*|\.\d+))\s*%\s*$/;
const CLOCK_TIME = /^\s*\d{1,2}:\d{2}\s*$/;
const WITH_WORD = /^\s*([-+]?(?:\d+\.?\d*|\.\d+))\s*([A-Za-z]+)\s*$/;

/**
 * How to write as a number what a planner wrote as text where a number is expected, where
 * the key says what the number is: a percentage under a key that takes a share (8% for
 * noShow), a clock time in `time` (10:00 for a period's start), a time with its unit under a
 * duration key (10 minutes is 0.166667 when time.unit is hour), and any other number with a
 * word after it ("3 tellers") as the number alone.
 */
function numberHint(expected: readonly string[], value: unknown, path: KeyPath, data: unknown): string {
  if (typeof value !== 'string' || !expected.some((e) => e === 'a number' || e === 'a whole number')) return '';
  const keys = path.filter((k): k is string => typeof k === 'string');
  const percent = PERCENTAGE.exec(value);
  if (percent && keys.some(isShareKey)) return ` (write a percentage as a number: ${Number((Number(percent[1]) / 100).toPrecision(12))} for ${value.trim()})`;
  if (CLOCK_TIME.test(value) && keys[0] === 'time') return ' (times are numbers of the time unit from opening, not clock times: 60 is an hour after opening when time.unit is minute)';
  const withUnit = WITH_WORD.exec(value);
  if (!withUnit) return '';
  const [, amount, word] = withUnit;
  const hours = hoursPerUnit(word!);
  if (hours === undefined) return ` (write the number alone: ${amount})`;
  if (!keys.some((k) => DURATION_KEYS.has(k)) || COUNT_KEYS.has(keys.at(-1) ?? '')) return ''; // a time where none is asked for: nothing to convert
  const time = isMap(data) && isMap(data.time) ? data.time : {};
  const unit = typeof time.unit === 'string' ? time.unit : coreDefaults.unit;
  const unitHours = hoursPerUnit(unit);
  return unitHours === undefined ? '' : ` (write it in time.unit, ${pluralUnit(unit)}: ${Number(((Number(amount) * hours) / unitHours).toPrecision(6))} for ${value.trim()})`;
}

function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a map';
  if (typeof value === 'string') return `"${value}"`;
  return String(value);
}

export function valueAt(data: unknown, path: KeyPath): unknown {
  let node: unknown = data;
  for (const part of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string | number, unknown>)[part];
  }
  return node;
}

/** The keys allowed for the object at a key path, and for an object of one kind among several, the others' keys. */
interface KeysHere {
  allowed: string[];
  /** The object's kind, when its schema is one of several kinds told apart by a key (`dist`, `policy`). */
  kind?: { key: string; value: string };
  /** Keys only other kinds allow, each with the kinds that do. */
  elsewhere: Map<string, string[]>;
  /** The keys of each shape the object may take (several for a union of maps). */
  forms: string[][];
}

/** Keys the schema allows for the object found at `path` in `data`. */
function keysAt(root: AnySchema, data: unknown, path: KeyPath): KeysHere {
  let schemas: AnySchema[] = [root];
  let node: unknown = data;
  for (const part of path) {
    node = node !== null && typeof node === 'object' ? (node as Record<string | number, unknown>)[part] : undefined;
    schemas = schemas.flatMap((s) => childSchemas(s, part));
  }
  const shapes = schemas.flatMap((s) => objectShapes(s));
  const own = ownKind(shapes, node);
  const allowed = new Set((own?.shapes ?? shapes).flatMap((shape) => Object.keys(shape)));
  const elsewhere = new Map<string, string[]>();
  if (own !== undefined) {
    for (const shape of shapes) {
      if (own.shapes.includes(shape)) continue;
      const kinds = literalValues(shape[own.key]!).map(String);
      for (const key of Object.keys(shape)) if (!allowed.has(key)) elsewhere.set(key, [...new Set([...(elsewhere.get(key) ?? []), ...kinds])]);
    }
  }
  return { allowed: [...allowed], kind: own && { key: own.key, value: String((node as Record<string, unknown>)[own.key]) }, elsewhere, forms: shapes.map((shape) => Object.keys(shape)) };
}

/**
 * The shapes of the object's own kind, when the shapes are kinds told apart by one key that
 * each gives fixed values (`dist: exponential`, `policy: optimal`) and the object names one.
 */
function ownKind(shapes: Record<string, AnySchema>[], value: unknown): { key: string; shapes: Record<string, AnySchema>[] } | undefined {
  if (shapes.length < 2 || value === null || typeof value !== 'object') return undefined;
  const keys = Object.keys(shapes[0]!).filter((key) => shapes.every((shape) => shape[key] !== undefined && literalValues(shape[key]!).length > 0));
  for (const key of keys) {
    const named = (value as Record<string, unknown>)[key];
    const own = shapes.filter((shape) => literalValues(shape[key]!).includes(named));
    if (own.length > 0) return { key, shapes: own };
  }
  return undefined;
}

/** The fixed values a literal or enum schema allows (none for any other schema). */
function literalValues(schema: AnySchema): unknown[] {
  const values = defOf(schema).values;
  if (Array.isArray(values)) return values;
  const entries = defOf(schema).entries;
  return entries !== null && typeof entries === 'object' ? Object.values(entries) : [];
}

type Def = { type: string; [key: string]: unknown };
const defOf = (schema: AnySchema): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;

function unwrap(schema: AnySchema): AnySchema[] {
  const def = defOf(schema);
  if (def.type === 'optional' || def.type === 'default' || def.type === 'nullable') return unwrap(def.innerType as AnySchema);
  if (def.type === 'union') return (def.options as AnySchema[]).flatMap(unwrap);
  return [schema];
}

function childSchemas(schema: AnySchema, key: string | number): AnySchema[] {
  return unwrap(schema).flatMap((s) => {
    const def = defOf(s);
    if (def.type === 'object' && typeof key === 'string') {
      const child = (def.shape as Record<string, AnySchema>)[key];
      return child ? [child] : [];
    }
    if (def.type === 'record' && typeof key === 'string') return [def.valueType as AnySchema];
    if (def.type === 'array' && typeof key === 'number') return [def.element as AnySchema];
    return [];
  });
}

function objectShapes(schema: AnySchema): Record<string, AnySchema>[] {
  return unwrap(schema)
    .map(defOf)
    .filter((def) => def.type === 'object')
    .map((def) => def.shape as Record<string, AnySchema>);
}
