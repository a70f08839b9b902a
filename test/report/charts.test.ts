import { createRequire } from 'node:module';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import type { RunSummary } from '../../src/metrics/summarise.js';
import { chartBuilders, chartsFor, type Chart } from '../../src/report/charts/index.js';
import { lossesChart } from '../../src/report/charts/losses.js';
import { moneyChart } from '../../src/report/charts/money.js';
import { perceivedWaitChart } from '../../src/report/charts/perceived-wait.js';
import { reservationsChart } from '../../src/report/charts/reservations.js';
import { satisfactionZonesChart } from '../../src/report/charts/satisfaction-zones.js';
import { utilisationChart } from '../../src/report/charts/utilisation.js';
import { waitDistributionChart } from '../../src/report/charts/wait-distribution.js';
import { waitingOverDayChart } from '../../src/report/charts/waiting-over-day.js';
import { renderSvg } from '../../src/report/render.js';
import { coreSummary, dataMarks, fixtureSummary, wholeDaySummary, without } from './fixture.js';

const vegaLiteSchema = createRequire(import.meta.url)('vega-lite/vega-lite-schema.json') as object;
const validateSpec = new Ajv({ allErrors: true, strict: false, validateFormats: false }).compile(vegaLiteSchema);

function build(builder: (summary: RunSummary) => Chart | undefined, summary = fixtureSummary()): Chart {
  const chart = builder(summary);
  expect(chart).toBeDefined();
  return chart!;
}

async function marksOf(chart: Chart): Promise<Record<string, number>> {
  const { svg, warnings } = await renderSvg(chart.spec);
  expect(warnings).toEqual([]);
  return dataMarks(svg);
}

