/** The hand-made bank-branch results the report tests draw from, and helpers to read SVG. */
import { readFileSync } from 'node:fs';
import type { MetricSummaries, RunSummary } from '../../src/metrics/summarise.js';

const text = readFileSync(new URL('../fixtures/report-summary.json', import.meta.url), 'utf8');

/** A fresh copy of the fixture, free to change. */
export function fixtureSummary(): RunSummary {
  return JSON.parse(text) as RunSummary;
}

/** Only what a run has today: no description, periods, series or schedule. */
export function wholeDaySummary(): RunSummary {
  const { description: _d, periods: _p, series: _s, schedule: _c, ...rest } = fixtureSummary();
  return rest;
}

/** Metrics that come with later features: experience, money, reservations. */
export const featureMetrics = [
  'perceivedWaitMean', 'perceivedWaitP90', 'satisfactionMean', 'withinDesiredShare', 'withinToleranceShare',
  'belowAdequateShare', 'complaints', 'revenue', 'sideRevenue', 'staffCost', 'overtimeCost', 'fixedCost', 'deniedCost', 'lostRevenue', 'profit',
  'bookings', 'cancellations', 'noShows', 'shows',
];

/** Removes `names` from the system, station and segment metrics, and from every period. */
export function without(summary: RunSummary, names: readonly string[]): RunSummary {
  const strip = (metrics: MetricSummaries) => names.forEach((name) => delete metrics[name]);
  for (const scope of [summary, ...Object.values(summary.periods ?? {})]) {
    strip(scope.metrics);
    Object.values(scope.stations).forEach(strip);
    Object.values(scope.segments).forEach(strip);
  }
  return summary;
}

/** What a run gives today: whole-day core metrics only. */
export function coreSummary(): RunSummary {
  return without(wholeDaySummary(), featureMetrics);
}

/**
 * Drawn items per data mark type in a Vega SVG: each data mark is a `<g class="mark-TYPE
 * role-mark">` holding one element per item (axes, legends and titles have other roles).
 */
export function dataMarks(svg: string): Record<string, number> {
  const counts: Record<string, number> = {};
  // An empty mark container is written self-closed (<g .../>): it holds no items.
  for (const match of svg.matchAll(/<g class="mark-(\w+) role-mark\b[^"]*"[^>]*?(\/?)>(?:([\s\S]*?)<\/g>)?/g)) {
    if (match[2] === '/') {
      counts[match[1]!] ??= 0;
      continue;
    }
    const items = match[3]!.match(/<(path|line|rect|circle|text)\b/g)?.length ?? 0;
    counts[match[1]!] = (counts[match[1]!] ?? 0) + items;
  }
  return counts;
}
