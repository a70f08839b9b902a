/**
 * Overbooking with a binomial show-up model (models.md §4.1–4.2).
 *
 * Each of b bookings independently shows with probability p = (1 − c)(1 − q), so the
 * shows are S(b) ~ Binomial(b, p) [M] (Talluri & van Ryzin 2004, ch. 4). Capacity C
 * (seats, tables, slots); r = margin earned per customer served (the underage cost C_u
 * of an empty unit), h = net cost of denying a customer who shows (the overage cost C_o).
 *
 * Profit of b bookings (the definition that reproduces V12, incl. LINDO's OVERBOOK):
 *   E[profit](b) = r·E[min(S, C)] − h·E[(S − C)⁺]
 * i.e. revenue from the shows that are served, less the cost of the ones turned away.
 * E.g. LINDO b = 17: 225·(16.32 − 0.4996) − 100·0.4996 = 3509.63.
 */
import { requireNonNegative, requireProbability, requireWholeNumber } from '../analytic/checks.js';
import { binomialPmf, binomialTail } from '../analytic/discrete.js';

/** p = (1 − c)(1 − q): a booking neither cancels (c) nor, if kept, fails to show (q) (§4.1). */
export function showProbability(cancelProbability: number, noShowProbability: number): number {
  requireProbability('cancel probability', cancelProbability);
  requireProbability('no-show probability', noShowProbability);
  return (1 - cancelProbability) * (1 - noShowProbability);
}

function checkBookings(bookings: number, showRate: number, capacity: number): void {
  requireWholeNumber('bookings', bookings);
  requireProbability('show probability', showRate);
  requireWholeNumber('capacity', capacity);
}

/** E[(S − C)⁺]: expected customers who show but are denied service. */
export function expectedDenied(bookings: number, showRate: number, capacity: number): number {
  checkBookings(bookings, showRate, capacity);
  let total = 0;
  for (let k = capacity + 1; k <= bookings; k++) total += (k - capacity) * binomialPmf(k, bookings, showRate);
  return total;
}

/** E[(C − S)⁺]: expected units of capacity left empty. */
export function expectedEmpty(bookings: number, showRate: number, capacity: number): number {
  checkBookings(bookings, showRate, capacity);
  let total = 0;
  for (let k = 0; k < Math.min(capacity, bookings + 1); k++) total += (capacity - k) * binomialPmf(k, bookings, showRate);
  return total;
}

/** E[min(S, C)] = b·p − E[(S − C)⁺]: expected customers served. */
export function expectedServed(bookings: number, showRate: number, capacity: number): number {
  return bookings * showRate - expectedDenied(bookings, showRate, capacity);
}

/** P(S > C): the probability that at least one customer who shows is denied. */
export function probabilityAnyDenied(bookings: number, showRate: number, capacity: number): number {
  checkBookings(bookings, showRate, capacity);
  return binomialTail(capacity + 1, bookings, showRate);
}

/** E[profit](b) = r·E[min(S, C)] − h·E[(S − C)⁺] (see the module comment). */
export function expectedProfit(
  bookings: number,
  showRate: number,
  capacity: number,
  revenue: number,
  deniedCost: number,
): number {
  requireNonNegative('revenue', revenue);
  requireNonNegative('denied-service cost', deniedCost);
  const denied = expectedDenied(bookings, showRate, capacity);
  return revenue * (bookings * showRate - denied) - deniedCost * denied;
}

/** The newsvendor critical fractile C_u / (C_u + C_o) = r / (r + h) (§4.2). */
export function criticalFractile(revenue: number, deniedCost: number): number {
  requireNonNegative('revenue', revenue);
  requireNonNegative('denied-service cost', deniedCost);
  if (revenue + deniedCost === 0) throw new RangeError('revenue and denied-service cost cannot both be 0');
  return revenue / (revenue + deniedCost);
}

/** The most bookings the optimal limit's search tries for a capacity C: max(1000, 100·C). */
export function optimalSearchBound(capacity: number): number {
  return Math.max(1000, 100 * capacity);
}

/**
 * b* = min{ b ≥ C : P(S(b) ≥ C) ≥ r/(r + h) } (§4.2). The (b+1)-th booking adds
 * p·[r − (r + h)·P(S(b) ≥ C)] to the expected profit, positive exactly while
 * P(S(b) ≥ C) is below the fractile, so b* maximises E[profit].
 * With h = 0 and p < 1 no limit is optimal; the search gives up at `maxBookings`.
 */
export function optimalBookingLimit(
  capacity: number,
  showRate: number,
  revenue: number,
  deniedCost: number,
  maxBookings = optimalSearchBound(capacity),
): number {
  requireWholeNumber('capacity', capacity);
  requireProbability('show probability', showRate);
  const fractile = criticalFractile(revenue, deniedCost);
  const reaches = (b: number) => binomialTail(capacity, b, showRate) >= fractile;
  if (!reaches(maxBookings)) throw new RangeError(`no booking limit up to ${maxBookings} reaches the critical fractile ${fractile}`);
  // P(S(b) ≥ C) grows with b: the smallest b that reaches the fractile by bisection, each
  // tail O(b), rather than one tail for every b up to it (quadratic: a minute at C = 600, p = 0.02).
  let [low, high] = [capacity, maxBookings]; // reaches(high); the answer is in low … high
  while (low < high) {
    const middle = Math.floor((low + high) / 2);
    if (reaches(middle)) high = middle;
    else low = middle + 1;
  }
  return low;
}

/**
 * "Expected shows = capacity": b = ⌈C/p⌉ [M] (the level used in clinic studies such as
 * LaGanga & Lawrence 2007). A relative slack of 1e-9 keeps 12/0.8 at 15.
 */
export function heuristicBookingLimit(capacity: number, showRate: number): number {
  requireWholeNumber('capacity', capacity);
  requireNonNegative('show probability', showRate, false);
  requireProbability('show probability', showRate);
  const exact = capacity / showRate;
  return Math.ceil(exact - 1e-9 * Math.max(1, exact));
}

/** How many bookings to accept for a capacity; every policy is a scenario choice [A]. */
export type BookingLimitPolicy =
  /** No overbooking: accept C bookings. */
  | { kind: 'none' }
  /** Accept C + extra bookings. */
  | { kind: 'fixedExtra'; extra: number }
  /** Accept ⌊C·(1 + fraction)⌋ bookings, e.g. fraction 0.1 for "10% over". */
  | { kind: 'percentage'; fraction: number }
  /** Accept ⌈C/p⌉ (expected shows = capacity). */
  | { kind: 'capacityOverShowRate' }
  /** The critical-fractile limit b* for margin r and denied-service cost h. */
  | { kind: 'optimal'; revenue: number; deniedCost: number };

/** The booking limit a policy gives for capacity C and show probability p. */
export function bookingLimit(policy: BookingLimitPolicy, capacity: number, showRate: number): number {
  requireWholeNumber('capacity', capacity);
  switch (policy.kind) {
    case 'none':
      return capacity;
    case 'fixedExtra':
      requireWholeNumber('extra bookings', policy.extra);
      return capacity + policy.extra;
    case 'percentage': {
      requireNonNegative('overbooking fraction', policy.fraction);
      const exact = capacity * (1 + policy.fraction);
      return Math.floor(exact + 1e-9 * Math.max(1, exact));
    }
    case 'capacityOverShowRate':
      return heuristicBookingLimit(capacity, showRate);
    case 'optimal':
      return optimalBookingLimit(capacity, showRate, policy.revenue, policy.deniedCost);
  }
}
