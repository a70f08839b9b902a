/**
 * compare.csv: one row per scope and metric; for each variant its mean and 95% CI, and for
 * each variant after the first the paired difference to the first, its CI, whether the CI
 * excludes 0, and the unpaired (Welch) CI for contrast.
 */
import type { Comparison } from './compare.js';
import { csvField } from './csv.js';

export function comparisonCsv(comparison: Comparison): string {
  const names = comparison.variants.map((v) => v.name);
  const header = ['scope', 'metric'];
  names.forEach((name, v) => {
    header.push(`${name}:mean`, `${name}:ci95Lo`, `${name}:ci95Hi`);
    if (v > 0) header.push(`${name}:diff`, `${name}:diffLo`, `${name}:diffHi`, `${name}:differs`, `${name}:diffLoUnpaired`, `${name}:diffHiUnpaired`);
  });
  const number = (v: number | null | undefined) => (v === null || v === undefined || !Number.isFinite(v) ? '' : String(v));
  const rows = comparison.metrics.map((row) => {
    const cells = [row.scope, row.metric];
    row.values.forEach((value, v) => {
      cells.push(number(value?.mean), number(value?.ci95?.[0]), number(value?.ci95?.[1]));
      if (v > 0) {
        const d = row.differences[v];
        cells.push(number(d?.mean), number(d?.ci95?.[0]), number(d?.ci95?.[1]), d ? String(d.differs) : '', number(d?.ci95Unpaired?.[0]), number(d?.ci95Unpaired?.[1]));
      }
    });
    return cells.map(csvField).join(',');
  });
  return [header.map(csvField).join(','), ...rows].join('\n') + '\n';
}
