/**
 * compare.csv: one row per scope and metric; for each variant its mean, 95% CI and the
 * replications it is defined in (n), and for each variant after the first the paired
 * difference to the first, its CI, whether the CI excludes 0, the pairs of replications it
 * is over, and the unpaired (Welch) CI for contrast.
 */
import type { Comparison } from './compare.js';
import { csvField } from './csv.js';

export function comparisonCsv(comparison: Comparison): string {
  const names = comparison.variants.map((v) => v.name);
  const header = ['scope', 'metric'];
  names.forEach((name, v) => {
    header.push(`${name}:mean`, `${name}:ci95Lo`, `${name}:ci95Hi`, `${name}:n`);
    if (v > 0) header.push(`${name}:diff`, `${name}:diffLo`, `${name}:diffHi`, `${name}:differs`, `${name}:pairs`, `${name}:diffLoUnpaired`, `${name}:diffHiUnpaired`);
  });
  // How many replications (pairs of them) a value rests on: all, unless the metric is undefined in some.
  const all = comparison.replications;
  const number = (v: number | null | undefined) => (v === null || v === undefined || !Number.isFinite(v) ? '' : String(v));
  const rows = comparison.metrics.map((row) => {
    const cells = [row.scope, row.metric];
    row.values.forEach((value, v) => {
      const defined = value === null || value === undefined || value.mean === null ? 0 : (value.n ?? all);
      cells.push(number(value?.mean), number(value?.ci95?.[0]), number(value?.ci95?.[1]), String(defined));
      if (v > 0) {
        const d = row.differences[v];
        const pairs = d === null || d === undefined || d.mean === null ? 0 : (d.n ?? all);
        cells.push(number(d?.mean), number(d?.ci95?.[0]), number(d?.ci95?.[1]), d ? String(d.differs) : '', String(pairs), number(d?.ci95Unpaired?.[0]), number(d?.ci95Unpaired?.[1]));
      }
    });
    return cells.map(csvField).join(',');
  });
  return [header.map(csvField).join(','), ...rows].join('\n') + '\n';
}
