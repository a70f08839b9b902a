import { createRequire } from 'node:module';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { tradeOffCharts } from '../../src/report/charts/trade-off.js';
import { renderSvg } from '../../src/report/render.js';
import type { SweepResult } from '../../src/run/sweep.js';
import { dataMarks, fixtureSummary, coreSummary } from './fixture.js';

const vegaLiteSchema = createRequire(import.meta.url)('vega-lite/vega-lite-schema.json') as object;
const validateSpec = new Ajv({ allErrors: true, strict: false, validateFormats: false }).compile(vegaLiteSchema);

function sweepOf(summary: () => ReturnType<typeof fixtureSummary>, second = false): SweepResult {
  const xs = [2, 3, 4];
  const ys = second ? [5, 10] : [undefined];
  return {
    seed: 1,
    replications: 20,
    unit: 'minute',
    axes: [{ path: 'stations.counter.servers', values: xs }, ...(second ? [{ path: 'segments.quick.patience.mean', values: [5, 10] }] : [])],
    points: xs.flatMap((x) => ys.map((y) => ({ values: y === undefined ? [x] : [x, y], summary: summary(), lost: { mean: 40 / x, ci95: [30 / x, 50 / x] as [number, number], sd: 3 } }))),
  };
}

describe('trade-off charts of a sweep', () => {
  it('chart utilisation, waits, perceived wait, satisfaction, lost customers and money when the results have them', () => {
    expect(tradeOffCharts(sweepOf(fixtureSummary)).map((c) => c.name)).toEqual(['sweep-utilisation', 'sweep-wait', 'sweep-perceived-wait', 'sweep-satisfaction', 'sweep-lost', 'sweep-money']);
    expect(tradeOffCharts(sweepOf(coreSummary)).map((c) => c.name)).toEqual(['sweep-utilisation', 'sweep-wait', 'sweep-lost']);
  });

  it('one replication a point: lines without a band, no warning, and the tooltip says there is no CI', async () => {
    const single = () => {
      const summary = coreSummary();
      for (const m of Object.values(summary.metrics)) if (m) m.ci95 = null;
      return summary;
    };
    const sweep = { ...sweepOf(single), replications: 1 };
    for (const point of sweep.points) point.lost = { ...point.lost, ci95: null };
    for (const chart of tradeOffCharts(sweep)) {
      const { svg, warnings } = await renderSvg(chart.spec);
      expect(warnings, chart.name).toEqual([]);
      expect(dataMarks(svg).area ?? 0, chart.name).toBe(0);
      expect(dataMarks(svg).line, chart.name).toBeGreaterThan(0);
      expect(svg, chart.name).toContain('95% CI: none (fewer than two replications)');
      expect(chart.caption, chart.name).toContain('one replication, so no confidence intervals');
      expect(chart.caption, chart.name).not.toContain('95% confidence interval');
      expect(chart.caption, chart.name).not.toContain('mean over replications');
    }
    const withBand = tradeOffCharts(sweepOf(coreSummary))[0]!;
    expect(dataMarks((await renderSvg(withBand.spec)).svg).area).toBeGreaterThan(0);
  });

  it('a point without a CI breaks the band: no band bridges it', async () => {
    const sweep = sweepOf(coreSummary);
    const middle = sweep.points[1]!;
    for (const m of Object.values(middle.summary.metrics)) if (m) m.ci95 = null;
    middle.lost = { ...middle.lost, ci95: null };
    const wait = tradeOffCharts(sweep).find((c) => c.name === 'sweep-wait')!;
    const series = new Set((wait.spec as unknown as { data: { values: { series: string }[] } }).data.values.map((row) => row.series)).size;
    const { svg, warnings } = await renderSvg(wait.spec);
    expect(warnings).toEqual([]);
    expect(dataMarks(svg).area).toBe(2 * series); // each series' band in two parts, either side of the middle point
    const whole = tradeOffCharts(sweepOf(coreSummary)).find((c) => c.name === 'sweep-wait')!;
    expect(dataMarks((await renderSvg(whole.spec)).svg).area).toBe(series);
    // Values given out of order (--vary k=2,4,3): the parts follow x, not the order given.
    const unsorted = { ...sweep, axes: [{ ...sweep.axes[0]!, values: [2, 4, 3] }], points: [sweep.points[0]!, sweep.points[2]!, sweep.points[1]!] };
    const shuffled = tradeOffCharts(unsorted).find((c) => c.name === 'sweep-wait')!;
    expect(dataMarks((await renderSvg(shuffled.spec)).svg).area).toBe(2 * series);
  });

  it('the money chart leaves out an amount that is 0 at every point, as the run’s does; never the profit', () => {
    const withZero = () => {
      const summary = fixtureSummary();
      summary.metrics.fixedCost = { mean: 0, ci95: [0, 0], sd: 0 };
      summary.metrics.sideRevenue = { mean: 0, ci95: [0, 0], sd: 0 };
      return summary;
    };
    const money = tradeOffCharts(sweepOf(withZero)).find((c) => c.name === 'sweep-money')!;
    const items = new Set((money.spec as unknown as { data: { values: { metric: string }[] } }).data.values.map((row) => row.metric));
    expect(items.has('fixed cost')).toBe(false);
    expect(items.has('side revenue (while waiting)')).toBe(false);
    expect(items.has('staff cost')).toBe(true);
    expect(items.has('profit')).toBe(true);
  });

  it('draws no money panel without the money account, only the reservations’ cost of denials', () => {
    const denialsOnly = () => {
      const summary = fixtureSummary();
      for (const name of ['revenue', 'sideRevenue', 'staffCost', 'overtimeCost', 'fixedCost', 'lostRevenue', 'profit']) delete summary.metrics[name];
      return summary;
    };
    expect(denialsOnly().metrics.deniedCost).toBeDefined();
    expect(tradeOffCharts(sweepOf(denialsOnly)).map((c) => c.name)).not.toContain('sweep-money');
  });

  it.each([false, true])('are valid Vega-Lite and draw a line and a CI band per series (two parameters: %s)', async (second) => {
    for (const chart of tradeOffCharts(sweepOf(coreSummary, second))) {
      expect(validateSpec(chart.spec), JSON.stringify(validateSpec.errors)).toBe(true);
      const { svg, warnings } = await renderSvg(chart.spec);
      expect(warnings).toEqual([]);
      const marks = dataMarks(svg);
      expect(marks.area, chart.name).toBeGreaterThan(0);
      expect(marks.line, chart.name).toBeGreaterThan(0);
      expect(svg).toContain('stations.counter.servers');
    }
  });
});

describe('the legend of a sweep over two parameters', () => {
  it('draws its symbols at full strength, not at the band’s opacity', async () => {
    const chart = tradeOffCharts(sweepOf(coreSummary, true)).find((c) => c.name === 'sweep-wait')!;
    const { svg } = await renderSvg(chart.spec);
    const symbols = [...svg.matchAll(/<g class="mark-symbol role-legend-symbol"[^>]*>(.*?)<\/g>/gs)].flatMap((m) => [...m[1]!.matchAll(/<path [^>]*>/g)].map((p) => p[0]));
    expect(symbols.length).toBeGreaterThan(1);
    for (const symbol of symbols) expect(symbol, symbol).not.toMatch(/opacity="0\.18"/);
  });
});
