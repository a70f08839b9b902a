/**
 * The trade-off curves of a sweep: a metric against the swept parameter, the mean as a line
 * with points and its 95% CI as a band. With a second parameter, one line per value of it.
 * Charts are made only for metrics the results have: utilisation, waits (mean and 90th
 * percentile), perceived wait and satisfaction, customers lost, and money.
 */
import { kindOf, metricCatalogue } from '../../metrics/catalogue.js';
import { pointMetrics, type SweepResult } from '../../run/sweep.js';
import { chart, type Chart } from './chart.js';
import { ciText, ciTooltip, estimate, hasInterval, intervalWords, withInterval } from './estimates.js';
import { moneyItems } from './money.js';
import { pluralUnit } from '../../model/units.js';

interface Panel {
  name: string;
  title: string;
  /** Metrics shown together (same unit), with their labels. */
  metrics: { metric: string; label: string }[];
  axisTitle: string;
  format: string;
}

function panels(unit: string): Panel[] {
  // The money chart's items (the names money metrics are reported under), then any other money metric of the catalogue.
  const named = moneyItems.map(({ metric, label }) => ({ metric, label }));
  const others = metricCatalogue().filter((m) => m.kind === 'money' && !named.some((n) => n.metric === m.name)).map((m) => ({ metric: m.name, label: m.name }));
  const money = [...named, ...others];
  return [
    { name: 'sweep-utilisation', title: 'Utilisation', metrics: [{ metric: 'utilisation', label: 'utilisation' }], axisTitle: 'share of server-time busy', format: '.0%' },
    { name: 'sweep-wait', title: 'Waiting time', metrics: [{ metric: 'waitMean', label: 'mean wait' }, { metric: 'waitP90', label: '90th percentile' }], axisTitle: `wait (${unit})`, format: ',.3~g' },
    { name: 'sweep-perceived-wait', title: 'Perceived wait', metrics: [{ metric: 'perceivedWaitMean', label: 'mean perceived wait' }], axisTitle: `perceived wait (${unit})`, format: ',.3~g' },
    { name: 'sweep-satisfaction', title: 'Satisfaction', metrics: [{ metric: 'satisfactionMean', label: 'mean satisfaction' }], axisTitle: 'satisfaction (1–5)', format: '.2f' },
    { name: 'sweep-lost', title: 'Customers lost', metrics: [{ metric: 'lost', label: 'balked + reneged + blocked + denied' }], axisTitle: 'customers lost per run', format: ',.3~g' },
    { name: 'sweep-money', title: 'Costs and profit', metrics: money, axisTitle: 'money per run', format: ',.4~g' },
  ];
}

export function tradeOffCharts(sweep: SweepResult): Chart[] {
  const [first, second] = sweep.axes;
  if (!first) return [];
  const unit = pluralUnit(sweep.unit);
  const charts: Chart[] = [];
  // Without the money account (no profit at any point) there is no money panel, as a run draws no money chart.
  const withMoney = sweep.points.some((point) => pointMetrics(point).profit !== undefined);
  for (const panel of panels(unit)) {
    if (panel.name === 'sweep-money' && !withMoney) continue;
    // An amount 0 at every point (no fixed cost, no side revenue) is left out, as in the run's money chart; the profit never is.
    const flat = (metric: string) =>
      metric !== 'profit' &&
      sweep.points.every((point) => {
        const m = pointMetrics(point)[metric];
        return m === undefined || (m.mean === 0 && (m.ci95 === null || (m.ci95[0] === 0 && m.ci95[1] === 0)));
      });
    const slots = sweep.points.flatMap((point) =>
      panel.metrics.filter(({ metric }) => panel.name !== 'sweep-money' || !flat(metric)).map(({ metric, label }) => ({
        x: point.values[0]!,
        series: second ? String(point.values[1]) : label,
        metric: label,
        value: estimate(pointMetrics(point)[metric], metric === 'lost' ? 'count' : kindOf(metric)),
      })),
    );
    // The band is drawn in parts, a new one after each point without a CI (or without a value),
    // along x whatever order the values were given in, so it never bridges a point it does not cover.
    const parts = new Map<(typeof slots)[number], number>();
    const lines = new Map<string, (typeof slots)[number][]>();
    for (const slot of slots) {
      const key = `${slot.series}\u0000${slot.metric}`;
      const line = lines.get(key);
      if (line === undefined) lines.set(key, [slot]);
      else line.push(slot);
    }
    for (const line of lines.values()) {
      let part = 0;
      for (const slot of [...line].sort((a, b) => a.x - b.x)) {
        if (slot.value === undefined || slot.value.lo === null) part++;
        parts.set(slot, part);
      }
    }
    const rows = slots.flatMap((slot) => (slot.value ? [{ x: slot.x, series: slot.series, metric: slot.metric, ...slot.value, bandPart: parts.get(slot)! }] : []));
    if (rows.length === 0) continue;
    const shown = [...new Set(rows.map((r) => r.metric))];
    const seriesOrder = second ? second.values.map(String) : shown;
    const ticks = first.values.length <= 20 ? { axis: { values: first.values, format: ',~g' } } : {};
    const x = { field: 'x', type: 'quantitative', title: first.path, scale: { zero: false, nice: false }, ...ticks };
    // The legend's symbols at full strength: they would take the band's opacity, too faint to tell the lines apart.
    const legend = seriesOrder.length === 1 ? null : { symbolOpacity: 1 };
    const color = { field: 'series', type: 'nominal', title: second ? second.path : null, sort: seriesOrder, legend };
    const layers = [
      // The band where points have a CI; none at all (one replication) leaves no band layer.
      ...(rows.some(hasInterval)
        ? [
            {
              transform: [withInterval],
              mark: { type: 'area', opacity: 0.18 },
              encoding: { x, y: { field: 'lo', type: 'quantitative', title: panel.axisTitle, axis: { format: panel.format } }, y2: { field: 'hi' }, color, detail: { field: 'bandPart', type: 'nominal' } },
            },
          ]
        : []),
      {
        transform: [ciText(panel.format)],
        mark: { type: 'line', point: true, strokeWidth: 2 },
        encoding: {
          x,
          y: { field: 'value', type: 'quantitative', title: panel.axisTitle, axis: { format: panel.format } },
          color,
          tooltip: [
            { field: 'x', title: first.path },
            { field: 'series', title: second ? second.path : 'metric' },
            { field: 'value', title: 'mean', format: panel.format },
            ciTooltip,
          ],
        },
      },
    ];
    const facetByMetric = second !== undefined && shown.length > 1;
    const body = facetByMetric
      ? { data: { values: rows }, facet: { column: { field: 'metric', type: 'nominal', title: null, sort: shown } }, spec: { width: 300, height: 220, layer: layers } }
      : { data: { values: rows }, width: 480, height: 260, layer: layers };
    charts.push(
      chart(
        panel.name,
        `${panel.title} against ${first.path}`,
        `Each line is ${sweep.replications >= 2 ? 'the mean over replications' : 'the one replication\'s value'} at each value of ${first.path}${second ? `, one line per value of ${second.path}` : ''}; ${intervalWords(sweep.replications, 'the shaded band is its 95% confidence interval')}. Every point ran on the same random numbers (common random numbers).`,
        body,
      ),
    );
  }
  return charts;
}
