/**
 * Time unit labels (`time.unit` is free text: "minute", "Minutes", "min", "h"): their plural
 * for headings, the unit a label names (so two labels of one unit compare equal), and how
 * many hours one unit is, for the units that are clock units.
 */

/** Unit labels that are abbreviations: "8 h", not "8 hs". */
const ABBREVIATED = new Set(['h', 'hr', 'min', 'sec', 'ms', 'd', 'wk']);

/** The unit's label for `count` of it (plural unless 1): "minutes"; "hours" stays "hours", "h" stays "h". */
export function pluralUnit(unit: string, count = 2): string {
  return count === 1 || /s$/i.test(unit) || ABBREVIATED.has(unit.toLowerCase()) ? unit : `${unit}s`;
}

/** The unit a label names: "Minutes", "minute" and "min" are one. */
export function unitOf(label: string): string {
  const word = label.trim().toLowerCase();
  if (Object.hasOwn(SHORT, word)) return SHORT[word]!;
  const singular = word.replace(/(.)s$/, '$1');
  return SHORT[singular] ?? singular;
}

/** Abbreviations, and the unit each names ("ms" before its s is taken for a plural). */
const SHORT: Readonly<Record<string, string>> = { ms: 'millisecond', min: 'minute', hr: 'hour', h: 'hour', sec: 'second', s: 'second', d: 'day' };

/** Hours in one unit of each clock unit. */
const HOURS: Readonly<Record<string, number>> = { second: 1 / 3600, minute: 1 / 60, hour: 1, day: 24 };

/** Hours in one time unit called `label` (any label of a clock unit), or undefined for a unit that is not a clock unit. */
export function hoursPerUnit(label: string): number | undefined {
  const unit = unitOf(label);
  return Object.hasOwn(HOURS, unit) ? HOURS[unit] : undefined;
}

/** Time units in one minute, for a clock unit (60 for seconds, 1/60 for hours); undefined otherwise. */
export function unitsPerMinute(label: string): number | undefined {
  const hours = hoursPerUnit(label);
  return hours === undefined ? undefined : 1 / 60 / hours;
}
