/**
 * The metrics of the reservations lever, with their exact definitions (the README's metric
 * table repeats them). "Booked customers" are the booked segment's; slot counts are of slots
 * at or after the warm-up, by the period of the slot time; walk-in counts are of walk-ins who
 * arrive at or after the warm-up, by their arrival period. `denied` itself is a core metric.
 */
import type { MetricInfo } from '../metrics/catalogue.js';

const scopes = ['system', 'segment'] as const;

export const reservationMetrics: readonly MetricInfo[] = [
  { name: 'bookings', scopes, kind: 'count', description: 'bookings accepted: per slot, the requests up to its booking limit' },
  { name: 'cancellations', scopes, kind: 'count', description: 'bookings cancelled before the day' },
  { name: 'noShows', scopes, kind: 'count', description: 'bookings not cancelled whose customer did not come' },
  { name: 'shows', scopes, kind: 'count', description: 'booked customers who came (bookings − cancellations − noShows)' },
  { name: 'deniedCost', scopes, kind: 'money', description: 'compensation × booked customers denied' },
  {
    name: 'emptySlots',
    scopes,
    kind: 'count',
    description: 'bookable units no booked customer came for: the sum over slots of (bookable capacity − shows)⁺, whether unbooked, cancelled or no-show (walk-ins may still use them)',
  },
  {
    name: 'reservedWaitMean',
    scopes,
    kind: 'time',
    description: 'mean wait past the booked time, (service start − later of booked time and joining the line)⁺, over booked customers whose service started at the booked station',
  },
  { name: 'walkInsServed', scopes, kind: 'count', description: 'walk-ins (other segments visiting the booked station) who completed service there' },
  { name: 'walkInsTurnedAway', scopes, kind: 'count', description: 'walk-ins denied at the booked station because its free units were held for bookings' },
  { name: 'bookingLimit', scopes, kind: 'number', description: 'booking limit b, mean over the slots (in a period: over the slots whose time falls in it)' },
];
