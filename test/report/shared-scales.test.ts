/**
 * compare's charts side by side share their scales: each kind of chart reads on one domain
 * in every variant, so bars of different heights stand at different heights.
 */
import { describe, expect, it } from 'vitest';
import type { RunSummary } from '../../src/metrics/summarise.js';
import { chartsFor } from '../../src/report/charts/index.js';
import { renderSvg } from '../../src/report/render.js';
import { shareScales } from '../../src/report/shared-scales.js';
import { fixtureSummary } from './fixture.js';

/** The fixture with every time metric scaled by `factor` (a variant with shorter or longer waits). */
function scaledWaits(factor: number): RunSummary {
  const summary = fixtureSummary();
  for (const scope of [summary.metrics, ...Object.values(summary.segments), ...Object.values(summary.stations)]) {
    for (const name of ['waitMean', 'waitP50', 'waitP80', 'waitP90', 'waitP95', 'perceivedWaitMean', 'perceivedWaitP90']) {
      const m = scope[name];
      if (m?.mean !== null && m?.mean !== undefined) scope[name] = { ...m, mean: m.mean * factor, ci95: m.ci95 && [m.ci95[0] * factor, m.ci95[1] * factor] };
    }
  }
  return summary;
}

type Encoding = { type?: string; scale?: { domain?: number[] }; stack?: string };
type Spec = { encoding?: Record<string, Encoding>; layer?: Spec[]; hconcat?: Spec[]; vconcat?: Spec[] };
/** The domain of every quantitative y encoding, in layers and panels too. */
const yDomains = (spec: unknown): (number[] | undefined)[] => {
  const s = spec as Spec;
  const own = s.encoding?.y?.type === 'quantitative' ? [s.encoding.y.scale?.domain] : [];
  return [...own, ...[...(s.layer ?? []), ...(s.hconcat ?? []), ...(s.vconcat ?? [])].flatMap(yDomains)];
};

