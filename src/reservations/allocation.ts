/**
 * Capacity allocation between price classes (models.md §4.3): how much capacity to
 * protect for higher-paying demand (reserved vs walk-in, fare classes, table segments).
 */
import { requireNonNegative } from '../analytic/checks.js';
import { poissonTail } from '../analytic/discrete.js';
import { normalQuantile } from '../analytic/normal.js';

function checkPrices(high: number, low: number): void {
  requireNonNegative('high price', high, false);
  requireNonNegative('low price', low);
  if (low > high) throw new RangeError(`the low price ${low} exceeds the high price ${high}`);
}

/**
 * Littlewood (1972) [S], normal high-class demand N(mean, sd²): protect
 * y₁ = mean + sd·Φ⁻¹(1 − p₂/p₁) units for the high class (continuous, not rounded).
 */
export function littlewoodNormal(highPrice: number, lowPrice: number, demandMean: number, demandSd: number): number {
  checkPrices(highPrice, lowPrice);
  requireNonNegative('demand sd', demandSd);
  return demandMean + demandSd * normalQuantile(1 - lowPrice / highPrice);
}

/**
 * Littlewood for discrete demand given by its tail P(D ≥ y):
 * y₁ = max{ y ≥ 0 : P(D ≥ y) ≥ p₂/p₁ }. A low-class request is worth accepting while
 * p₂ ≥ p₁·P(D₁ ≥ remaining capacity) (the bid-price form).
 */
export function littlewoodDiscrete(highPrice: number, lowPrice: number, demandTail: (y: number) => number): number {
  checkPrices(highPrice, lowPrice);
  const ratio = lowPrice / highPrice;
  if (ratio === 0) throw new RangeError('a free low class would protect every unit');
  let y = 0;
  while (demandTail(y + 1) >= ratio) y++;
  return y;
}

/** Littlewood with Poisson(mean) high-class demand (V13: mean 20, prices 100/60 ⇒ 19). */
export function littlewoodPoisson(highPrice: number, lowPrice: number, demandMean: number): number {
  requireNonNegative('demand mean', demandMean);
  return littlewoodDiscrete(highPrice, lowPrice, (y) => poissonTail(y, demandMean));
}

export interface FareClass {
  price: number;
  demandMean: number;
  demandSd: number;
}

export interface EmsrbResult {
  /** y_j: units protected for classes 1..j together, j = 1..n−1. */
  protectionLevels: number[];
  /** Booking limit of each class: C for class 1, max(0, C − y_{j−1}) for class j. */
  bookingLimits: number[];
}

/**
 * EMSR-b (Belobaba 1989/1992 [M]; Talluri & van Ryzin 2004 p. 48 [S2]), classes in
 * descending price order, independent normal demands. For j = 1..n−1 the classes 1..j
 * are merged into one with S_j = Σ μ_k, σ̄_j = √(Σ σ_k²), p̄_j = Σ p_k μ_k / S_j, and
 *   y_j = S_j + σ̄_j·Φ⁻¹(1 − p_{j+1}/p̄_j).
 * Protection levels are not rounded (round them as the application needs).
 */
export function emsrB(classes: readonly FareClass[], capacity: number): EmsrbResult {
  requireNonNegative('capacity', capacity);
  classes.forEach((fare, i) => {
    requireNonNegative('price', fare.price, false);
    requireNonNegative('demand mean', fare.demandMean);
    requireNonNegative('demand sd', fare.demandSd);
    if (i > 0 && fare.price > classes[i - 1]!.price) throw new RangeError('fare classes must be in descending price order');
  });
  const protectionLevels: number[] = [];
  let demand = 0;
  let variance = 0;
  let revenue = 0;
  for (let j = 0; j + 1 < classes.length; j++) {
    const fare = classes[j]!;
    demand += fare.demandMean;
    variance += fare.demandSd * fare.demandSd;
    revenue += fare.price * fare.demandMean;
    const averagePrice = revenue / demand;
    protectionLevels.push(demand + Math.sqrt(variance) * normalQuantile(1 - classes[j + 1]!.price / averagePrice));
  }
  const bookingLimits = classes.map((_, j) => (j === 0 ? capacity : Math.max(0, capacity - protectionLevels[j - 1]!)));
  return { protectionLevels, bookingLimits };
}
