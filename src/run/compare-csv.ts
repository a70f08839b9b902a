/**
 * compare.csv: one row per scope and metric; for each variant its mean and 95% CI, and for
 * each variant after the first the paired difference to the first, its CI, whether the CI
 * excludes 0, and the unpaired (Welch) CI for contrast; then each variant's count of
 * replications the metric is defined in (n) and each later variant's pairs of them.
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
  // The counts come last, so the columns before them stay where they were.
  names.forEach((name) => header.push(`${name}:n`));
  names.slice(1).forEach((name) => header.push(`${name}:pairs`));
  // How many replications (pairs of them) a value rests on: all, unless the metric is undefined in some.
  const all = comparison.replications;
  const number = (v: number | null | undefined) => (v === null || v === undefined || !Number.isFinite(v) ? '' : String(v));
  const rows = comparison.metrics.map((row) => {
    const cells = [row.scope, row.metric];
    const counts: string[] = [];
    const pairs: string[] = [];
    row.values.forEach((value, v) => {
      cells.push(number(value?.mean), number(value?.ci95?.[0]), number(value?.ci95?.[1]));
      counts.push(String(value === null || value === undefined || value.mean === null ? 0 : (value.n ?? all)));
      if (v > 0) {
        const d = row.differences[v];
        cells.push(number(d?.mean), number(d?.ci95?.[0]), number(d?.ci95?.[1]), d ? String(d.differs) : '', number(d?.ci95Unpaired?.[0]), number(d?.ci95Unpaired?.[1]));
        pairs.push(String(d === null || d === undefined || d.mean === null ? 0 : (d.n ?? all)));
      }
    });
    cells.push(...counts, ...pairs);
    return cells.map(csvField).join(',');
  });
  return [header.map(csvField).join(','), ...rows].join('\n') + '\n';
}
