/**
 * The comparison's report: each variant's charts rendered into charts/<n>-<variant>/ and
 * report.html with them side by side.
 */
import type { RunSummary } from '../metrics/summarise.js';
import type { Comparison } from '../run/compare.js';
import { chartsFor } from './charts/index.js';
import { compareHtml, type CompareVariantInfo } from './compare-html.js';
import { renderCharts, type ReportFiles, type ReportOptions } from './index.js';
import { shareScales } from './shared-scales.js';

export interface CompareReportInput {
  title: string;
  comparison: Comparison;
  summaries: readonly RunSummary[];
  /** Folder name of each variant's files (unique, safe): `1-base`, `2-fourth`. */
  folders: readonly string[];
  /** What each variant is made from (file, or --set assignments), shown as text. */
  sources: readonly string[];
}

export async function buildCompareReport(input: CompareReportInput, options: ReportOptions = {}): Promise<ReportFiles> {
  const files: ReportFiles = {};
  const variants: CompareVariantInfo[] = [];
  // Side by side, a chart of each kind reads on one scale in every variant.
  const chartSets = shareScales(input.summaries.map((summary) => chartsFor(summary)));
  for (const [v, charts] of chartSets.entries()) {
    const { files: own, rendered } = await renderCharts(charts, `charts/${input.folders[v]!}`, options);
    Object.assign(files, own);
    variants.push({ source: input.sources[v] ?? '', charts: rendered });
  }
  files['report.html'] = compareHtml(input.title, input.comparison, variants, input.summaries);
  return files;
}
