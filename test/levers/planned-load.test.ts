/**
 * The load planned before a run (levers/planned-load.ts, channels/visits.ts): a choice between
 * stations shares its segment's customers instead of sending all of them to each station, and
 * the experience's failure probability f(ρ) and staff's first guess read that share.
 */
import { describe, expect, it } from 'vitest';
import { runReplications } from '../../src/index.js';
import { plannedUtilisation, plannedVisitRates } from '../../src/levers/planned-load.js';
import { defaultLevers } from '../../src/levers/registry.js';
import { stationDemand } from '../../src/run/staff-start.js';
import { modelOf } from '../model-of.js';

const twoDesks = (route: unknown[], extra: Record<string, unknown> = {}) => ({
  name: 'Two desks',
  seed: 5,
  replications: 20,
  time: { horizon: 1000, periods: [{ name: 'am', start: 0 }, { name: 'pm', start: 500 }] },
  stations: [
    { id: 'a', servers: 1, service: { dist: 'exponential', mean: 1 } },
    { id: 'b', servers: { am: 1, pm: 3 }, service: { dist: 'exponential', mean: 1 } },
    { id: 'kiosk', servers: 1, selfService: { adoption: 0.2 }, service: { dist: 'exponential', mean: 2 } },
  ],
  segments: [{ id: 'c', arrivals: { rate: 1.4 }, route }],
  experience: {},
  ...extra,
});

const round = (rows: number[][]) => rows.map((row) => row.map((x) => Math.round(x * 1e9) / 1e9));

describe('the planned load of each station', () => {
  it('a plain route: every customer visits every station of it', () => {
    const model = modelOf(twoDesks(['a', 'b']));
    expect(plannedVisitRates(model, defaultLevers)).toEqual([
      [
        [1.4, 1.4],
        [1.4, 1.4],
      ],
    ]);
    expect(round(plannedUtilisation(model, defaultLevers))).toEqual(
      round([
        [1.4, 1.4],
        [1.4, 1.4 / 3],
        [0, 0],
      ]),
    );
  });

  it('a choice by shares splits by them; a step some skip loses that share', () => {
    const model = modelOf(twoDesks([{ choose: ['a', 'b'], shares: { a: 1, b: 3 } }, { choose: ['kiosk', 'b'], shares: { kiosk: 1, b: 1 }, skip: 0.5 }]));
    // Visit slots a, b, kiosk, b. The kiosk is self-service: of the half that do not skip the
    // second step, the 80% who do not adopt it go to b; the 20% who do split 1:1.
    expect(round(plannedVisitRates(model, defaultLevers)[0]!)).toEqual(
      round([
        [1.4 * 0.25, 1.4 * 0.25],
        [1.4 * 0.75, 1.4 * 0.75],
        [1.4 * 0.5 * 0.2 * 0.5, 1.4 * 0.5 * 0.2 * 0.5],
        [1.4 * 0.5 * (0.8 + 0.2 * 0.5), 1.4 * 0.5 * (0.8 + 0.2 * 0.5)],
      ]),
    );
  });

  it('the shortest line and the least expected wait share by capacity in each period, among the stations each customer uses', () => {
    const model = modelOf(twoDesks([{ choose: ['a', 'b', 'kiosk'], by: 'leastExpectedWait' }]));
    // 80% do not use the kiosk: a and b by capacity, 1:1 in am, 1:3 in pm. 20% do: capacities 1, 1, 0.5 in am; 1, 3, 0.5 in pm.
    const am = [0.8 * 0.5 + 0.2 * 0.4, 0.8 * 0.5 + 0.2 * 0.4, 0.2 * 0.2];
    const pm = [0.8 * 0.25 + 0.2 * (1 / 4.5), 0.8 * 0.75 + 0.2 * (3 / 4.5), 0.2 * (0.5 / 4.5)];
    expect(round(plannedVisitRates(model, defaultLevers)[0]!)).toEqual(round(am.map((share, k) => [1.4 * share, 1.4 * pm[k]!])));
  });

  it('services fail at f(ρ) of the shared load: two desks at 0.7 each fail 2% of the time, not f(1.4)', () => {
    const { summary } = runReplications(modelOf(twoDesks([{ choose: ['a', 'b'], shares: { a: 1, b: 1 } }], { time: { horizon: 2000 }, stations: twoDesks([]).stations.slice(0, 2).map((s) => ({ ...s, servers: 1 })) })));
    const served = summary.metrics.served!.mean! * 20;
    const failed = summary.metrics.serviceFailures!.mean! * 20;
    // f(0.7) = f₀ = 0.02 below ρ_opt 0.8 (models.md §6.6); f(1.4) would be 0.32. A binomial 99.9% interval:
    const share = failed / served;
    expect(Math.abs(share - 0.02)).toBeLessThan(3.3 * Math.sqrt((0.02 * 0.98) / served));
  });

  it("staff's first guess sees each desk's share of the demand", () => {
    const model = modelOf(twoDesks([{ choose: ['a', 'b'], shares: { a: 1, b: 1 } }]));
    expect(stationDemand(model, 0).rates).toEqual([0.7, 0.7]);
    expect(stationDemand(model, 1).rates).toEqual([0.7, 0.7]);
  });
});
