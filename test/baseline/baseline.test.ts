import { describe, expect, it } from 'vitest';
import { analyticBaseline, baselineFor } from '../../src/baseline/baseline.js';
import { validateScenario } from '../../src/scenario/load.js';
import type { Model } from '../../src/model/model.js';
import { modelOf } from '../model-of.js';

function model(station: Record<string, unknown>, segments: Record<string, unknown>[], time: Record<string, unknown> = { horizon: 100 }): Model {
  const loaded = validateScenario({ name: 'baseline', time, stations: [{ id: 'desk', ...station }], segments });
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems));
  return loaded.model;
}

/** M/M/c with offered load A (μ = 1 per time unit). */
const mmc = (c: number, load: number, extra: Record<string, unknown> = {}) =>
  model({ servers: c, service: { dist: 'exponential', mean: 1 }, ...extra }, [{ id: 'all', arrivals: { rate: load }, route: ['desk'] }]);

describe('analytic baseline', () => {
  it.each([
    [10, 10, 0.214582],
    [12, 10, 0.119739],
    [5, 3, 0.110054],
    [12, 12, 0.198567],
    [15, 12, 0.085729],
    [18, 12, 0.026543],
  ])('is Erlang B without waiting places: B(%i, %i) = %f (models.md V2)', (c, load, blocking) => {
    const row = baselineFor(mmc(c, load, { queueCapacity: 0 }), 0, 0);
    expect(row.model).toBe('Erlang B');
    expect(row.exact).toBe(true);
    expect(row.metrics.abandonmentRate).toBeCloseTo(blocking, 6);
    expect(row.metrics.waitMean).toBe(0);
  });

  it('counts in Erlang B only the customers let in as busy: c = 2, A = 2 gives B = 0.4 and utilisation 0.6', () => {
    // By hand: B(1, 2) = 2/3, B(2, 2) = 2·B(1, 2)/(2 + 2·B(1, 2)) = 0.4; busy = A(1 − B) = 1.2 of 2 servers.
    const row = baselineFor(mmc(2, 2, { queueCapacity: 0 }), 0, 0);
    expect(row.metrics.abandonmentRate).toBeCloseTo(0.4, 12);
    expect(row.metrics.utilisation).toBeCloseTo(0.6, 12);
  });

  it('uses Erlang B whatever the service distribution (insensitivity), and calls it exact', () => {
    const row = baselineFor(model({ servers: 12, queueCapacity: 0, service: { dist: 'lognormal', mean: 45, sd: 80 } }, [{ id: 'parties', arrivals: { rate: 16 / 60 }, route: ['desk'] }]), 0, 0);
    expect(row).toMatchObject({ model: 'Erlang B', exact: true });
    expect(row.metrics.abandonmentRate).toBeCloseTo(0.198567, 6); // the restaurant of V2: 16 parties/h × 45 min
  });

  it.each([
    [2, 1, 1 / 3],
    [5, 3, 0.236152],
    [11, 10, 0.682118],
    [12, 10, 0.449388],
    [15, 10, 0.102042],
  ])('is Erlang C with an unlimited line: C(%i, %i) = %f (models.md V3)', (c, load, delay) => {
    const row = baselineFor(mmc(c, load), 0, 0);
    expect(row).toMatchObject({ model: 'Erlang C', exact: true });
    expect(row.pWait).toBeCloseTo(delay, 6);
    const exactDelay = row.pWait!;
    expect(row.metrics.waitMean).toBeCloseTo(exactDelay / (c - load), 12);
    expect(row.metrics.utilisation).toBeCloseTo(load / c, 12);
    expect(row.metrics.waitP90).toBeCloseTo(exactDelay <= 0.1 ? 0 : Math.log(exactDelay / 0.1) / (c - load), 12);
  });

  it('gives V3b in hours: λ = 100/h, E[S] = 6 min, N = 12: E[Wq] = 0.022469 h, Lq = 2.24694', () => {
    const row = baselineFor(model({ servers: 12, service: { dist: 'exponential', mean: 0.1 } }, [{ id: 'calls', arrivals: { rate: 100 } , route: ['desk'] }], { unit: 'hour', horizon: 8 }), 0, 0);
    expect(row.metrics.waitMean).toBeCloseTo(0.022469, 6);
    expect(row.metrics.queueLengthMean).toBeCloseTo(2.24694, 5);
  });

  it('merges segments that start at the station, and is Erlang A with one exponential patience', () => {
    const m = model({ servers: 3, service: { dist: 'exponential', mean: 1 } }, [
      { id: 'a', arrivals: { rate: 1.5 }, route: ['desk'], patience: { dist: 'exponential', mean: 4 } },
      { id: 'b', arrivals: { rate: 1.5 }, route: ['desk'], patience: { dist: 'exponential', mean: 4 } },
    ]);
    const row = baselineFor(m, 0, 0);
    expect(row).toMatchObject({ model: 'Erlang A', arrivalRate: 3, patienceRate: 0.25, exact: true });
  });

  it('treats balkAt as waiting places (M/M/c/K), and marks a mix of service means as approximate', () => {
    const m = model({ servers: 2 }, [
      { id: 'a', arrivals: { rate: 0.5 }, route: ['desk'], service: { desk: { dist: 'exponential', mean: 1 } }, balkAt: 3 },
      { id: 'b', arrivals: { rate: 0.5 }, route: ['desk'], service: { desk: { dist: 'exponential', mean: 2 } }, balkAt: 3 },
    ]);
    const row = baselineFor(m, 0, 0);
    expect(row).toMatchObject({ model: 'M/M/c/K', places: 3, exact: false, serviceMean: 1.5 });
    expect(row.notes[0]).toMatch(/not exponential/);
  });

  it('leaves out what the formulas cannot describe, saying why', () => {
    const reason = (m: Model) => baselineFor(m, 0, 0).unsupported;
    expect(reason(mmc(2, 3))).toMatch(/overloaded/);
    expect(reason(mmc(2, 2))).toMatch(/overloaded: offered load 2.00 ≥ 2 servers/); // ρ = 1: no steady state either
    // A huge waiting room, overloaded: it fills past the states the formula solves.
    expect(reason(mmc(1, 60, { queueCapacity: 1_000_000_000 }))).toBe('its law reaches past 2,000,000 customers present at once: too many states to solve');
    expect(reason(model({ servers: 2, service: 1 }, [{ id: 'a', arrivals: { rate: 1 }, route: ['desk'] }]))).toMatch(/far from exponential/);
    expect(reason(model({ servers: 2, service: { dist: 'exponential', mean: 1 } }, [{ id: 'a', arrivals: { rate: 1 }, route: ['desk'], patience: 5 }]))).toMatch(/patience of a is not exponential/);
    const tandem = validateScenario({
      name: 'tandem',
      time: { horizon: 100 },
      stations: [{ id: 'first', servers: 2, service: { dist: 'exponential', mean: 1 } }, { id: 'second', servers: 2, service: { dist: 'exponential', mean: 1 } }],
      segments: [{ id: 'a', arrivals: { rate: 1 }, route: ['first', 'second'] }],
    });
    if (!tandem.ok) throw new Error('invalid');
    const rows = analyticBaseline(tandem.model);
    expect(rows.map((r) => r.model)).toEqual(['Erlang C', undefined]);
    expect(rows[1]!.unsupported).toMatch(/come from another station/);
  });

  it('stands beside money, which only keeps accounts, but not beside a lever that changes who comes', () => {
    const withLever = (lever: Record<string, unknown>) => {
      const model = modelOf({ name: 'lever', time: { horizon: 100 }, stations: [{ id: 'desk', servers: 3, service: { dist: 'exponential', mean: 1 } }], segments: [{ id: 'all', arrivals: { rate: 2 }, route: ['desk'] }], ...lever });
      return baselineFor(model, 0, 0);
    };
    const plain = baselineFor(mmc(3, 2), 0, 0);
    const money = withLever({ money: { price: 5, staffCostPerHour: 20 } });
    expect(money.model).toBe('Erlang C');
    expect(money.metrics).toEqual(plain.metrics);
    expect(withLever({ pricing: { referencePrice: 4, price: 5 } }).unsupported).toBe('the pricing lever changes how customers come and join');
    // A lever of the library user's own (loaded with its own lever list): not known to keep the flow.
    const own = { ...mmc(3, 2), levers: { queueJumping: { share: 0.1 } } };
    expect(baselineFor(own, 0, 0).unsupported).toBe('the queueJumping lever changes how customers come and join');
  });

  it('gives one row per station and period, with that period’s servers and rates', () => {
    const m = model({ servers: { am: 2, pm: 4 }, service: { dist: 'exponential', mean: 1 } }, [{ id: 'a', arrivals: { rate: { am: 1, pm: 3 } }, route: ['desk'] }], {
      horizon: 100,
      periods: [{ name: 'am', start: 0 }, { name: 'pm', start: 50 }],
    });
    expect(analyticBaseline(m).map((r) => [r.period, r.servers, r.arrivalRate])).toEqual([['am', 2, 1], ['pm', 4, 3]]);
  });
});
