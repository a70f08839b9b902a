/** A lever's settling sees the means of its sets, its own metrics included, whatever lever list it runs with. */
import { describe, expect, it } from 'vitest';
import { defineLever, type Lever, type SetMeans } from '../../src/levers/lever.js';
import { defaultLevers } from '../../src/levers/registry.js';
import { settleModel } from '../../src/run/settle.js';
import { modelOf } from '../model-of.js';

describe('settling with a lever list of the caller’s own', () => {
  it('gives the lever the means of its own metrics (the set\'s layout is that of the levers run)', () => {
    const seen: SetMeans[] = [];
    const probe = defineLever<{ on: true }>({
      name: 'probe',
      resolve: () => ({ on: true }),
      metrics: [{ name: 'probeCount', scopes: ['system'], kind: 'count', description: 'a constant, to be seen' }],
      install: (_system, _config, context) => ({ collect: () => ({ metrics: { probeCount: 7 + context.replication } }) }),
      *settle(model, config) {
        seen.push(yield model);
        return config;
      },
    });
    const levers: readonly Lever[] = [...defaultLevers, probe];
    const scenario = {
      name: 'probe',
      seed: 1,
      replications: 2,
      time: { horizon: 60 },
      stations: [{ id: 's', servers: 1, service: { dist: 'exponential', mean: 1 } }],
      segments: [{ id: 'a', arrivals: { rate: 0.5 }, route: ['s'] }],
    };
    settleModel(modelOf(scenario, levers), 1, 2, levers);
    expect(seen).toHaveLength(1);
    expect(seen[0]!.metrics.probeCount).toBe(7.5); // the mean of 7 and 8
  });
});
