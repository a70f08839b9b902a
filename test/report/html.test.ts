import { describe, expect, it } from 'vitest';
import type { RunSummary } from '../../src/metrics/summarise.js';
import { chartsFor } from '../../src/report/charts/index.js';
import { contentSecurityPolicy, reportHtml, scopeSvgIds } from '../../src/report/html.js';
import { buildReport } from '../../src/report/index.js';
import { escapeHtml, html, trusted } from '../../src/report/markup.js';
import { renderSvg } from '../../src/report/render.js';
import { coreSummary, fixtureSummary, wholeDaySummary } from './fixture.js';
import { periodHeadlines } from '../../src/metrics/catalogue.js';

const evil = '<script>alert(1)</script>';

function withEvilText(summary: RunSummary): RunSummary {
  summary.scenario = evil;
  summary.description = `"quoted" & <b>bold</b> <img src=x onerror=alert(2)>`;
  summary.stations[`<i onmouseover=alert(3)>desk</i>`] = summary.stations.counter!;
  summary.segments[`seg"><svg onload=alert(4)>`] = summary.segments.quick!;
  summary.periods![`<style>*{display:none}</style>`] = { ...summary.periods!.lunch!, start: 1000 };
  return summary;
}

/**
 * Every element and attribute name in a page. Escaped text holds no raw "<", and attribute
 * values no raw ">" or quote, so each "<name" is a real element and each name= a real attribute.
 */
