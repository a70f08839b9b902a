/**
 * The slot grid of the `reservations` key: a list of times, or a slot every `every` from
 * `from` (default 0) until before `until` (default the horizon).
 */
import { isMap, number } from '../levers/raw-data.js';
import type { Period } from '../model/model.js';

/** Slot times of a `slots` value (raw or validated), or undefined when they cannot be read. */
export function slotTimesOf(slots: unknown, horizon: number): number[] | undefined {
  if (!isMap(slots)) return undefined;
  if (Array.isArray(slots.times)) {
    const times = slots.times.map(number);
    return times.every((t) => t !== undefined) ? (times as number[]) : undefined;
  }
  const every = number(slots.every);
  if (every === undefined || every <= 0) return undefined;
  const from = number(slots.from) ?? 0;
  const until = number(slots.until) ?? horizon;
  const times: number[] = [];
  for (let i = 0; from + i * every < until; i++) times.push(from + i * every);
  return times;
}

/** Index of the period that `time` falls in. */
export function periodAt(periods: readonly Period[], time: number): number {
  let p = 0;
  while (p < periods.length - 1 && periods[p]!.end <= time) p++;
  return p;
}
