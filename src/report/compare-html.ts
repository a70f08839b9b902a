/**
 * The comparison's report.html: the variants, the table of differences (each variant's mean
 * and CI, its paired difference to the first with the CI, differences beyond the noise in
 * bold), and the variants' charts side by side, one row per chart. Self-contained and
 * escaped like the run report (page.ts, markup.ts).
 */
import { boundsOf, kindOf } from '../metrics/catalogue.js';
import { comparedPeriodWarmUpText, formatDifference, formatEstimate, oneReplicationText, pairsText, sharedWarmUpText } from '../metrics/format.js';
import type { RunSummary } from '../metrics/summarise.js';
import { sameCustomers, variantColumns, type ComparedMetric, type Comparison } from '../run/compare.js';
import type { RenderedChart } from './html.js';
import { html, trusted, type Markup } from './markup.js';
import { inlineSvg, pageHtml } from './page.js';
import { pluralUnit } from '../model/units.js';

export interface CompareVariantInfo {
  /** What makes the variant: its file, or the assignments of --set. */
  source: string;
  charts: RenderedChart[];
}

const compareCss = `
body { max-width: 120rem; }
/* Variants side by side at their drawn size where they fit; otherwise the next variant wraps
   below, each at one size, rather than all shrinking (a lone chart shrinks to 80% of its
   drawn width, the svg's inline min-width, and then the row scrolls). */
.side-by-side { display: flex; flex-wrap: wrap; align-items: flex-start; gap: 0 1.5rem; overflow-x: auto; }
.side-by-side figure { flex: 0 1 auto; min-width: min-content; overflow-x: visible; margin: .5rem 0 1rem; }
.side-by-side figcaption { contain: inline-size; } /* the chart sets the figure's width, not a long caption */
.side-by-side .missing { color: var(--muted); font-size: .9rem; padding: 2rem 0; }
td.differs { font-weight: 700; }
@media print { .side-by-side { display: block; overflow: visible; } }
table.variants th, table.variants td { text-align: left; }
td.variant-source { white-space: normal; font-family: ui-monospace, Menlo, Consolas, monospace; font-size: .82rem; }
`;

function valueCell(row: ComparedMetric, v: number): Markup {
  const value = row.values[v];
  if (!value || value.mean === null) return html`<td class="absent">—</td>`;
  const { mean, interval } = formatEstimate(value, kindOf(row.metric), boundsOf(row.metric));
  return html`<td>${mean}${value.ci95 ? html`<small>${interval}</small>` : ''}</td>`;
}

function differenceCell(row: ComparedMetric, v: number, replications: number): Markup {
  const d = row.differences[v];
  if (!d || d.mean === null) return html`<td class="absent">—</td>`;
  const { mean, interval } = formatDifference(d, kindOf(row.metric));
  if (replications < 2) return html`<td class="same">${mean}</td>`; // one replication: no interval, nothing marked
  const pairs = d.n !== undefined && d.n < replications ? ` (${pairsText(d.n)})` : '';
  return html`<td class="${d.differs ? 'differs' : 'same'}">${mean}${d.differs ? ' *' : ''}<small>${interval}${pairs}</small></td>`;
}

/** A row's label; a period's says what of it each variant's warm-up left uncounted (comparedPeriodWarmUpText). */
function label(row: ComparedMetric, summaries: readonly RunSummary[], names: readonly string[]): string {
  if (row.scope === 'system') return row.metric;
  const [kind, ...rest] = row.scope.split(':');
  const counted = kind === 'period' ? comparedPeriodWarmUpText(rest.join(':'), summaries, names) : '';
  return `${kind} ${rest.join(':')}${counted === '' ? '' : ` (${counted})`} · ${row.metric}`;
}

export function differencesTable(comparison: Comparison, rows: readonly ComparedMetric[], summaries: readonly RunSummary[] = []): Markup {
  const names = variantColumns(comparison.variants.map((v) => v.name)).columns;
  return html`<div class="table"><table class="differences">
<thead><tr><th scope="col">metric</th>${names.map((name) => html`<th scope="col">${name}</th>`)}${names.slice(1).map((name) => html`<th scope="col">${name} − ${names[0]!}</th>`)}</tr></thead>
<tbody>${rows.map((row) => html`<tr><th scope="row">${label(row, summaries, names)}</th>${names.map((_, v) => valueCell(row, v))}${names.slice(1).map((_, v) => differenceCell(row, v + 1, comparison.replications))}</tr>\n`)}</tbody></table></div>`;
}

