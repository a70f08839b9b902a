import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot, scenarioFile, tempDir } from './cli.js';

const trivial = `
name: Trivial
seed: 1
replications: 1
time: { horizon: 1 }
stations:
  - { id: desk, servers: 1, service: 1 }
segments:
  - { id: walkIn, arrivals: { rate: 0.5 }, route: [desk] }
`;

/** Demand that moves with the expected waits: settled by whole sets of replications first. */
const settling = `
name: Settling
seed: 1
replications: 1
time: { horizon: 20, periods: [{ name: early, start: 0 }, { name: late, start: 10 }] }
stations:
  - { id: desk, servers: 1, service: { dist: exponential, mean: 1 } }
segments:
  - id: walkIn
    arrivals: { rate: { early: 0.5, late: 0.8 } }
    route: [desk]
    pricing: { elasticity: -0.5, valueOfWaiting: 0.5 }
pricing: { referencePrice: 4, price: { early: 3, late: 4 }, response: logit, congestion: { valueOfWaiting: 0.5 } }
`;

/** Peak memory (kB, whole process) of `queuesim run` of a scenario (the trivial one) with `reps` replications. */
function peakMemory(reps: number, text = trivial): number {
  const result = spawnSync(process.execPath, [join(projectRoot, 'test/cli/max-rss.mjs'), 'run', scenarioFile('scenario.yaml', text), '--out', tempDir(), '--quiet', '--workers', '1', '--reps', String(reps)], {
    cwd: projectRoot,
    encoding: 'utf8',
  });
  expect(result.status, result.stderr).toBe(0);
  return Number(/maxRSS (\d+)/.exec(result.stderr)![1]);
}

describe('memory of queuesim run', () => {
  it('does not grow with the number of replications (10 times the replications, about the same peak)', () => {
    const few = peakMemory(5_000);
    const many = peakMemory(50_000);
    // Kept in memory (before streaming), 50,000 replications took 2.0 times the peak of
    // 5,000; streamed, 1.1-1.35 times (the heaps growing to their working size, measured
    // flat from there to 600,000 replications).
    expect(many / few).toBeLessThan(1.5);
  });

  it('nor while a lever settles by whole sets of replications (pricing congestion)', () => {
    const few = peakMemory(1_000, settling);
    const many = peakMemory(10_000, settling);
    // Measured (maxRSS, as here, with the report): with each set's results kept until its
    // means were taken, 247 MB at 1,000 and 654 MB at 10,000 (2.6 times); with the means summed
    // as the rows come, 200 and 228 MB (1.14).
    expect(many / few).toBeLessThan(1.5);
  }, 60_000);
});
