/** The sweep's report: the trade-off charts under charts/ and report.html. */
import type { SweepResult } from '../run/sweep.js';
import { tradeOffCharts } from './charts/trade-off.js';
import { renderCharts, type ReportFiles, type ReportOptions } from './index.js';
import { sweepHtml } from './sweep-html.js';

export async function buildSweepReport(title: string, sweep: SweepResult, options: ReportOptions = {}): Promise<ReportFiles> {
  const { files, rendered } = await renderCharts(tradeOffCharts(sweep), 'charts', options);
  files['report.html'] = sweepHtml(title, sweep, rendered);
  return files;
}