function chartRows(comparison: Comparison, variants: readonly CompareVariantInfo[]): Markup[] {
  const names = [...new Set(variants.flatMap((v) => v.charts.map((c) => c.chart.name)))];
  return names.map((name) => {
    const first = variants.flatMap((v) => v.charts).find((c) => c.chart.name === name)!.chart;
    const figures = variants.map((variant, v) => {
      const rendered = variant.charts.find((c) => c.chart.name === name);
      const caption = comparison.variants[v]!.name;
      if (!rendered) return html`<figure class="chart"><figcaption>${caption}</figcaption><p class="missing">Nothing to draw for this variant: its results hold no data for this chart, or only zeros (see the table above).</p></figure>`;
      // The caption under the chart: captions of different lengths wrap to different heights, and above they would set the charts at different heights.
      return html`<figure class="chart" data-chart="${name}" data-variant="${v}">
${trusted(inlineSvg(rendered.svg, `v${v}-${name}`, `${first.title}: ${caption}. ${first.caption}`))}
<figcaption><strong>${caption}</strong> <span class="files">(${rendered.files.filter((f) => f.endsWith('.svg')).join(', ')})</span></figcaption>
</figure>`;
    });
    return html`<h3>${first.title}</h3>
<p class="caption">${first.caption}</p>
<div class="side-by-side">${figures}</div>
`;
  });
}

export function compareHtml(title: string, comparison: Comparison, variants: readonly CompareVariantInfo[], summaries: readonly RunSummary[] = []): string {
  const { replications, seed } = comparison;
  const { columns, lettered } = variantColumns(comparison.variants.map((v) => v.name));
  const system = comparison.metrics.filter((m) => m.scope === 'system');
  const others = comparison.metrics.filter((m) => m.scope !== 'system' && !m.scope.startsWith('segment:'));
  const same = sameCustomers(comparison);
  const first = lettered ? `${columns[0]!} (${comparison.variants[0]!.name})` : comparison.variants[0]!.name;
  const body = html`<header>
<h1>${title}</h1>
<p class="run">${comparison.variants.length} variants · ${replications} replication${replications === 1 ? '' : 's'} each · seed ${seed}${sharedWarmUpText(summaries)} · ${
    same
      ? 'common random numbers: replication r of every variant draws the same random numbers, so sees the same customers wherever the variants\' demand is the same'
      : 'common random numbers, but the variants have different segments, so not the same customers: differences pair replications more than customers'
  } · times in ${pluralUnit(comparison.unit)}</p>
</header>
<main>
<section id="variants"><h2>Variants</h2>
<div class="table"><table class="variants"><thead><tr>${lettered ? html`<th scope="col">in the tables</th>` : ''}<th scope="col">variant</th><th scope="col">scenario</th><th scope="col" class="variant-source">made from</th></tr></thead>
<tbody>${comparison.variants.map((v, i) => html`<tr>${lettered ? html`<td>${columns[i]!}</td>` : ''}<th scope="row">${v.name}</th><td>${v.scenario}</td><td class="variant-source">${variants[i]?.source ?? ''}</td></tr>\n`)}</tbody></table></div>
</section>
<section id="differences"><h2>Differences</h2>
${
  replications >= 2
    ? html`<p>Each cell reads the mean over replications, with its 95% confidence interval underneath. A difference is the variant minus ${first}, with the 95% CI of the paired difference (replication by replication${same ? ', on the same random numbers' : ''}); bold with * where that CI excludes 0. Shares differ in percentage points (pp). A difference marked (K pairs) is over the K replications where both variants have the metric (a mean wait needs someone served), so it is not the difference of the two means shown.</p>`
    : html`<p>Each cell reads the value of the one replication. A difference is the variant minus ${first}, in that replication${same ? ', on the same random numbers' : ''}; ${oneReplicationText}. Shares differ in percentage points (pp).</p>`
}
${differencesTable(comparison, system)}
<h3>By station and period</h3>
${differencesTable(comparison, others, summaries)}
</section>
<section id="charts"><h2>Charts side by side</h2>
${chartRows(comparison, variants)}
</section>
</main>
<footer>Made by queuesim compare. compare.csv and compare.json in this folder hold every metric of every scope (segments too); variants/ holds each variant's own results.</footer>`;
  return pageHtml(`${title} · queuesim comparison`, body, compareCss);
}
