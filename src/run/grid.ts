/**
 * The grid of a sweep, written on the command line as `KEY.PATH=VALUES`:
 *
 *   stations.counter.servers=2..8        2, 3, ..., 8 (both ends included)
 *   segments.quick.arrivals.rate=0.5..1.5:0.25
 *   stations.counter.queueCapacity=5,10,20
 *
 * One or two axes; the grid is every combination. Values are numbers; whether the key takes
 * that number is for validation, point by point.
 */
import { formatParts, indicesOutside, parseKeyPath, sharedRunKey, type Parsed, type PathPart } from '../scenario/key-path.js';

export interface Axis {
  /** The key path as written (normalised). */
  path: string;
  parts: PathPart[];
  values: number[];
}

/** More points than this is surely a typo in a step (each point is a full set of replications). */
export const maxGridPoints = 10_000;

const numberPattern = /^[-+]?(\d+(\.\d*)?|\.\d+)(e[-+]?\d+)?$/i;

function toNumber(text: string, what: string): Parsed<number> {
  const trimmed = text.trim();
  if (!numberPattern.test(trimmed)) {
    return { ok: false, message: `${what} "${trimmed}" is not a number: sweep varies numbers (for text values, such as a discipline, compare variants made with compare --set)` };
  }
  return { ok: true, value: Number(trimmed) };
}

/** a..b[:step] (step 1 by default) or a,b,c. */
export function parseValues(text: string): Parsed<number[]> {
  const range = /^(.+?)\.\.(.+?)(?::(.+))?$/.exec(text.trim());
  if (range) {
    const from = toNumber(range[1]!, 'the start');
    const to = toNumber(range[2]!, 'the end');
    const step = range[3] === undefined ? ({ ok: true, value: 1 } as const) : toNumber(range[3], 'the step');
    if (!from.ok) return from;
    if (!to.ok) return to;
    if (!step.ok) return step;
    if (!(step.value > 0)) return { ok: false, message: `the step must be greater than 0, got ${step.value}` };
    if (to.value < from.value) return { ok: false, message: `the range ${from.value}..${to.value} runs backwards` };
    const count = Math.floor((to.value - from.value) / step.value + 1e-9) + 1;
    if (count > maxGridPoints) return { ok: false, message: `${count} values is more than ${maxGridPoints}: check the step` };
    // Each value from its index (no running sum), rounded to 12 significant digits: 0.1 steps stay 0.3, not 0.30000000000000004.
    return { ok: true, value: Array.from({ length: count }, (_, i) => Number((from.value + i * step.value).toPrecision(12))) };
  }
  const values: number[] = [];
  for (const piece of text.split(',')) {
    const value = toNumber(piece, 'the value');
    if (!value.ok) return value;
    values.push(value.value);
  }
  if (new Set(values).size !== values.length) return { ok: false, message: 'a value is listed twice' };
  return { ok: true, value: values };
}

/** Reads one `KEY.PATH=VALUES`. */
export function parseAxis(text: string): Parsed<Axis> {
  const equals = indicesOutside(text, '=')[0] ?? -1;
  if (equals < 0) return { ok: false, message: `"${text}" needs the form key.path=from..to[:step] or key.path=2,3,5` };
  const parts = parseKeyPath(text.slice(0, equals));
  if (!parts.ok) return parts;
  const shared = sharedRunKey(parts.value);
  if (shared !== undefined) return { ok: false, message: `"${text}": ${shared.replace('every variant', 'every point of a sweep')}` };
  const values = parseValues(text.slice(equals + 1));
  if (!values.ok) return { ok: false, message: `"${text}": ${values.message}` };
  return { ok: true, value: { path: formatParts(parts.value), parts: parts.value, values: values.value } };
}

/** Every combination of the axes' values, the first axis outermost. */
export function gridPoints(axes: readonly Axis[]): number[][] {
  return axes.reduce<number[][]>((points, axis) => points.flatMap((point) => axis.values.map((v) => [...point, v])), [[]]);
}
