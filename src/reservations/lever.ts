/**
 * The reservations lever (models.md §4): bookings, cancellations, no-shows and overbooking at
 * one station, inside the day's simulation, with the walk-ins of the same day.
 *
 * Per replication it adds a booking arrival source (bookings.ts) for the booked segment,
 * replaces the join policies of the booked segment and of the walk-ins by the host's
 * (host.ts), gives the booked station a line served by booked time (appointment-line.ts),
 * and watches the journey for its metrics (ledger.ts). It draws only from its own streams,
 * so walk-ins and every core stream are untouched; a scenario without `reservations` never
 * installs it.
 */
import { defineLever } from '../levers/lever.js';
import { AppointmentLine } from './appointment-line.js';
import { BookingArrivals, BookingBook, BookingColumn } from './bookings.js';
import { checkReservations } from './check.js';
import type { ReservationsConfig } from './config.js';
import { BookedAdmission, Host, WalkInAdmission } from './host.js';
import { reservationKeys } from './keys.js';
import { ReservationLedger } from './ledger.js';
import { reservationMetrics } from './metrics.js';
import { resolveReservations } from './resolve.js';

export const reservationsLever = defineLever<ReservationsConfig>({
  name: 'reservations',
  keys: reservationKeys,
  check: checkReservations,
  resolve: resolveReservations,
  metrics: reservationMetrics,
  install(system, config, context) {
    const { model } = context;
    const column = system.addColumn('reservations/booking', BookingColumn.width);
    const book = new BookingBook(config, model.horizon, context);
    const host = new Host(config, book, system, system.stations[config.station]!);

    system.arrivalSources.push(new BookingArrivals(config, book, column));
    const booked = config.segment;
    system.joinPolicies[booked] = new BookedAdmission(host, system.joinPolicies[booked]!, column, config.station, config.visit);
    if (config.holdForBookings !== null) {
      for (const segment of config.walkInSegments) system.joinPolicies[segment] = new WalkInAdmission(host, system.joinPolicies[segment]!, config.station);
    }

    const station = system.stations[config.station]!;
    const keyOf = (customer: { segment: number; slot: number; joinedAt: number }) =>
      customer.segment === booked ? column.values[customer.slot * BookingColumn.width + BookingColumn.bookedTime]! : customer.joinedAt;
    station.line = new AppointmentLine(keyOf, model.stations[config.station]!.discipline === 'priority');

    const ledger = new ReservationLedger(model, config, book, column);
    system.addObserver(ledger);
    return { collect: () => ledger.collect() };
  },
});
