/**
 * report.html: one self-contained page that opens from the file system and makes no request
 * at all. Charts are inline SVG (no script, no vega in the page); the styles are inline; a
 * Content-Security-Policy forbids everything else, so even markup that slipped into the page
 * could neither fetch nor run anything. Scenario text is always escaped (markup.ts).
 */
import type { RunSummary } from '../metrics/summarise.js';
import type { Chart } from './charts/chart.js';
import { html, trusted, type Markup } from './markup.js';
import { inlineSvg, pageHtml } from './page.js';
import { keyFiguresList, periodTable, scopeTable, systemTable } from './tables.js';
import { pluralUnit } from '../model/units.js';
import { oneReplicationText, warmUpText } from '../metrics/format.js';

export interface RenderedChart {
  chart: Chart;
  svg: string;
  /** The chart's files beside the report, by relative path. */
  files: readonly string[];
}

export { contentSecurityPolicy, scopeSvgIds } from './page.js';

function chartFigure({ chart, svg, files }: RenderedChart): Markup {
  return html`<figure id="chart-${chart.name}" class="chart" data-chart="${chart.name}">
${trusted(inlineSvg(svg, `chart-${chart.name}`, `${chart.title}. ${chart.caption}`))}
<figcaption>${chart.caption} <span class="files">(${files.join(', ')})</span></figcaption>
</figure>
`;
}

export function reportHtml(summary: RunSummary, charts: readonly RenderedChart[], sections: readonly Markup[] = []): string {
  const unit = summary.unit;
  const periods = periodTable(summary);
  const stations = scopeTable('station', summary.stations);
  const segments = scopeTable('segment', summary.segments);
  const body = html`<header>
<h1>${summary.scenario}</h1>
${summary.description ? html`<p class="description">${summary.description}</p>` : ''}
<p class="run">${summary.replications} replication${summary.replications === 1 ? '' : 's'} · seed ${summary.seed} · horizon ${summary.horizon} ${pluralUnit(unit, summary.horizon)}${warmUpText(summary)} · times in ${pluralUnit(unit)} · ${summary.replications >= 2 ? 'every figure is a mean over replications with its 95% confidence interval' : oneReplicationText}</p>
</header>
<main>
<section id="key-figures"><h2>Key figures</h2>
${keyFiguresList(summary)}
</section>
${charts.length > 0 ? html`<section id="charts"><h2>Charts</h2>\n${charts.map(chartFigure)}</section>` : ''}
${sections}
${periods ? html`<section id="periods"><h2>By period</h2>\n<p>System-wide; counts and waits by the period in which customers arrived, time averages over the period.</p>\n${periods}</section>` : ''}
<section id="metrics"><h2>All metrics</h2>
<h3>System</h3>
${systemTable(summary)}
${stations ? html`<h3>Stations</h3>\n${stations}` : ''}
${segments ? html`<h3>Segments</h3>\n${segments}` : ''}
</section>
</main>
<footer>Made by queuesim from summary.json in this folder. ${
    summary.replications >= 2 ? 'Cells in the station and segment tables read mean, then the 95% confidence interval.' : 'Cells read the values of the one replication.'
  }</footer>`;
  return pageHtml(`${summary.scenario} · queuesim report`, body);
}
