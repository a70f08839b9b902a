/**
 * Appointment slot rules for scheduled services (models.md §4.4; Cayirli & Veral 2003
 * review [M]). Each returns the appointment times of n patients, measured from the
 * session start, in the unit of `interval` (usually the mean service time).
 */
import { requireNonNegative, requireWholeNumber } from '../analytic/checks.js';

/** Individual-block / fixed-interval rule: patient i at i·interval. */
export function fixedIntervalSlots(patients: number, interval: number): number[] {
  requireWholeNumber('patients', patients);
  requireNonNegative('interval', interval);
  return Array.from({ length: patients }, (_, i) => i * interval);
}

/**
 * Bailey–Welch rule [M]: two patients at t = 0, then one per interval, so the server
 * is not idled by a late or absent first patient: 0, 0, I, 2I, …, (n − 2)·I.
 */
export function baileyWelchSlots(patients: number, interval: number): number[] {
  requireWholeNumber('patients', patients);
  requireNonNegative('interval', interval);
  return Array.from({ length: patients }, (_, i) => Math.max(0, i - 1) * interval);
}
