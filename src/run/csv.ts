/**
 * replications.csv: one row per replication, one column per metric and scope (see
 * metrics/columns.ts), the raw numbers behind the CIs. Numbers are written with String(),
 * which gives the shortest text that reads back as exactly the same double, so the file can
 * be read back for the second pass of the summary without changing a bit. Undefined values
 * (nobody served) are empty fields.
 */
import type { Lever } from '../levers/lever.js';
import { columnValues, resultColumns, type ResultColumn } from '../metrics/columns.js';
import type { Band, RunSeries } from '../metrics/summarise.js';
import type { Model } from '../model/model.js';
import type { ReplicationResult } from './simulate.js';

/** The whole file for results held in memory. */
export function replicationsCsv(model: Model, results: readonly ReplicationResult[], levers?: readonly Lever[]): string {
  const columns = resultColumns(model, levers);
  const row = new Float64Array(columns.length);
  const lines = [csvHeader(columns), ...results.map((r) => csvRow(r.replication, columnValues(columns, r, row)))];
  return lines.join('\n') + '\n';
}

/** The header line (no newline). */
export function csvHeader(columns: readonly ResultColumn[]): string {
  return ['replication', ...columns.map((c) => csvField(c.header))].join(',');
}

/** One replication's line (no newline), from its column values. */
export function csvRow(replication: number, values: ArrayLike<number>): string {
  let line = String(replication);
  for (let c = 0; c < values.length; c++) {
    const value = values[c]!;
    line += Number.isFinite(value) ? `,${value}` : ',';
  }
  return line;
}

/** A data line read back: its replication number and column values (NaN for empty fields). */
export function parseCsvRow(line: string, into: Float64Array): number {
  const fields = line.split(',');
  if (fields.length !== into.length + 1) throw new Error(`replications.csv: a row has ${fields.length} fields, expected ${into.length + 1}`);
  for (let c = 0; c < into.length; c++) {
    const field = fields[c + 1]!;
    into[c] = field === '' ? NaN : Number(field);
  }
  return Number(fields[0]);
}

export function csvField(text: string): string {
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * The over-the-day series as a long table: one row per grid time and station, each quantity
 * with its 95% band (mean, lo, hi), and the servers on duty.
 */
export function seriesCsv(series: RunSeries): string {
  const header = 'time,station,waiting,waitingLo,waitingHi,inSystem,inSystemLo,inSystemHi,busy,busyLo,busyHi,servers';
  const number = (v: number | undefined) => (v === undefined || !Number.isFinite(v) ? '' : String(v));
  const rows: string[] = [];
  for (const [station, s] of Object.entries(series.stations)) {
    series.time.forEach((time, t) => {
      const band = (b: Band) => [b.mean[t], b.lo[t], b.hi[t]].map(number).join(',');
      rows.push([String(time), csvField(station), band(s.waiting), band(s.inSystem), band(s.busy), String(s.servers[t])].join(','));
    });
  }
  return [header, ...rows].join('\n') + '\n';
}
