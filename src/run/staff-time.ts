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

/**
 * The plan's staff time against SIPP's and the peak's, as one sentence for the terminal and
 * the report: "staff-hours: 46 (SIPP 44); peak staffing all day: 9 × 8 = 72".
 */
export function staffTimeText(time: StaffTime): string {
  const { label, plan, sipp, peakServers, day, peak } = time;
  return `${label}: ${amount(plan)} (SIPP ${amount(sipp)}); peak staffing all day: ${peakServers} × ${amount(day)} = ${amount(peak)}`;
}

/**
 * A staff time to three significant digits, never rounding its whole part, without trailing
 * zeros, thousands grouped as in the tables: 46, 6.67 (20-minute periods), 146, 2,400, 0.0278
 * (a 100-second day in hours). Sums of period lengths carry binary noise
 * (1.9999999999999998 hours), which this rounds away.
 */
export function amount(value: number): string {
  if (value === 0 || !Number.isFinite(value)) return String(value === 0 ? 0 : value);
  const decimals = Math.min(20, Math.max(0, 2 - Math.floor(Math.log10(Math.abs(value)))));
  return value.toLocaleString('en-US', { minimumFractionDigits: 0, maximumFractionDigits: decimals });
}
