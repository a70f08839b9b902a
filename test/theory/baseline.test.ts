/**
 * The analytic baseline against long simulations where its model is exact: the mean wait of
 * served customers in Erlang-A (which no closed form in analytic/ gives) and in M/M/c/K, and
 * the abandonment share, inside the simulator's 95% CI.
 */
import { describe, it } from 'vitest';
import { baselineFor } from '../../src/baseline/baseline.js';
import { validateScenario } from '../../src/index.js';
import { expectInCi, runScenario } from './expect-in-ci.js';

const cases = [
  { name: 'Erlang A (M/M/3+M, λ = 3.2, θ = 0.5)', seed: 303, station: {}, patience: { dist: 'exponential', mean: 2 } },
  { name: 'M/M/3/K (3 places)', seed: 302, station: { queueCapacity: 3 }, patience: undefined },
];

describe.each(cases)('$name: baseline against 30 long replications', ({ name, seed, station, patience }) => {
  const scenario = {
    name,
    seed,
    replications: 30,
    time: { horizon: 20_000, warmup: 200, drain: false },
    stations: [{ id: 'desk', servers: 3, service: { dist: 'exponential', mean: 1 }, ...station }],
    segments: [{ id: 'all', arrivals: { rate: 3.2 }, route: ['desk'], ...(patience ? { patience } : {}) }],
  };
  it('served customers’ mean wait and the share lost lie in the simulated CIs', () => {
    const loaded = validateScenario(scenario);
    if (!loaded.ok) throw new Error('invalid');
    const row = baselineFor(loaded.model, 0, 0);
    const { summary } = runScenario(scenario);
    expectInCi(summary.stations.desk!.waitMean, row.metrics.waitMean!, `${name} waitMean`);
    expectInCi(summary.stations.desk!.abandonmentRate, row.metrics.abandonmentRate!, `${name} abandonmentRate`);
    expectInCi(summary.stations.desk!.utilisation, row.metrics.utilisation!, `${name} utilisation`, { maxRelativeHalfWidth: 0.01 });
  });
});
