import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { loadScenario, scenarioJsonSchema } from '../../src/index.js';

const folder = new URL('../../scenarios/', import.meta.url).pathname;
const files = readdirSync(folder).filter((f) => /\.(ya?ml|json)$/.test(f));
const validateWithJsonSchema = new Ajv2020({ allErrors: true, strict: false }).compile(scenarioJsonSchema());

describe('bundled scenarios and the published JSON Schema', () => {
  it('there is at least the bank branch scenario', () => {
    expect(files).toContain('bank-branch.yaml');
  });

  it.each(files)('%s loads without problems and passes the JSON Schema', (file) => {
    const text = readFileSync(join(folder, file), 'utf8');
    const loaded = loadScenario(text, file);
    expect(loaded.ok ? [] : loaded.problems).toEqual([]);
    expect(validateWithJsonSchema(parse(text)), JSON.stringify(validateWithJsonSchema.errors)).toBe(true);
  });

  it('the JSON Schema rejects what the loader rejects for shape: unknown keys, wrong types, bad distributions', () => {
    const bank = parse(readFileSync(join(folder, 'bank-branch.yaml'), 'utf8'));
    const broken = [
      { ...bank, queueCapcity: 3 },
      { ...bank, time: { ...bank.time, horizon: 'all day' } },
      { ...bank, stations: [{ ...bank.stations[0], service: { dist: 'exponential', mean: 2, sd: 1 } }] },
      { ...bank, segments: [{ ...bank.segments[0], arrivals: { rate: -1 } }] },
    ];
    for (const scenario of broken) {
      expect(validateWithJsonSchema(scenario)).toBe(false);
      expect(loadScenario(JSON.stringify(scenario), 'broken.json').ok).toBe(false);
    }
  });
});