function structureOf(page: string): { elements: string[]; attributes: string[] } {
  const tags = page.match(/<[a-zA-Z][^>]*>/g) ?? [];
  const elements = new Set(tags.map((tag) => tag.match(/^<([\w-]+)/)![1]!.toLowerCase()));
  const attributes = new Set(tags.flatMap((tag) => [...tag.replace(/="[^"]*"/g, '=').matchAll(/\s([^\s=>/]+)=/g)].map((m) => m[1]!.toLowerCase())));
  return { elements: [...elements], attributes: [...attributes] };
}

const allowedElements = new Set(
  ('html head meta title style body header h1 h2 h3 p main section dl div dt dd span figure figcaption table thead tbody tr th td small footer ' +
    'svg g path line rect text').split(' '),
);

/** The page with its inline SVG charts taken out: what the template itself wrote. */
function pageWithoutCharts(page: string): string {
  return page.replace(/<svg[\s\S]*?<\/svg>/g, '<svg/>');
}

describe('markup', () => {
  it('escapes every interpolated value and keeps markup built with html or trusted', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe('&#60;a href=&#34;x&#34; title=&#39;y&#39;&#62;&#38;&#60;/a&#62;');
    const name = '<b>';
    expect(html`<p>${name}${html`<i>${name}</i>`}${trusted('<svg></svg>')}${[1, '<', null, false, undefined]}</p>`.text).toBe(
      '<p>&#60;b&#62;<i>&#60;b&#62;</i><svg></svg>1&#60;</p>',
    );
  });
});

describe('report.html', () => {
  it('is a complete page with a strict Content-Security-Policy before any content, and no script at all', async () => {
    const page = (await buildReport(fixtureSummary(), { png: false }))['report.html'] as string;
    expect(page).toMatch(/^<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<meta http-equiv="Content-Security-Policy" content="([^"]+)">/);
    expect(page).toContain(`content="${escapeHtml(contentSecurityPolicy)}"`);
    expect(contentSecurityPolicy).toMatch(/^default-src 'none'; style-src 'unsafe-inline'; img-src data:;/);
    expect(page).not.toMatch(/<script|<link|<iframe|<object|<embed|@import|url\(http|src="http|href="http/i);
    expect(page.match(/<title>/g)).toHaveLength(1);
  });

  it('shows the scenario name and description, and the key figures with their CIs', () => {
    const page = reportHtml(fixtureSummary(), []);
    expect(page).toContain('<h1>Bank branch, weekday</h1>');
    expect(page).toContain('<p class="description">Two kinds of customers: quick transactions');
    expect(page).toContain('<dt>waitMean</dt><dd><span class="value">1.31</span><span class="ci">95% CI 1.17 – 1.45</span>');
    expect(page).toContain('<dt>utilisation</dt><dd><span class="value">69.4%</span><span class="ci">95% CI 67.4% – 71.4%</span>');
    expect(page).toContain('<dt>profit</dt>');
    expect(page).toContain('20 replications · seed 42 · horizon 480 minutes');
  });

  it('names customers turned away by the reservations among the key figures, where any were (abandonmentRate leaves them out)', () => {
    const none = fixtureSummary();
    none.metrics.denied = { mean: 0, ci95: [0, 0], sd: 0 };
    expect(reportHtml(none, [])).not.toContain('<dt>denied</dt>');
    const some = fixtureSummary();
    some.metrics.denied = { mean: 14.3, ci95: [12.9, 15.7], sd: 3 };
    const page = reportHtml(some, []);
    expect(page).toContain('<dt>denied</dt><dd><span class="value">14.3</span><span class="ci">95% CI 12.9 – 15.7</span>');
    expect(page.indexOf('<dt>denied</dt>')).toBeGreaterThan(page.indexOf('<dt>abandonmentRate</dt>'));
  });

  it('escapes all scenario text: a name like <script>alert(1)</script> shows as text', async () => {
    const page = (await buildReport(withEvilText(fixtureSummary()), { png: false }))['report.html'] as string;
    expect(page).toContain('<h1>&#60;script&#62;alert(1)&#60;/script&#62;</h1>');
    expect(page).toContain('<title>&#60;script&#62;alert(1)&#60;/script&#62; · queuesim report</title>');
    expect(page).toContain('&#34;quoted&#34; &#38; &#60;b&#62;bold&#60;/b&#62; &#60;img src=x onerror=alert(2)&#62;');
    const { elements, attributes } = structureOf(page);
    expect(elements.filter((name) => !allowedElements.has(name))).toEqual([]);
    expect(attributes.filter((name) => name.startsWith('on'))).toEqual([]);
    expect(page.match(/<style>/g)).toHaveLength(1);
    expect(page).toContain('<th scope="col">&#60;i onmouseover=alert(3)&#62;desk&#60;/i&#62;</th>');
  });

  it('has the per-period table, in time order with each period’s interval and main metrics', () => {
    const page = reportHtml(fixtureSummary(), []);
    const table = page.match(/<table class="periods">[\s\S]*?<\/table>/)?.[0] ?? '';
    const rows = [...table.matchAll(/<tr><th scope="row">(\w+)<\/th><td>([\d.]+ – [\d.]+)<\/td>/g)].map((m) => [m[1], m[2]]);
    expect(rows).toEqual([['morning', '0 – 180'], ['lunch', '180 – 300'], ['afternoon', '300 – 480']]);
    expect(table).toContain('<th scope="col">utilisation</th>');
    expect(table).toContain('<td>14.9%<small>13.4% – 16.4%</small></td>'); // lunch abandonmentRate
    // The terminal's period columns (periodHeadlines), in its order, where the results have them.
    const columns = [...table.matchAll(/<th scope="col">(\w+)<\/th>/g)].map((m) => m[1]).filter((name) => name !== 'period');
    expect(columns).toEqual(['arrivals', 'served', 'abandonmentRate', 'waitMean', 'waitP90', 'utilisation', 'queueLengthMean']);
    expect(columns).toEqual(periodHeadlines.filter((name) => columns.includes(name)));
  });

  it('shows the money and demand columns by period when the results have them', () => {
    const summary = fixtureSummary();
    for (const period of Object.values(summary.periods!)) period.metrics.revenue = { ...period.metrics.arrivals! };
    const table = reportHtml(summary, []).match(/<table class="periods">[\s\S]*?<\/table>/)?.[0] ?? '';
    expect(table).toContain('<th scope="col">revenue</th>');
  });

  it('writes an abbreviated time unit as it is: "h", not "hs"', () => {
    const page = reportHtml({ ...fixtureSummary(), unit: 'h' }, []);
    expect(page).toMatch(/horizon \S+ h · times in h ·/);
    expect(page).toContain('from – to (h)');
    expect(page).not.toContain('hs');
  });

  it('has no per-period table when the results have no periods', () => {
    expect(reportHtml(wholeDaySummary(), [])).not.toContain('class="periods"');
  });

  it('has every metric system-wide (mean, CI, sd, n, meaning), per station and per segment', () => {
    const summary = fixtureSummary();
    summary.metrics.waitMean = { ...summary.metrics.waitMean!, n: 19 };
    const page = pageWithoutCharts(reportHtml(summary, []));
    const system = page.match(/<h3>System<\/h3>[\s\S]*?<\/table>/)?.[0] ?? '';
    for (const name of Object.keys(summary.metrics)) expect(system).toContain(`<th scope="row">${name}</th>`);
    expect(system).toContain('<tr><th scope="row">waitMean</th><td>1.31</td><td>1.17 – 1.45</td><td>0.308</td><td>19</td><td class="meaning">mean time waiting in lines');
    const stations = page.match(/<h3>Stations<\/h3>[\s\S]*?<\/table>/)?.[0] ?? '';
    expect(stations).toContain('<th scope="col">counter</th><th scope="col">adviceDesk</th>');
    for (const name of Object.keys(summary.stations.counter!)) expect(stations).toContain(`<th scope="row">${name}</th>`);
    expect(stations).toContain('<tr><th scope="row">utilisation</th><td>75.8%<small>73.8% – 77.8%</small></td><td>60.9%<small>58.9% – 62.9%</small></td></tr>');
    const segments = page.match(/<h3>Segments<\/h3>[\s\S]*?<\/table>/)?.[0] ?? '';
    for (const name of Object.keys(summary.segments.advice!)) expect(segments).toContain(`<th scope="row">${name}</th>`);
    expect(segments).toContain('<th scope="col">quick</th><th scope="col">advice</th>');
  });

  it('inlines each chart as SVG in a figure with its caption and the names of its files', async () => {
    const files = await buildReport(fixtureSummary(), { png: false });
    const page = files['report.html'] as string;
    const charts = chartsFor(fixtureSummary());
    expect(page.match(/<figure /g)).toHaveLength(charts.length);
    for (const chart of charts) {
      const figure = page.match(new RegExp(`<figure id="chart-${chart.name}"[\\s\\S]*?</figure>`))?.[0] ?? '';
      expect(figure).toMatch(/<svg [^>]*class="marks"/);
      expect(figure).toContain(`<figcaption>${escapeHtml(chart.caption)} <span class="files">(charts/${chart.name}.vl.json, charts/${chart.name}.svg)</span>`);
      expect(files[`charts/${chart.name}.svg`]).toMatch(/^<svg /);
    }
  });

  it('gives the ids inside each inline SVG the chart’s prefix, so two charts never share one', async () => {
    expect(scopeSvgIds('<clipPath id="clip1"/><path clip-path="url(#clip1)"/><use href="#clip1"/>', 'chart-a')).toBe(
      '<clipPath id="chart-a-clip1"/><path clip-path="url(#chart-a-clip1)"/><use href="#chart-a-clip1"/>',
    );
    const { svg } = await renderSvg(chartsFor(fixtureSummary())[0]!.spec);
    expect(scopeSvgIds(svg, 'x')).toBe(svg.replace(/id="/g, 'id="x-').replace(/url\(#/g, 'url(#x-'));
  });
});

describe('buildReport', () => {
  it('maps report.html and each chart’s spec, SVG and PNG to their relative paths', async () => {
    const files = await buildReport(coreSummary());
    expect(Object.keys(files).sort()).toEqual(
      ['report.html', ...['utilisation', 'wait-distribution', 'losses'].flatMap((n) => ['vl.json', 'svg', 'png'].map((e) => `charts/${n}.${e}`))].sort(),
    );
    const png = files['charts/utilisation.png'] as Uint8Array;
    expect(png).toBeInstanceOf(Uint8Array);
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(JSON.parse(files['charts/utilisation.vl.json'] as string)).toMatchObject({ title: 'Utilisation by station (whole day)' });
  });
});
