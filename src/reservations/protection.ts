/**
 * Capacity kept from bookings for walk-ins (models.md §4.3). Bookings come first (they are
 * made before the day), walk-ins later, so a walk-in class worth more per unit than a
 * booking is the "high class" of Littlewood's rule: protect y units of each slot for it and
 * accept bookings only for the rest. With several walk-in classes the nested protection is
 * EMSR-b. A walk-in class worth no more than a booking is protected nothing.
 */
import { LeverResolveProblem } from '../levers/lever.js';
import { emsrB, littlewoodNormal, littlewoodPoisson } from './allocation.js';
import type { ProtectionPlan } from './config.js';
import type { ReservationsFile } from './keys.js';

export type ProtectionSpec = NonNullable<ReservationsFile['protection']>;

/** The protection of `spec`, before rounding (the same for every slot). */
export function protectionPlan(spec: ProtectionSpec | undefined): ProtectionPlan {
  if (spec === undefined) return { rule: 'fixed', exact: 0, levels: [] };
  switch (spec.rule) {
    case 'fixed':
      return { rule: 'fixed', exact: spec.units, levels: [] };
    case 'littlewood': {
      const walkIns = spec.walkIns;
      if (walkIns.value <= spec.reservedValue) return { rule: 'littlewood', exact: 0, levels: [] };
      // Littlewood protects while the walk-ins' tail is above this ratio (Poisson), or at the normal's 1 − ratio quantile:
      // a ratio too small to take from 1 would protect without end (or NaN).
      if (1 - spec.reservedValue / walkIns.value === 1) {
        throw new LeverResolveProblem(
          ['reservations', 'protection', 'reservedValue'],
          `reservedValue ${spec.reservedValue} against walkIns.value ${walkIns.value}: their ratio is too small to compute with (below 1e-16); give both in one sensible scale`,
        );
      }
      const exact =
        walkIns.sd === undefined
          ? littlewoodPoisson(walkIns.value, spec.reservedValue, walkIns.mean)
          : littlewoodNormal(walkIns.value, spec.reservedValue, walkIns.mean, walkIns.sd);
      return { rule: 'littlewood', exact, levels: [] };
    }
    case 'emsrb':
      return emsrbPlan(spec.reservedValue, spec.walkIns);
  }
}

/**
 * EMSR-b over the walk-in classes and the bookings, in descending value (a booking after
 * walk-ins of equal value). The bookings are protected against nothing below them, so their
 * own demand does not enter the protection they leave to the classes above (it is given as
 * 0). The levels below the bookings' class are reported but not used.
 */
function emsrbPlan(reservedValue: number, walkIns: readonly { value: number; mean: number; sd: number }[]): ProtectionPlan {
  const booked = { price: reservedValue, demandMean: 0, demandSd: 0, booked: true };
  const classes = [...walkIns.map((w) => ({ price: w.value, demandMean: w.mean, demandSd: w.sd, booked: false })), booked].sort((a, b) => b.price - a.price);
  const position = classes.indexOf(booked);
  if (position === 0) return { rule: 'emsrb', exact: 0, levels: [] };
  const { protectionLevels } = emsrB(classes, 0);
  const exact = protectionLevels[position - 1]!;
  return { rule: 'emsrb', exact: Number.isFinite(exact) ? exact : 0, levels: protectionLevels };
}

/**
 * Whole units protected in a slot of `capacity` units: the exact level rounded to the
 * nearest unit [A] (the continuous optimum lies between its two neighbours), within 0..capacity.
 */
export function protectedUnits(plan: ProtectionPlan, capacity: number): number {
  return Math.min(capacity, Math.max(0, Math.round(plan.exact)));
}
