import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { metricCatalogue } from '../src/metrics/catalogue.js';
import { chartBuilders, chartsFor } from '../src/report/charts/index.js';
import { fixtureSummary } from './report/fixture.js';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');

describe('README', () => {
  it('lists every metric in its metric table, with the catalogue’s scopes and meaning', () => {
    for (const metric of metricCatalogue()) {
      expect(readme).toContain(`| \`${metric.name}\` | ${metric.scopes.join(', ')} | ${metric.kind} | ${metric.description} |`);
    }
  });

  it('gives the two set-up commands', () => {
    expect(readme).toContain('npm install && npm start');
    expect(readme).toContain('npm test');
  });

  it('embeds a chart image of the bank scenario that is in the repository', () => {
    const images = [...readme.matchAll(/!\[[^\]]+\]\((docs\/[\w-]+\.(?:svg|png))\)/g)].map((m) => m[1]!);
    expect(images.length).toBeGreaterThan(0);
    for (const image of images) expect(existsSync(new URL(`../${image}`, import.meta.url))).toBe(true);
  });

  it('says where the report is and lists every chart the report can show', () => {
    expect(readme).toContain('out/bank-branch-weekday/report.html');
    const names = chartsFor(fixtureSummary()).map((chart) => chart.name);
    expect(names).toHaveLength(chartBuilders.length);
    for (const name of names) expect(readme).toMatch(new RegExp(`\\| \`${name}\` \\|`));
  });
});
