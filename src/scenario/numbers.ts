/**
 * The number schemas scenario keys share, each message naming the key: greater than 0, 0 or
 * more, and a share (a probability) from 0 to 1, which takes a value up to 100 for the
 * percentage it probably is and says how to write it.
 */
import { z } from 'zod';

export const positive = (what: string) => z.number().positive({ error: `${what} must be greater than 0` });

export const nonNegative = (what: string) => z.number().nonnegative({ error: `${what} must be 0 or more` });

/**
 * A whole number of at least `min`, its messages naming the key. A fraction (or no number)
 * is not whole; a whole number past 2^53 − 1 is too large to count exactly (1e300 servers is
 * whole), and one below the minimum is told the minimum (zod checks both for -1e300: the same
 * words, said once).
 */
export function wholeNumber(what: string, min: number) {
  const floor = min === 0 ? `${what} must be 0 or more` : `${what} must be at least ${min}`;
  const notWhole = (issue: { input?: unknown }): string => {
    const input = issue.input;
    if (typeof input !== 'number' || !Number.isInteger(input)) return `${what} must be a whole number`;
    return input > 0 ? `${what} must be at most ${Number.MAX_SAFE_INTEGER} (2^53 − 1)` : floor;
  };
  return z.int({ error: notWhole }).min(min, { error: floor });
}

/** The keys that take a share (their name as passed to `share`): where text such as "8%" is a share to write as 0.08. */
const shareKeys = new Set<string>();

export const isShareKey = (key: string): boolean => shareKeys.has(key);

/** Marks a key with a share schema of its own (bounds other than [0, 1]) as taking a share. */
export function markShareKey(key: string): void {
  shareKeys.add(key);
}

export function share(what: string) {
  markShareKey(what);
  const message = (issue: { input?: unknown }) => `${what} must be between 0 and 1${percentageHint(issue.input)}`;
  return z.number().min(0, { error: message }).max(1, { error: message });
}

/**
 * For a share given as a percentage (80 for 0.8; from 2 on, as 1.5 could be either): how to
 * write it; '' for anything else, and for 100 where 1 is excluded too (`exclusive`).
 */
export function percentageHint(value: unknown, exclusive = false): string {
  if (typeof value !== 'number' || !(value >= 2 && (exclusive ? value < 100 : value <= 100))) return '';
  return ` (${value} looks like a percentage: write ${Number((value / 100).toPrecision(12))})`;
}
