import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadScenario, runReplications, validateScenario } from '../../src/index.js';
import { projectRoot } from '../cli/cli.js';
import { pinnedModels, pinnedPart } from './pinned-results.js';

const fixture = (key: string) => readFileSync(join(projectRoot, 'test/fixtures/pinned', `${key}.json`), 'utf8');

describe('pinned results: scenarios without new keys give exactly what they gave before', () => {
  it('the bank branch scenario’s summary.json is byte-identical', () => {
    const file = join(projectRoot, 'scenarios/bank-branch.yaml');
    const loaded = loadScenario(readFileSync(file, 'utf8'), file);
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems));
    expect(pinnedPart(runReplications(loaded.model).summary, fixture('bank-branch'))).toBe(fixture('bank-branch'));
  });

  for (const [key, scenario] of Object.entries(pinnedModels)) {
    it(`${key} is byte-identical`, () => {
      const loaded = validateScenario(scenario);
      if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems));
      expect(pinnedPart(runReplications(loaded.model).summary, fixture(key))).toBe(fixture(key));
    });
  }
});
