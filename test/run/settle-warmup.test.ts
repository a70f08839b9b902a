/**
 * The warm-up says which customers the statistics count, never what is simulated: an
 * equilibrium a lever settles before the replications (pricing's demand that avoids the
 * waits it causes) is the same with or without one.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/index.js';
import { settleModel } from '../../src/run/settle.js';

function cafe(warmup: number) {
  const file = fileURLToPath(new URL('../../scenarios/cafe-off-peak-discount.yaml', import.meta.url));
  const text = readFileSync(file, 'utf8').replace(/^time:\n/m, `time:\n  warmup: ${warmup}\n`);
  const loaded = loadScenario(text, file);
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems));
  return loaded.model;
}

describe('settling and the warm-up', () => {
  it('the café’s settled demand is the same with a warm-up of 0, 60 or 240', () => {
    const settled = [0, 60, 240].map((warmup) => {
      const model = cafe(warmup);
      expect(model.warmup).toBe(warmup);
      return settleModel(model, model.seed, 6).levers.pricing;
    });
    expect(settled[1]).toEqual(settled[0]);
    expect(settled[2]).toEqual(settled[0]);
  });
});
