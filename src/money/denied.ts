/**
 * Compensation for denied service, read from the reservations lever's config when the
 * scenario uses reservations (`model.levers.reservations`). The reservations lever owns the
 * metric `deniedCost` (compensation × denied customers); money subtracts the same amount from
 * profit, computed here from the core's `denied` counts, so both agree.
 *
 * The contract with reservations: its resolved config carries `compensation`, the money paid
 * per denied customer — one number for every segment, or an array with one number per
 * segment (index = segment). Anything else (or no reservations) means 0.
 */
import type { Model } from '../model/model.js';

/** Compensation per denied customer, per segment (0 without reservations). */
export function deniedCompensation(model: Model): number[] {
  const reservations = model.levers.reservations;
  const compensation = typeof reservations === 'object' && reservations !== null ? (reservations as { compensation?: unknown }).compensation : undefined;
  return model.segments.map((_, i) => {
    const value = Array.isArray(compensation) ? compensation[i] : compensation;
    return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : 0;
  });
}
