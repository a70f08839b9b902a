/**
 * Single-period demand response to price (models.md §5.1) and a numerical elasticity
 * for any demand function (used to check the choice models of §5.2).
 *
 * ε is the own-price elasticity at the reference point (p0, Q0), negative for normal goods.
 */
import { requireNonNegative } from '../analytic/checks.js';

function checkReference(baseDemand: number, price: number, basePrice: number): void {
  requireNonNegative('base demand', baseDemand);
  requireNonNegative('price', price);
  requireNonNegative('base price', basePrice, false);
}

/** Constant elasticity: Q(p) = Q0·(p/p0)^ε (V18: ε = −0.8, −20% ⇒ ×1.195441). */
export function constantElasticityDemand(baseDemand: number, price: number, basePrice: number, elasticity: number): number {
  checkReference(baseDemand, price, basePrice);
  return baseDemand * (price / basePrice) ** elasticity;
}

/**
 * Linear demand with point elasticity ε at p0: Q(p) = Q0·[1 + ε·(p − p0)/p0], truncated
 * at 0 (V18: ε = −0.8, −20% ⇒ ×1.16).
 */
export function linearElasticityDemand(baseDemand: number, price: number, basePrice: number, elasticity: number): number {
  checkReference(baseDemand, price, basePrice);
  return Math.max(0, baseDemand * (1 + (elasticity * (price - basePrice)) / basePrice));
}

/**
 * Elasticity of demand(prices) with respect to prices[index], by a forward difference
 * with step h = relativeStep·p: (Q(p + h) − Q(p))/Q(p) · p/h. Its error is O(relativeStep);
 * the default 1e-4 is the step behind V17's "numerical own elasticity −0.79998".
 */
export function numericalElasticity(
  demand: (prices: readonly number[]) => number,
  prices: readonly number[],
  index: number,
  relativeStep = 1e-4,
): number {
  const price = prices[index];
  if (price === undefined || !(price > 0)) throw new RangeError(`prices[${index}] must be a positive price`);
  requireNonNegative('relative step', relativeStep, false);
  const step = relativeStep * price;
  const moved = prices.map((p, i) => (i === index ? p + step : p));
  const base = demand(prices);
  return ((demand(moved) - base) / base) * (price / step);
}