describe('every chart', () => {
  const charts = chartsFor(fixtureSummary());

  it('appears for the fixture, which has every kind of data, in the registry’s order', () => {
    expect(charts.map((c) => c.name)).toEqual([
      'utilisation',
      'waiting-over-day',
      'wait-distribution',
      'losses',
      'perceived-wait',
      'satisfaction-zones',
      'money',
      'reservations',
    ]);
    expect(chartBuilders).toHaveLength(charts.length);
  });

  it.each(charts.map((c) => [c.name, c] as const))('%s is valid Vega-Lite v6 with a title, a one-line caption and data inline', (_, chart) => {
    const valid = validateSpec(chart.spec);
    expect(validateSpec.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
    expect(chart.spec).toMatchObject({ $schema: expect.stringContaining('vega-lite/v6'), title: chart.title, description: chart.caption });
    expect(chart.caption).not.toMatch(/\n/);
    expect(chart.caption.length).toBeGreaterThan(40);
    expect((chart.spec as { data?: { values?: unknown[] } }).data?.values?.length).toBeGreaterThan(0);
    expect(chart.name).toMatch(/^[a-z]+(-[a-z]+)*$/);
  });

  it.each(charts.map((c) => [c.name, c] as const))('%s renders to SVG with its title and axis titles, and no warning', async (_, chart) => {
    const { svg, warnings } = await renderSvg(chart.spec);
    expect(warnings).toEqual([]);
    expect(svg).toMatch(/^<svg [^>]*viewBox/);
    expect(svg).toContain(`>${chart.title.replace(/&/g, '&amp;')}<`);
    expect(svg).toContain('role-axis-title');
  });
});

describe('utilisation by station and period', () => {
  it('draws a bar and a CI rule per station and period, on a 0–100% axis', async () => {
    const chart = build(utilisationChart);
    expect(await marksOf(chart)).toMatchObject({ rect: 2 * 3, rule: 2 * 3 });
    const { svg } = await renderSvg(chart.spec);
    for (const label of ['morning', 'lunch', 'afternoon', 'counter', 'adviceDesk', '100%']) expect(svg).toContain(`>${label}<`);
  });

  it('runs the periods along x in time order, the stations side by side; one station is named in the title', async () => {
    const spec = build(utilisationChart).spec as unknown as { title: string; layer: { encoding: Record<string, { field?: string; sort?: string[] }> }[] };
    expect(spec.title).toBe('Utilisation by period and station');
    expect(spec.layer[0]!.encoding.x).toMatchObject({ field: 'period', sort: ['morning', 'lunch', 'afternoon'] });
    expect(spec.layer[0]!.encoding.xOffset).toMatchObject({ field: 'station' });
    const one = fixtureSummary();
    for (const scope of [one, ...Object.values(one.periods!)]) delete scope.stations.adviceDesk;
    const single = build(utilisationChart, one).spec as unknown as { title: string; layer: { encoding: Record<string, unknown> }[] };
    expect(single.title).toBe('Utilisation of counter by period');
    expect(single.layer[0]!.encoding.xOffset).toBeUndefined();
  });

  it('draws a CI that runs below 0% (few replications) down to the axis, not past it', async () => {
    const summary = fixtureSummary();
    summary.periods!.morning!.stations.counter!.utilisation = { mean: 0.05, ci95: [-0.2, 0.3], sd: 0.1 };
    const { svg } = await renderSvg(build(utilisationChart, summary).spec);
    const rules = [...svg.matchAll(/aria-roledescription="rule mark" transform="translate\([^,]+,([-\d.e]+)\)" x2="[^"]*" y2="([-\d.e]+)"/g)];
    expect(rules).toHaveLength(6);
    for (const [, y, y2] of rules) {
      expect(Number(y)).toBeLessThanOrEqual(240 + 1e-6); // the axis: height 240
      expect(Number(y) + Number(y2)).toBeGreaterThanOrEqual(-1e-6);
    }
  });

  it('falls back to the whole day, one bar per station, when the results have no periods', async () => {
    const chart = build(utilisationChart, wholeDaySummary());
    expect(chart.title).toMatch(/whole day/);
    expect(await marksOf(chart)).toMatchObject({ rect: 2, rule: 2 });
  });

  it('is absent when no station has a utilisation', () => {
    expect(utilisationChart(without(wholeDaySummary(), ['utilisation']))).toBeUndefined();
  });
});

describe('number waiting over the day', () => {
  it('draws, per station, the 95% band, the mean line and the server steps, with time in the scenario’s unit', async () => {
    const chart = build(waitingOverDayChart);
    expect(await marksOf(chart)).toMatchObject({ area: 2, line: 2 * 2 });
    const { svg } = await renderSvg(chart.spec);
    expect(svg).toContain('time from opening (minutes)');
    expect(svg).toContain('servers on duty');
    // The legend draws the servers' line dashed, as the chart does.
    const symbols = [...svg.matchAll(/<g class="mark-symbol role-legend-symbol"[^>]*>(.*?)<\/g>/gs)].map((m) => /stroke-dasharray="([^"]*)"/.exec(m[1]!)?.[1] ?? 'solid');
    expect(symbols).toEqual(['1,0', '5,3']);
  });

  it('follows the schedule exactly: a step at each period start and one at the end', () => {
    const rows = (build(waitingOverDayChart).spec as { data: { values: { station: string; series: string; time: number; servers?: number }[] } }).data.values;
    const steps = rows.filter((r) => r.station === 'counter' && r.series === 'servers on duty').map((r) => [r.time, r.servers]);
    expect(steps).toEqual([[0, 3], [180, 4], [300, 3], [480, 3]]);
  });

  it('takes the servers from the series when there is no schedule', () => {
    const summary = fixtureSummary();
    delete summary.schedule;
    const rows = (build(waitingOverDayChart, summary).spec as { data: { values: { series: string }[] } }).data.values;
    expect(rows.filter((r) => r.series === 'servers on duty')).toHaveLength(2 * summary.series!.time.length);
  });

  it('is absent without a series', () => {
    expect(waitingOverDayChart(wholeDaySummary())).toBeUndefined();
  });
});

describe('waiting-time distribution', () => {
  it('draws median, p90 and p95 with CI rules for all customers, each station and each segment', async () => {
    const chart = build(waitDistributionChart);
    expect(await marksOf(chart)).toMatchObject({ rect: 3 * (1 + 2 + 2), rule: 3 * (1 + 2 + 2) });
    const { svg } = await renderSvg(chart.spec);
    for (const label of ['by station', 'by segment', 'median', '90th percentile', 'wait (minutes)']) expect(svg).toContain(label);
  });

  it('is absent when no wait quantile is defined', () => {
    expect(waitDistributionChart(without(wholeDaySummary(), ['waitP50', 'waitP90', 'waitP95']))).toBeUndefined();
  });
});

describe('where customers were lost', () => {
  it('stacks, per period, the reasons that happened (here balked, reneged, denied; never blocked)', async () => {
    const summary = fixtureSummary();
    summary.periods!.lunch!.metrics.denied = { mean: 1.6, ci95: [1, 2.2], sd: 1.3 };
    const chart = build(lossesChart, summary);
    expect(await marksOf(chart)).toMatchObject({ rect: 3 * 3 });
    const { svg } = await renderSvg(chart.spec);
    expect(svg).toContain('reneged (gave up waiting)');
    expect(svg).not.toContain('blocked (no room to wait)');
  });

  it('falls back to segments over the whole day without periods', async () => {
    const chart = build(lossesChart, wholeDaySummary());
    expect(chart.title).toMatch(/by segment/);
    expect(await marksOf(chart)).toMatchObject({ rect: 2 * 3 }); // balked, reneged, denied (advice)
  });

  it('is absent when no loss is counted at all', () => {
    expect(lossesChart(without(wholeDaySummary(), ['balked', 'reneged', 'blocked', 'denied']))).toBeUndefined();
  });

  it('is absent when nobody was lost in any replication: empty bars only look broken', () => {
    const summary = wholeDaySummary();
    const zero = { mean: 0, ci95: [0, 0] as [number, number], sd: 0 };
    for (const scope of [summary.metrics, ...Object.values(summary.stations), ...Object.values(summary.segments)]) {
      for (const name of ['balked', 'reneged', 'blocked', 'denied']) if (scope[name] !== undefined) scope[name] = { ...zero };
    }
    expect(lossesChart(summary)).toBeUndefined();
    summary.segments[Object.keys(summary.segments)[0]!]!.reneged = { mean: 0.1, ci95: [0, 0.3], sd: 0.2 };
    expect(build(lossesChart, summary).name).toBe('losses');
  });
});

describe('charts that appear only with their feature’s metrics', () => {
  it('perceived against actual wait: two bars with CI rules for all customers and each segment', async () => {
    expect(await marksOf(build(perceivedWaitChart))).toMatchObject({ rect: 2 * 3, rule: 2 * 3 });
    expect(perceivedWaitChart(without(fixtureSummary(), ['perceivedWaitMean']))).toBeUndefined();
  });

  it('satisfaction zones: a 100% bar of three zones for all customers and each segment', async () => {
    expect(await marksOf(build(satisfactionZonesChart))).toMatchObject({ rect: 3 * 3 });
    expect(satisfactionZonesChart(without(fixtureSummary(), ['withinDesiredShare', 'withinToleranceShare', 'belowAdequateShare']))).toBeUndefined();
  });

  it('satisfaction zones: a band with a metric of its own shows its CI, around its share; the middle band, a difference, shows none', () => {
    type Row = { zone: string; share: number; ci: string };
    const rows = (build(satisfactionZonesChart).spec as { data: { values: Row[] } }).data.values;
    for (const row of rows) {
      if (row.zone === 'inside the zone of tolerance') {
        expect(row.ci).toMatch(/no interval of its own/);
      } else {
        const [lo, hi] = row.ci.split(' – ').map((end) => Number(end.slice(0, -1)) / 100);
        expect(lo).toBeLessThanOrEqual(row.share + 0.0005);
        expect(hi).toBeGreaterThanOrEqual(row.share - 0.0005);
        expect(row.ci).toMatch(/^\d+\.\d% – \d+\.\d%$/);
      }
    }
    expect(rows.filter((row) => row.zone === 'inside the zone of tolerance')).toHaveLength(3);
    // One replication has no interval, and says so rather than showing one of zero width.
    const single = fixtureSummary();
    for (const scope of [single.metrics, ...Object.values(single.segments)]) {
      for (const name of ['withinDesiredShare', 'belowAdequateShare']) if (scope[name]) scope[name] = { ...scope[name]!, ci95: null };
    }
    const singleRows = (build(satisfactionZonesChart, single).spec as { data: { values: Row[] } }).data.values;
    expect(singleRows.filter((row) => row.zone !== 'inside the zone of tolerance').map((row) => row.ci)).toEqual(Array(6).fill('none (fewer than two replications)'));
  });

  it('a metric with no CI (one replication) draws no interval, and its description says there is none', async () => {
    const single = fixtureSummary();
    const noCi = (scopes: Record<string, Record<string, { ci95: unknown } | undefined>>) => {
      for (const metrics of Object.values(scopes)) for (const m of Object.values(metrics)) if (m) m.ci95 = null;
    };
    noCi({ system: single.metrics, ...single.stations, ...single.segments });
    for (const period of Object.values(single.periods ?? {})) noCi({ system: period.metrics, ...period.stations, ...period.segments });
    const full = await marksOf(build(utilisationChart));
    expect(full.rule).toBeGreaterThan(0);
    const { svg, warnings } = await renderSvg(build(utilisationChart, single).spec);
    expect(warnings).toEqual([]);
    expect(dataMarks(svg).rect).toBe(full.rect);
    expect(dataMarks(svg).rule ?? 0).toBe(0);
    expect(svg).toContain('95% CI: none (fewer than two replications)');
    expect(svg).not.toMatch(/95% CI from/);
    // With a CI, one line gives both ends.
    const { svg: withCi } = await renderSvg(build(utilisationChart).spec);
    expect(withCi).toMatch(/95% CI: \d+% – \d+%/);
    expect(await marksOf(build(moneyChart, single))).toMatchObject({ rect: 8 });
    // The waiting chart's band needs two replications too.
    const one = { ...fixtureSummary(), replications: 1 };
    const { svg: alone, warnings: aloneWarnings } = await renderSvg(build(waitingOverDayChart, one).spec);
    expect(aloneWarnings).toEqual([]);
    expect(dataMarks(alone).area ?? 0).toBe(0);
    expect(alone).not.toMatch(/95% band/);
    expect(build(waitingOverDayChart, one).caption).toMatch(/in the one replication run/);
    expect(dataMarks((await renderSvg(build(waitingOverDayChart).spec)).svg).area).toBeGreaterThan(0);
    // Captions of a one-replication run speak of no interval, and say why; of a run of more, they do not.
    for (const chart of chartsFor(one)) expect(chart.caption, chart.name).not.toMatch(/95% confidence (interval|band)/);
    expect(chartsFor(one).filter((chart) => chart.caption.includes('one replication, so no confidence intervals: they take two or more')).map((c) => c.name)).toEqual(
      expect.arrayContaining(['utilisation', 'wait-distribution', 'perceived-wait', 'money', 'reservations']),
    );
    expect(chartsFor(fixtureSummary()).some((chart) => chart.caption.includes('one replication'))).toBe(false);
    // Nor does an axis speak of a mean over replications.
    for (const chart of chartsFor(one)) expect(JSON.stringify(chart.spec), chart.name).not.toContain('mean over replications');
  });

  it('money: one bar per amount present, with CI rules', async () => {
    expect(await marksOf(build(moneyChart))).toMatchObject({ rect: 8, rule: 8 });
    const partial = without(fixtureSummary(), ['deniedCost', 'lostRevenue']);
    expect(await marksOf(build(moneyChart, partial))).toMatchObject({ rect: 6 });
    expect(moneyChart(without(fixtureSummary(), ['revenue', 'sideRevenue', 'staffCost', 'overtimeCost', 'fixedCost', 'deniedCost', 'lostRevenue', 'profit']))).toBeUndefined();
  });

  it('money: the bars add up, income less costs is the profit (lost revenue stands beside it)', () => {
    const rows = (build(moneyChart).spec as unknown as { data: { values: { item: string; kind: string; value: number }[] } }).data.values;
    const total = (kind: string) => rows.filter((r) => r.kind === kind).reduce((sum, r) => sum + r.value, 0);
    expect(rows.map((r) => r.item)).toEqual(expect.arrayContaining(['side revenue (while waiting)', 'fixed cost']));
    expect(total('income') - total('cost')).toBeCloseTo(total('result'), 9);
  });

  it('reservation outcomes: bookings, cancellations, no-shows, shows, the booked turned away and the walk-ins turned away, apart', async () => {
    const summary = fixtureSummary();
    summary.segments.advice!.bookings = { mean: 12, ci95: [11, 13], sd: 1 };
    summary.segments.advice!.denied = { mean: 0.3, ci95: [0.1, 0.5], sd: 0.4 };
    summary.metrics.walkInsTurnedAway = { mean: 4.6, ci95: [4, 5.2], sd: 1.2 };
    const chart = build(reservationsChart, summary);
    expect(await marksOf(chart)).toMatchObject({ rect: 6, rule: 6 });
    const rows = (chart.spec as unknown as { data: { values: { outcome: string; value: number }[] } }).data.values;
    // Not the system's denied (4.9: both together), but each on its own.
    expect(rows.slice(4)).toMatchObject([
      { outcome: 'booked, turned away', value: 0.3 },
      { outcome: 'walk-ins turned away', value: 4.6 },
    ]);
    expect(reservationsChart(without(fixtureSummary(), ['bookings', 'cancellations', 'noShows', 'shows']))).toBeUndefined();
  });

  it('money: no chart without the money account (the reservations’ cost of denials alone is none)', () => {
    expect(moneyChart(without(fixtureSummary(), ['revenue', 'sideRevenue', 'staffCost', 'overtimeCost', 'fixedCost', 'lostRevenue', 'profit']))).toBeUndefined();
  });

  it('today’s results (no experience, money or reservations) give only the core charts', () => {
    const core = coreSummary();
    expect(chartsFor(core).map((c) => c.name)).toEqual(['utilisation', 'wait-distribution', 'losses']);
  });
});

describe('scenario text in charts', () => {
  it('is escaped in the SVG: markup in a station or period name stays text', async () => {
    const summary = fixtureSummary();
    const evil = '<img src=x onerror=alert(1)>';
    summary.stations[evil] = summary.stations.counter!;
    summary.periods![evil] = { ...summary.periods!.lunch!, start: 999 };
    const { svg } = await renderSvg(build(utilisationChart, summary).spec);
    expect(svg).not.toContain('<img');
    expect(svg).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });
});

describe('intervals in charts', () => {
  it('a wait’s CI stops at 0, as the tables show it; the summary keeps the interval itself', () => {
    const summary = fixtureSummary();
    summary.metrics.waitP50 = { mean: 0.011, ci95: [-0.006, 0.028], sd: 0.03 };
    const rows = (build(waitDistributionChart, summary).spec as unknown as { data: { values: { lo: number }[] } }).data.values;
    expect(Math.min(...rows.map((row) => row.lo))).toBeGreaterThanOrEqual(0);
    expect(summary.metrics.waitP50.ci95![0]).toBe(-0.006);
  });
});
