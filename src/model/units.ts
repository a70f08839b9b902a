/**
 * Time unit labels (`time.unit` is free text: "minute", "Minutes", "min", "h"): their plural
 * for headings, and the unit a label names, so that two labels of one unit compare equal.
 */

/** Unit labels that are abbreviations: "8 h", not "8 hs". */
const ABBREVIATED = new Set(['h', 'hr', 'min', 'sec', 'ms', 'd', 'wk']);

/** The unit's plural for a heading: "minutes"; "hours" stays "hours", "h" stays "h". */
export function pluralUnit(unit: string): string {
  return /s$/i.test(unit) || ABBREVIATED.has(unit.toLowerCase()) ? unit : `${unit}s`;
}

/** The unit a label names: "Minutes", "minute" and "min" are one. */
export function unitOf(label: string): string {
  const word = label.trim().toLowerCase().replace(/(.)s$/, '$1');
  return ({ min: 'minute', hr: 'hour', h: 'hour', sec: 'second' } as Record<string, string>)[word] ?? word;
}
