/**
 * The analytic baseline in the report: a table of the stationary formulas' figures beside
 * the simulated ones (with their CIs), per station and period, labelled as an approximation,
 * and the stations left out with the reason.
 */
import type { BaselineRow } from '../baseline/baseline.js';
import { baselineBeside, baselineMetrics, formulaLabel, periodLabel } from '../baseline/compare.js';
import type { RunSummary } from '../metrics/summarise.js';
import { formatInterval, formatMean } from './format.js';
import { kindOf } from '../metrics/catalogue.js';
import { formatLike } from '../metrics/format.js';
import { html, type Markup } from './markup.js';

export function baselineSection(rows: readonly BaselineRow[], summary: RunSummary): Markup {
  const { rows: shown, leftOut } = baselineBeside(rows, summary);
  const table =
    shown.length === 0
      ? ''
      : html`<div class="table"><table class="baseline">
<thead><tr><th scope="col">station</th><th scope="col">period</th><th scope="col">formula</th><th scope="col">servers</th><th scope="col">offered load</th>${baselineMetrics.map((name) => html`<th scope="col">${name}<small>formula; simulated below</small></th>`)}</tr></thead>
<tbody>${shown.map(
          ({ row, simulated }) =>
            html`<tr><th scope="row">${row.station}</th><td>${periodLabel(row, summary)}</td><td title="${row.notes.join('; ')}">${formulaLabel(row)}</td><td>${row.servers}</td><td>${row.offeredLoad.toFixed(2)}</td>${baselineMetrics.map((name) => {
              const sim = simulated[name];
              return html`<td>${formatLike(row.metrics[name], kindOf(name), sim)}<small>simulated ${formatMean(name, sim)}${sim?.ci95 ? ` (${formatInterval(name, sim)})` : ''}</small></td>`;
            })}</tr>\n`,
        )}</tbody></table></div>`;
  const notes = leftOut.map(({ station, periods, reason }) => html`<li>${station} (${periods.join(', ')}): ${reason}</li>`);
  return html`<section id="baseline"><h2>Analytic baseline (an approximation)</h2>
<p>What the stationary queueing formulas (Erlang C; Erlang B without waiting places; Erlang A with exponential patience; M/M/c/K with waiting places or balkAt) predict for each station and period, as if the period's demand held forever, beside the simulated figure. ≈ marks stations where the assumptions (Poisson arrivals, exponential service, exponential patience) hold only roughly. The gap is what the formulas leave out: the line carried over from the period before, the empty start, and whatever the model does not fit.</p>
${table}
${notes.length > 0 ? html`<p>No formula for:</p><ul class="left-out">${notes}</ul>` : ''}
</section>`;
}
