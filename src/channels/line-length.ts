/**
 * What a customer choosing among stations sees of each (routing.ts): the line and the wait
 * ahead. The line is those waiting who would be served first: at a station with one shared
 * line, everyone waiting, less one for each free server (a free server is a line of −1); at
 * a station with a line per server, the shortest of its lines. A station with no server on
 * duty is infinitely far away.
 */
import type { StationState } from '../model/stations.js';
import { ServerLines } from './server-lines.js';

/** Customers ahead in the line the customer would join; negative when a server is free. */
export function lineAhead(station: StationState): number {
  if (station.capacity === 0) return Infinity;
  const line = station.line;
  if (line instanceof ServerLines) return line.shortestAhead();
  const free = station.capacity - station.busy;
  return free > 0 ? -free : station.waiting;
}

/**
 * The expected wait of a newcomer: 0 with a free server, else (ahead + 1) × mean service /
 * servers serving that line, the wait forecast Ŵ_k = (k + 1)/(sμ) of shared/models.md §3.2
 * (Guo & Zipkin 2007 [S]); `meanService` is the customer's own mean there, taken as everyone's.
 */
export function expectedWait(station: StationState, meanService: number): number {
  const ahead = lineAhead(station);
  if (ahead === Infinity) return Infinity;
  if (ahead < 0) return 0;
  const servers = station.line instanceof ServerLines ? 1 : station.capacity;
  return ((ahead + 1) * meanService) / servers;
}
