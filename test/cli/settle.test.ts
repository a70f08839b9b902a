/**
 * A model of a multi-run command whose pricing equilibrium does not settle (a variant, a sweep
 * point, a staffing tried) is a problem of that model, reported as `run` reports a file's:
 * one line naming it, exit 2, nothing written; never an internal error.
 */
import { existsSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { queuesim, scenarioFile, tempDir } from './cli.js';

// Settles in a few steps by default; with maxIterations: 1 it cannot.
const desk = `
name: Priced desk
seed: 3
replications: 4
time: { horizon: 240, periods: [{ name: a, start: 0 }, { name: b, start: 120 }] }
stations: [{ id: desk, servers: 2, service: { dist: exponential, mean: 3 } }]
segments: [{ id: c, arrivals: { rate: 0.6 }, route: [desk] }]
pricing: { referencePrice: 5, price: { a: 4, b: 6 }, congestion: { valueOfWaiting: 0.2 } }
`;
const unsettled = /: pricing\.congestion: the demand split did not settle: after 1 iteration .*; nothing was written\.\n$/;

describe('a model that does not settle', () => {
  it.each([
    ['compare names the variant', ['compare', '--set', 'stuck: pricing.congestion.maxIterations=1'], /^error: variant "stuck"/],
    ['sweep names the point', ['sweep', '--vary', 'pricing.congestion.maxIterations=30,1'], /^error: the point pricing\.congestion\.maxIterations=1/],
  ])('%s, exits 2 and writes nothing', (_, [command, ...rest], named) => {
    const out = tempDir();
    const result = queuesim([command!, scenarioFile('desk.yaml', desk), ...rest, '--out', out, '--quiet']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(named);
    expect(result.stderr).toMatch(unsettled);
    expect(result.stderr).not.toMatch(/internal error/);
    expect(existsSync(out) ? readdirSync(out) : []).toEqual([]);
  });

  it.each([
    ['compare', ['compare', '--set', 'stuck: pricing.congestion.maxIterations=1'], /^error: variant "stuck" \(.*desk\.yaml\): pricing\.congestion: the demand split did not settle/],
    ['sweep', ['sweep', '--vary', 'pricing.congestion.maxIterations=30,1'], /^error: the point pricing\.congestion\.maxIterations=1 \(.*desk\.yaml\): pricing\.congestion: the demand split did not settle/],
  ])('a shard of %s names the model too', (_, [command, ...rest], named) => {
    const out = tempDir();
    const result = queuesim([command!, scenarioFile('desk.yaml', desk), ...rest, '--out', out, '--quiet', '--shard', '2/2']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(named);
  });

  it('staff names the staffing it tried, exits 2 and writes nothing', () => {
    const out = tempDir();
    const result = queuesim(['staff', scenarioFile('stuck.yaml', desk.replace('valueOfWaiting: 0.2', 'valueOfWaiting: 0.2, maxIterations: 1')), '--target', 'waitP90<=2', '--out', out, '--quiet']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^error: the staffing tried \(desk \d+\/\d+\)/m);
    expect(result.stderr).toMatch(unsettled);
    expect(existsSync(out) ? readdirSync(out) : []).toEqual([]);
  });
});
