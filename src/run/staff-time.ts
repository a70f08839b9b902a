/**
 * Staff time of a plan, in hours when the scenario's unit says what an hour is (second,
 * minute, hour, day), else in server-units: Σ servers × period length, next to what staffing
 * every period for the peak would cost ("capacity at the average, not the peak", §6.3).
 */
import type { StaffResult } from './staff.js';
import { hoursPerUnit, pluralUnit } from '../model/units.js';


export interface StaffTime {
  /** "staff-hours", or "server-<unit>s" when the unit is not a clock unit. */
  label: string;
  plan: number;
  sipp: number;
  /** The peak period's servers all day. */
  peak: number;
  peakServers: number;
  /** The measured day: the periods' total length in that label's unit. */
  day: number;
}

export function staffTime(result: Pick<StaffResult, 'servers' | 'sipp' | 'periods'>, unit: string): StaffTime {
  const hours = hoursPerUnit(unit);
  const scale = hours ?? 1;
  const label = hours === undefined ? `server-${pluralUnit(unit)}` : 'staff-hours';
  const lengths = result.periods.map((p) => (p.end - p.start) * scale);
  const total = (plan: readonly number[][]) => plan.reduce((sum, row) => sum + row.reduce((s, n, p) => s + n * lengths[p]!, 0), 0);
  const day = lengths.reduce((a, b) => a + b, 0);
  const peakServers = result.servers.reduce((sum, row) => sum + Math.max(...row), 0);
  return { label, plan: total(result.servers), sipp: total(result.sipp), peak: peakServers * day, peakServers, day };
}
