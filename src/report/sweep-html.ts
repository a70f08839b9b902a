/**
 * The sweep's report.html: the trade-off charts against the swept parameter, then a table of
 * every grid point's main metrics with their CIs. Self-contained and escaped like the run
 * report (page.ts, markup.ts).
 */
import { boundsOf, kindOf } from '../metrics/catalogue.js';
import { formatEstimate, oneReplicationText, sharedWarmUpText } from '../metrics/format.js';
import { pointMetrics, type SweepResult } from '../run/sweep.js';
import type { RenderedChart } from './html.js';
import { html, trusted } from './markup.js';
import { inlineSvg, pageHtml } from './page.js';
import { pluralUnit } from '../model/units.js';

const columns = ['utilisation', 'waitMean', 'waitP90', 'abandonmentRate', 'lost', 'perceivedWaitMean', 'satisfactionMean', 'profit'];

export function sweepHtml(title: string, sweep: SweepResult, charts: readonly RenderedChart[]): string {
  const shown = columns.filter((name) => sweep.points.some((p) => pointMetrics(p)[name] !== undefined));
  const cell = (name: string, metrics: ReturnType<typeof pointMetrics>) => {
    const { mean, interval } = formatEstimate(metrics[name], name === 'lost' ? 'count' : kindOf(name), name === 'lost' ? [0, Infinity] : boundsOf(name));
    return html`<td>${mean}${metrics[name]?.ci95 ? html`<small>${interval}</small>` : ''}</td>`;
  };
  const body = html`<header>
<h1>${title}</h1>
<p class="run">${sweep.points.length} points · ${sweep.replications} replication${sweep.replications === 1 ? '' : 's'} each · seed ${sweep.seed}${sharedWarmUpText(sweep.points.map((p) => p.summary))} · common random numbers: every point draws the same random numbers, so sees the same customers wherever the swept value leaves the demand as it is · times in ${pluralUnit(sweep.unit)}</p>
</header>
<main>
<section id="charts"><h2>Trade-offs</h2>
${charts.map(({ chart, svg, files }) => html`<figure id="chart-${chart.name}" class="chart" data-chart="${chart.name}">
${trusted(inlineSvg(svg, `chart-${chart.name}`, `${chart.title}. ${chart.caption}`))}
<figcaption>${chart.caption} <span class="files">(${files.join(', ')})</span></figcaption>
</figure>
`)}
</section>
<section id="points"><h2>Every point</h2>
<p>${sweep.replications >= 2 ? 'Means over replications, the 95% confidence interval underneath' : `The values of the one replication at each point (${oneReplicationText})`}; lost = balked + reneged + blocked + denied per run.</p>
<div class="table"><table class="points">
<thead><tr>${sweep.axes.map((a) => html`<th scope="col">${a.path}</th>`)}${shown.map((name) => html`<th scope="col">${name}</th>`)}</tr></thead>
<tbody>${sweep.points.map((point) => html`<tr>${point.values.map((v) => html`<th scope="row">${v}</th>`)}${shown.map((name) => cell(name, pointMetrics(point)))}</tr>\n`)}</tbody></table></div>
</section>
</main>
<footer>Made by queuesim sweep. sweep.csv and sweep.json in this folder hold every metric of every point, system-wide, per station and per segment.</footer>`;
  return pageHtml(`${title} · queuesim sweep`, body);
}
