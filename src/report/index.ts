/**
 * The report of one run: every chart whose data the results hold, as a Vega-Lite spec, an
 * SVG and a PNG under charts/, and report.html with the charts inline. Returns the files by
 * relative path, for the caller to write.
 */
import type { RunSummary } from '../metrics/summarise.js';
import { chartsFor } from './charts/index.js';
import { reportHtml, type RenderedChart } from './html.js';
import { renderPng, renderSvg } from './render.js';

export interface ReportOptions {
  /** Also render each chart as PNG (default true). */
  png?: boolean;
}

export type ReportFiles = Record<string, string | Uint8Array>;

export async function buildReport(summary: RunSummary, options: ReportOptions = {}): Promise<ReportFiles> {
  const files: ReportFiles = {};
  const rendered: RenderedChart[] = [];
  for (const chart of chartsFor(summary)) {
    const { svg } = await renderSvg(chart.spec);
    const own: ReportFiles = {
      [`charts/${chart.name}.vl.json`]: JSON.stringify(chart.spec, null, 2) + '\n',
      [`charts/${chart.name}.svg`]: svg,
      ...(options.png === false ? {} : { [`charts/${chart.name}.png`]: renderPng(svg) }),
    };
    Object.assign(files, own);
    rendered.push({ chart, svg, files: Object.keys(own) });
  }
  files['report.html'] = reportHtml(summary, rendered);
  return files;
}