describe('charts side by side', () => {
  const [long, short] = shareScales([chartsFor(scaledWaits(1)), chartsFor(scaledWaits(0.5))]);
  const chart = (set: typeof long, name: string) => set!.find((c) => c.name === name)!;

  it('a wait chart of each variant reads on one domain, from 0 to the greatest value of either', () => {
    for (const name of ['perceived-wait', 'wait-distribution']) {
      const a = yDomains(chart(long, name).spec);
      const b = yDomains(chart(short, name).spec);
      expect(a.length).toBeGreaterThan(0);
      expect(a.every((d) => d !== undefined && d[0] === 0)).toBe(true);
      expect(b).toEqual(a); // the short waits' chart keeps the long waits' axis
    }
  });

  it('an axis with a domain of its own (shares 0–100%) or a normalised stack keeps it', () => {
    expect(yDomains(chart(short, 'utilisation').spec).every((d) => d === undefined || (d[0] === 0 && d[1] === 1))).toBe(true);
    const zones = chart(short, 'satisfaction-zones').spec as unknown as { encoding: { x: { scale?: unknown; stack: string } } };
    expect(zones.encoding.x.stack).toBe('normalize');
    expect(zones.encoding.x.scale).toBeUndefined();
  });

  it('stacked bars share a scale up to the tallest stack, a sum of values, in any variant', () => {
    const fewer = fixtureSummary();
    for (const name of ['balked', 'reneged']) fewer.metrics[name] = { ...fewer.metrics[name]!, mean: fewer.metrics[name]!.mean! / 4 };
    for (const period of Object.values(fewer.periods ?? {})) for (const name of ['balked', 'reneged']) if (period.metrics[name]) period.metrics[name] = { ...period.metrics[name]!, mean: period.metrics[name]!.mean! / 4 };
    const [many, few] = shareScales([chartsFor(fixtureSummary()), chartsFor(fewer)]);
    const losses = (set: typeof many) => set!.find((c) => c.name === 'losses')!;
    const tallest = (c: ReturnType<typeof losses>) => {
      const rows = (c.spec as unknown as { data: { values: { group: string; customers: number }[] } }).data.values;
      const sums = new Map<string, number>();
      for (const row of rows) sums.set(row.group, (sums.get(row.group) ?? 0) + row.customers);
      return Math.max(...sums.values());
    };
    const domain = yDomains(losses(many).spec)[0]!;
    expect(yDomains(losses(few).spec)[0]).toEqual(domain);
    expect(domain[1]).toBeGreaterThanOrEqual(tallest(losses(many)) - 1e-9);
    expect(domain[1]).toBeGreaterThan(tallest(losses(few)));
  });

  it('a panel per station shares its axis with the same station’s panel in every variant, not with other stations', () => {
    const busier = fixtureSummary();
    for (const { waiting } of Object.values(busier.series!.stations)) for (const list of [waiting.mean, waiting.lo, waiting.hi]) list.forEach((v, i) => (list[i] = v * 3));
    const [calm, busy] = shareScales([chartsFor(fixtureSummary()), chartsFor(busier)]);
    type Panel = { title: { text: string }; layer: Spec[] };
    const panels = (set: typeof calm) => (set!.find((c) => c.name === 'waiting-over-day')!.spec as unknown as { vconcat: Panel[] }).vconcat;
    const byStation = (set: typeof calm) => Object.fromEntries(panels(set).map((p) => [p.title.text, p.layer.flatMap(yDomains)]));
    const a = byStation(calm);
    const b = byStation(busy);
    expect(Object.keys(a).length).toBeGreaterThan(1);
    expect(b).toEqual(a);
    for (const [station, domains] of Object.entries(a)) {
      const { waiting, servers } = busier.series!.stations[station]!;
      const high = Math.max(...waiting.hi, ...servers, ...(busier.schedule?.[station] ?? []).map((e) => e.servers));
      expect(domains.every((d) => d !== undefined && d[0] === 0 && Math.abs(d[1]! - high) < 1e-9), station).toBe(true);
    }
    expect(new Set(Object.values(a).map((d) => d[0]![1])).size).toBeGreaterThan(1); // each station its own
    // The time axis ends at closing time in every variant: the chart's nice: false is kept.
    const x = panels(calm)[0]!.layer[0]!.encoding!.x as { scale: { domain: number[]; nice: boolean } };
    expect(x.scale.nice).toBe(false);
    expect(x.scale.domain[0]).toBe(0);
    expect(x.scale.domain[1]).toBe(Math.max(...fixtureSummary().series!.time, ...Object.values(fixtureSummary().schedule ?? {}).flat().map((e) => e.end)));
  });

  it('an axis a part of the chart resolves for itself, and a fixed domain in any layer keep their own', () => {
    const apart = (hi: number) => ({
      name: 'apart',
      title: 't',
      caption: 'c',
      spec: { data: { values: [{ k: 'a', value: 0.4, hi }] }, vconcat: [{ layer: [{ mark: 'bar', encoding: { x: { field: 'k', type: 'nominal' }, y: { field: 'value', type: 'quantitative' } } }, { mark: 'tick', encoding: { x: { field: 'k', type: 'nominal' }, y: { field: 'hi', type: 'quantitative' } } }], resolve: { scale: { y: 'independent' } } }] },
    });
    const [one] = shareScales([[apart(0.5) as never], [apart(0.6) as never]]);
    expect(yDomains((one![0]!.spec as unknown as { vconcat: Spec[] }).vconcat[0])).toEqual([undefined, undefined]);
    const layered = (hi: number) => ({
      name: 'share',
      title: 't',
      caption: 'c',
      spec: { data: { values: [{ k: 'a', value: 0.4, lo: 0.3, hi }] }, layer: [{ mark: 'bar', encoding: { x: { field: 'k', type: 'nominal' }, y: { field: 'value', type: 'quantitative', scale: { domain: [0, 1] } } } }, { mark: 'rule', encoding: { x: { field: 'k', type: 'nominal' }, y: { field: 'lo', type: 'quantitative' }, y2: { field: 'hi' } } }] },
    });
    const [first] = shareScales([[layered(0.5) as never], [layered(0.6) as never]]);
    expect(yDomains(first![0]!.spec)).toEqual([[0, 1], undefined]);
  });

  it('a single variant’s charts are left as they are, and the shared ones still render without a warning', async () => {
    const [alone] = shareScales([chartsFor(scaledWaits(1))]);
    expect(alone).toEqual(chartsFor(scaledWaits(1)));
    for (const c of short!) expect((await renderSvg(c.spec)).warnings, c.name).toEqual([]);
  });
});
