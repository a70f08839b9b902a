/**
 * The report of one run: every chart whose data the results hold, as a Vega-Lite spec, an
 * SVG and a PNG under charts/, and report.html with the charts inline. Returns the files by
 * relative path, for the caller to write.
 */
import type { RunSummary } from '../metrics/summarise.js';
import type { Chart } from './charts/chart.js';
import { chartsFor } from './charts/index.js';
import { reportHtml, type RenderedChart } from './html.js';
import type { Markup } from './markup.js';
import { renderPng, renderSvg } from './render.js';

export { baselineSection } from './baseline-table.js';

export interface ReportOptions {
  /** Also render each chart as PNG (default true). */
  png?: boolean;
  /** More sections for the page, after the charts (the analytic baseline). */
  sections?: readonly Markup[];
}

export type ReportFiles = Record<string, string | Uint8Array>;

/** Renders charts into `folder` (charts/NAME.vl.json, .svg, .png): the files, and each chart with its SVG. */
export async function renderCharts(charts: readonly Chart[], folder: string, options: ReportOptions = {}): Promise<{ files: ReportFiles; rendered: RenderedChart[] }> {
  const files: ReportFiles = {};
  const rendered: RenderedChart[] = [];
  for (const chart of charts) {
    const { svg } = await renderSvg(chart.spec);
    const own: ReportFiles = {
      [`${folder}/${chart.name}.vl.json`]: JSON.stringify(chart.spec, null, 2) + '\n',
      [`${folder}/${chart.name}.svg`]: svg,
      ...(options.png === false ? {} : { [`${folder}/${chart.name}.png`]: renderPng(svg) }),
    };
    Object.assign(files, own);
    rendered.push({ chart, svg, files: Object.keys(own) });
  }
  return { files, rendered };
}

export async function buildReport(summary: RunSummary, options: ReportOptions = {}): Promise<ReportFiles> {
  const { files, rendered } = await renderCharts(chartsFor(summary), 'charts', options);
  files['report.html'] = reportHtml(summary, rendered, options.sections);
  return files;
}
