/**
 * The report's tables: key figures, results per period, and every metric system-wide, per
 * station and per segment, each value with its 95% confidence interval.
 */
import { metricCatalogue, periodHeadlines } from '../metrics/catalogue.js';
import type { MetricSummaries, RunSummary } from '../metrics/summarise.js';
import { periodWarmUpText } from '../metrics/format.js';
import { formatInterval, formatMean, formatValue } from './format.js';
import { html, type Markup } from './markup.js';
import { pluralUnit } from '../model/units.js';

const meanings = new Map<string, string>(metricCatalogue().map((m) => [m.name, m.description]));

/**
 * The figures a reader looks at first; later features' headline metrics when present.
 * `denied` (turned away by the reservations) only where anyone was: abandonmentRate leaves
 * those customers out, so without it a day that turned away a quarter of its walk-ins would
 * read as one that lost almost nobody.
 */
const keyFigures = ['arrivals', 'served', 'abandonmentRate', 'denied', 'waitMean', 'waitP90', 'utilisation', 'satisfactionMean', 'profit'];
const shownWhenAboveZero = new Set(['denied']);

export function keyFiguresList(summary: RunSummary): Markup {
  const shown = keyFigures.filter((name) => {
    const metric = summary.metrics[name];
    return metric !== undefined && (!shownWhenAboveZero.has(name) || (metric.mean ?? 0) > 0);
  });
  return html`<dl class="key-figures">${shown.map((name) => {
    const metric = summary.metrics[name];
    // One replication has no intervals (the header says so): its values alone.
    const ci = summary.replications >= 2 ? html`<span class="ci">95% CI ${formatInterval(name, metric)}</span>` : '';
    return html`<div><dt>${name}</dt><dd><span class="value">${formatMean(name, metric)}</span>${ci}</dd></div>`;
  })}</dl>`;
}

export function periodTable(summary: RunSummary): Markup | undefined {
  const periods = Object.entries(summary.periods ?? {}).sort(([, a], [, b]) => a.start - b.start);
  if (periods.length === 0) return undefined;
  // The same columns as the terminal's period table.
  const columns = periodHeadlines.filter((name) => periods.some(([, p]) => p.metrics[name] !== undefined));
  return html`<div class="table"><table class="periods">
<thead><tr><th scope="col">period</th><th scope="col">from – to (${pluralUnit(summary.unit)})</th>${columns.map((name) => html`<th scope="col">${name}</th>`)}</tr></thead>
<tbody>${periods.map(
    ([name, period]) =>
      html`<tr><th scope="row">${name}</th><td>${period.start} – ${period.end}${periodWarmUpText(period, summary.warmup)}</td>${columns.map((column) => cell(column, period.metrics))}</tr>\n`,
  )}</tbody></table></div>`;
}

/** A mean with its CI underneath, for the compact tables. */
function cell(name: string, metrics: MetricSummaries | undefined): Markup {
  const metric = metrics?.[name];
  if (metric === undefined) return html`<td class="absent">—</td>`;
  return html`<td>${formatMean(name, metric)}${metric.ci95 ? html`<small>${formatInterval(name, metric)}</small>` : ''}</td>`;
}

/** Every system-wide metric: mean, CI, sd, replications it is defined in, and its meaning (with one replication, its value and meaning). */
export function systemTable(summary: RunSummary): Markup {
  if (summary.replications < 2) {
    return html`<div class="table"><table class="metrics">
<thead><tr><th scope="col">metric</th><th scope="col">value</th><th scope="col" class="meaning">meaning</th></tr></thead>
<tbody>${Object.entries(summary.metrics).map(
      ([name, metric]) => html`<tr><th scope="row">${name}</th><td>${formatMean(name, metric)}</td><td class="meaning">${meanings.get(name) ?? ''}</td></tr>\n`,
    )}</tbody></table></div>`;
  }
  return html`<div class="table"><table class="metrics">
<thead><tr><th scope="col">metric</th><th scope="col">mean</th><th scope="col">95% CI</th><th scope="col">sd</th><th scope="col">n</th><th scope="col" class="meaning">meaning</th></tr></thead>
<tbody>${Object.entries(summary.metrics).map(
    ([name, metric]) =>
      html`<tr><th scope="row">${name}</th><td>${formatMean(name, metric)}</td><td>${formatInterval(name, metric)}</td><td>${formatValue(name, metric.sd)}</td><td>${metric.n ?? summary.replications}</td><td class="meaning">${meanings.get(name) ?? ''}</td></tr>\n`,
  )}</tbody></table></div>`;
}

/** Every metric of every station (or segment): one row per metric, one column per id. */
export function scopeTable(kind: 'station' | 'segment', scopes: Record<string, MetricSummaries>): Markup | undefined {
  const ids = Object.keys(scopes);
  if (ids.length === 0) return undefined;
  const names = [...new Set(ids.flatMap((id) => Object.keys(scopes[id]!)))];
  return html`<div class="table"><table class="metrics by-${kind}">
<thead><tr><th scope="col">metric</th>${ids.map((id) => html`<th scope="col">${id}</th>`)}</tr></thead>
<tbody>${names.map((name) => html`<tr><th scope="row">${name}</th>${ids.map((id) => cell(name, scopes[id]))}</tr>\n`)}</tbody></table></div>`;
}
