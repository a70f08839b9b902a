/**
 * Scenarios for the reservations tests: one booked station, a booked segment and (when asked)
 * a walk-in segment, with the `reservations` key given by each test.
 */
import type { Model } from '../../src/index.js';
import type { ReservationsConfig } from '../../src/reservations/config.js';

export { modelOf } from '../model-of.js';

export interface SlotScenario {
  /** Servers of the booked station. */
  servers: number;
  reservations: Record<string, unknown>;
  horizon?: number;
  replications?: number;
  seed?: number;
  service?: unknown;
  /** Walk-in segment (omitted: none). */
  walkIns?: Record<string, unknown>;
  station?: Record<string, unknown>;
  periods?: { name: string; start: number }[];
}

export function slotScenario(spec: SlotScenario): Record<string, unknown> {
  return {
    name: 'booked station',
    seed: spec.seed ?? 1,
    replications: spec.replications ?? 10,
    time: { horizon: spec.horizon ?? 10, ...(spec.periods === undefined ? {} : { periods: spec.periods }) },
    stations: [{ id: 'rooms', servers: spec.servers, service: spec.service ?? 100, ...spec.station }],
    segments: [
      { id: 'guests', arrivals: { rate: 0 }, route: ['rooms'] },
      ...(spec.walkIns === undefined ? [] : [{ id: 'walkIns', route: ['rooms'], ...spec.walkIns }]),
    ],
    reservations: { segment: 'guests', ...spec.reservations },
  };
}

export function reservationsOf(model: Model): ReservationsConfig {
  return model.levers.reservations as ReservationsConfig;
}
