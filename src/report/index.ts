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
  const pngs: Promise<void>[] = [];
  try {
    for (const chart of charts) {
      const { svg } = await renderSvg(chart.spec);
      const own = [`${folder}/${chart.name}.vl.json`, `${folder}/${chart.name}.svg`];
      files[own[0]!] = JSON.stringify(chart.spec, null, 2) + '\n';
      files[own[1]!] = svg;
      if (options.png !== false) {
        const png = `${folder}/${chart.name}.png`;
        own.push(png);
        files[png] = new Uint8Array(); // its place in the listing; drawn while the next chart's SVG renders
        const drawn = renderPng(svg).then((bytes) => void (files[png] = bytes));
        drawn.catch(() => {}); // handled below, by Promise.all: not an unhandled rejection meanwhile
        pngs.push(drawn);
      }
      rendered.push({ chart, svg, files: own });
    }
    await Promise.all(pngs);
  } finally {
    await Promise.allSettled(pngs); // nothing left drawing when this returns or throws
  }
  return { files, rendered };
}

export async function buildReport(summary: RunSummary, options: ReportOptions = {}): Promise<ReportFiles> {
  const { files, rendered } = await renderCharts(chartsFor(summary), 'charts', options);
  files['report.html'] = reportHtml(summary, rendered, options.sections);
  return files;
}
