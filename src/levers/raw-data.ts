/**
 * Reading raw scenario data in a lever's consistency check: the data may have other problems
 * (the schema reports them), so every read is defensive, as in scenario/consistency.ts.
 */
import { hint, type KeyPath } from '../scenario/problems.js';
import type { LeverProblem } from './lever.js';

export type Raw = Record<string, unknown>;
export const isMap = (value: unknown): value is Raw => typeof value === 'object' && value !== null && !Array.isArray(value);
export const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
export const number = (value: unknown): number | undefined => (typeof value === 'number' && Number.isFinite(value) ? value : undefined);

/** The named periods of the raw scenario (empty without time.periods). */
export function periodNamesOf(data: Raw): string[] {
  const time = isMap(data.time) ? data.time : {};
  return list(time.periods).flatMap((p) => (isMap(p) && typeof p.name === 'string' ? [p.name] : []));
}

/**
 * Problems of a number-or-per-period value: a map needs named periods, names only periods,
 * and (when `complete`) gives every period a value.
 */
export function perPeriodProblems(value: unknown, path: KeyPath, periods: readonly string[], complete = true): LeverProblem[] {
  if (!isMap(value)) return [];
  if (periods.length === 0) return [{ path, message: 'per-period values need named periods in time.periods' }];
  const missing = periods.filter((name) => !Object.hasOwn(value, name));
  // The "did you mean" is among the periods not given (a period given already is not what a typo meant).
  const problems: LeverProblem[] = Object.keys(value)
    .filter((key) => !periods.includes(key))
    .map((key) => ({ path: [...path, key], message: `unknown period "${key}"${hint(key, missing)}` }));
  if (complete && missing.length > 0) problems.push({ path, message: `gives no value for period${missing.length > 1 ? 's' : ''} ${missing.join(', ')}` });
  return problems;
}
