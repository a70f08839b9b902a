import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { metricCatalogue } from '../src/metrics/catalogue.js';

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
});
