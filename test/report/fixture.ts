/** The hand-made bank-branch results the report tests draw from, and helpers to read SVG. */
import { readFileSync } from 'node:fs';
import type { RunSummary } from '../../src/metrics/summarise.js';

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

/**
 * Drawn items per data mark type in a Vega SVG: each data mark is a `<g class="mark-TYPE
 * role-mark">` holding one element per item (axes, legends and titles have other roles).
 */
export function dataMarks(svg: string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const match of svg.matchAll(/<g class="mark-(\w+) role-mark\b[^"]*"[^>]*>([\s\S]*?)<\/g>/g)) {
    const items = match[2]!.match(/<(path|line|rect|circle|text)\b/g)?.length ?? 0;
    counts[match[1]!] = (counts[match[1]!] ?? 0) + items;
  }
  return counts;
}
