/**
 * Argument checks shared by the analytic modules. A bad argument is a caller's bug (the
 * scenario layer validates user input first), so these throw RangeError with the value.
 */

/** A whole number of servers (or slots, bookings) at least `minimum`. */
export function requireWholeNumber(name: string, value: number, minimum = 0): void {
  if (!Number.isInteger(value) || value < minimum) {
    throw new RangeError(`${name} must be a whole number >= ${minimum}, got ${value}`);
  }
}

/** A finite rate, time or amount: positive, or non-negative when `allowZero`. */
export function requireNonNegative(name: string, value: number, allowZero = true): void {
  const ok = Number.isFinite(value) && (allowZero ? value >= 0 : value > 0);
  if (!ok) throw new RangeError(`${name} must be a ${allowZero ? 'non-negative' : 'positive'} finite number, got ${value}`);
}

/** A probability in [0, 1]. */
export function requireProbability(name: string, value: number): void {
  if (!(value >= 0 && value <= 1)) throw new RangeError(`${name} must be a probability in [0, 1], got ${value}`);
}
