/**
 * The pricing lever through the normal scenario path: models.md V17 and V18 in the demand it
 * resolves, its checks, and the promise that charged prices equal to the reference prices
 * run exactly the unpriced scenario.
 */
import { describe, expect, it } from 'vitest';
import { runReplications, simulate, validateScenario, type Model } from '../../src/index.js';
import type { PricingConfig } from '../../src/pricing/config.js';
import { numericalElasticity } from '../../src/pricing/demand.js';
import { pricedRates } from '../../src/pricing/segment-demand.js';
import { modelOf } from '../model-of.js';

const PEAK = 0;
const OFF = 1;

/** V17 as a scenario: two periods of 100 time units, base demand 60 / 20, "not at all" 20 of a market of 100. */
const v17 = (pricing: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
  name: 'V17',
  replications: 3,
  time: { horizon: 200, periods: [{ name: 'peak', start: 0 }, { name: 'off', start: 100 }] },
  stations: [{ id: 'desk', servers: 1, service: { dist: 'exponential', mean: 1 } }],
  segments: [{ id: 'all', arrivals: { rate: { peak: 0.6, off: 0.2 } }, route: ['desk'] }],
  pricing: { referencePrice: 10, calibrateOn: 'off', elasticity: -0.8, noPurchaseShare: 0.2, ...pricing },
  ...extra,
});

const pricingOf = (model: Model) => model.levers.pricing as PricingConfig;
const problemsOf = (scenario: unknown) => {
  const loaded = validateScenario(scenario);
  return loaded.ok ? [] : loaded.problems.map((p) => `${p.path.join('.')}: ${p.message}`).sort();
};

describe('V17 through the lever: a 20% off-peak discount in the logit', () => {
  const segment = pricingOf(modelOf(v17({ price: { peak: 10, off: 8 } }))).segments[0]!;
  const market = 100;

  it('is calibrated to β_p = 0.1, α_P = 2.098612, α_O = 1.0', () => {
    expect(segment.choice!.model.betaPrice).toBeCloseTo(0.1, 12);
    expect(segment.choice!.model.alpha[PEAK]).toBeCloseTo(2.098612, 6);
    expect(segment.choice!.model.alpha[OFF]).toBeCloseTo(1.0, 12);
  });

  it('gives shares 0.574558 / 0.233922 / 0.191519', () => {
    const [peak, off] = segment.account.priced;
    expect(peak! / market).toBeCloseTo(0.574558, 6);
    expect(off! / market).toBeCloseTo(0.233922, 6);
    expect(1 - (peak! + off!) / market).toBeCloseTo(0.191519, 6);
  });

  it('moves off-peak demand +16.96% and peak −4.24%', () => {
    expect((segment.pricedRates[OFF]! / 0.2 - 1) * 100).toBeCloseTo(16.96, 2);
    expect((segment.pricedRates[PEAK]! / 0.6 - 1) * 100).toBeCloseTo(-4.24, 2);
  });

  it('accounts 75.0% of the new off-peak demand as shifted from the peak (IIA)', () => {
    const { account } = segment;
    const newOffPeak = account.priced[OFF]! - account.base[OFF]!;
    expect((account.shifted[PEAK]![OFF]! / newOffPeak) * 100).toBeCloseTo(75.0, 1);
    expect((account.shiftedIn[OFF]! / newOffPeak) * 100).toBeCloseTo(75.0, 1);
    expect(account.lostToPrice).toEqual([0, 0]);
  });

  it('has numerical own elasticity −0.79998 and cross elasticity +0.2 at the reference prices', () => {
    const base = pricingOf(modelOf(v17({}))).segments[0]!;
    const offDemand = (prices: readonly number[]) => pricedRates(base, prices)[OFF]!;
    const peakDemand = (prices: readonly number[]) => pricedRates(base, prices)[PEAK]!;
    expect(numericalElasticity(offDemand, [10, 10], OFF)).toBeCloseTo(-0.79998, 5);
    expect(numericalElasticity(peakDemand, [10, 10], OFF)).toBeCloseTo(0.2, 4);
  });

  it('an off-peak promotion δ = 0.2 acts like the discount (§5.4)', () => {
    const promoted = pricingOf(modelOf(v17({ promotion: { off: 0.2 } }))).segments[0]!;
    expect(promoted.pricedRates[OFF]).toBeCloseTo(segment.pricedRates[OFF]!, 12);
  });

  it('the nested logit (λ = 0.5) draws more of the new off-peak demand from the peak', () => {
    const nested = pricingOf(modelOf(v17({ price: { peak: 10, off: 8 }, response: 'nestedLogit' }))).segments[0]!;
    const { account } = nested;
    const fromPeak = account.shifted[PEAK]![OFF]! / (account.priced[OFF]! - account.base[OFF]!);
    expect(fromPeak).toBeGreaterThan(0.8);
    expect(numericalElasticity((p) => pricedRates(pricingOf(modelOf(v17({ response: 'nestedLogit' }))).segments[0]!, p)[OFF]!, [10, 10], OFF, 1e-7)).toBeCloseTo(-0.8, 5);
  });
});

describe('V18 through the lever: one period, a 20% discount, ε = −0.8', () => {
  const single = (response: string) =>
    pricingOf(
      modelOf({
        name: 'V18',
        time: { horizon: 100 },
        stations: [{ id: 'desk', servers: 1, service: 1 }],
        segments: [{ id: 'all', arrivals: { rate: 0.5 }, route: ['desk'] }],
        pricing: { referencePrice: 10, price: 8, response },
      }),
    ).segments[0]!;

  it('constant elasticity multiplies demand by 1.195441', () => {
    const segment = single('constantElasticity');
    expect(segment.pricedRates[0]! / segment.baseRates[0]!).toBeCloseTo(1.195441, 6);
    expect(segment.account.gainedFromPrice[0]).toBeCloseTo(50 * 0.195441, 4);
  });

  it('linear elasticity multiplies demand by 1.16', () => {
    const segment = single('linearElasticity');
    expect(segment.pricedRates[0]! / segment.baseRates[0]!).toBeCloseTo(1.16, 12);
  });

  it('fixed demand does not move', () => {
    expect(single('fixed').pricedRates).toEqual([0.5]);
  });
});

describe('segments respond differently (§5.5)', () => {
  it('a price-sensitive segment moves more than a time-sensitive one under the same discount', () => {
    const model = modelOf({
      ...v17({ price: { peak: 10, off: 8 } }),
      segments: [
        { id: 'office', arrivals: { rate: { peak: 0.36, off: 0.12 } }, route: ['desk'], pricing: { elasticity: -0.3 } },
        { id: 'students', arrivals: { rate: { peak: 0.24, off: 0.08 } }, route: ['desk'], pricing: { elasticity: -1.6, price: { peak: 10, off: 7 } } },
      ],
    });
    const [office, students] = pricingOf(model).segments;
    const rise = (s: typeof office) => s!.pricedRates[OFF]! / s!.baseRates[OFF]! - 1;
    expect(rise(students)).toBeGreaterThan(3 * rise(office));
    expect(students!.prices).toEqual([10, 7]);
    expect(office!.prices).toEqual([10, 8]);
  });
});

describe('charged prices equal to the reference prices', () => {
  const plain = modelOf({ ...v17({}), pricing: undefined });

  it('simulate exactly the unpriced scenario, replication by replication', () => {
    const priced = modelOf(v17({ price: { peak: 10, off: 10 } }));
    expect(pricingOf(priced).segments[0]!.pricedRates).toEqual([0.6, 0.2]);
    for (let r = 0; r < 3; r++) {
      const withPrices = simulate(priced, r);
      const without = simulate(plain, r);
      expect(withPrices.metrics).toMatchObject(without.metrics);
      expect(withPrices.periods.map((p) => p.segments)).toMatchObject(without.periods.map((p) => p.segments));
      expect(withPrices.metrics.pricedDemand).toBe(80);
      expect(withPrices.metrics.lostToPrice).toBe(0);
    }
  });

  it('with any response, and with the congestion term settled on the scenario itself', () => {
    for (const response of ['logit', 'nestedLogit', 'constantElasticity', 'linearElasticity', 'fixed']) {
      const model = modelOf(v17({ response, referencePrice: { peak: 12, off: 9 }, price: { peak: 12, off: 9 } }));
      expect(pricingOf(model).segments[0]!.pricedRates).toEqual([0.6, 0.2]);
    }
    const congested = runReplications(modelOf(v17({ congestion: { valueOfWaiting: 2 } })));
    const unpriced = runReplications(plain);
    for (const name of Object.keys(unpriced.summary.metrics)) expect(congested.summary.metrics[name]).toEqual(unpriced.summary.metrics[name]);
    expect(congested.summary.levers?.pricing?.congestion).toMatchObject({ iterations: 1, change: 0 });
  });

  it('leave the scenario that does not use pricing exactly as the core runs it', () => {
    expect(plain.levers).toEqual({});
  });
});

describe('the priced run', () => {
  it('simulates the priced rates: arrivals follow pricedDemand', () => {
    const model = modelOf({ ...v17({ price: { peak: 14, off: 6 } }), replications: 40 });
    const { summary } = runReplications(model);
    const off = summary.periods!.off!;
    const [lo, hi] = off.metrics.arrivals!.ci95!;
    expect(off.metrics.pricedDemand!.mean!).toBeGreaterThan(lo);
    expect(off.metrics.pricedDemand!.mean!).toBeLessThan(hi);
    expect(off.metrics.pricedDemand!.mean!).toBeGreaterThan(25);
  });

  it('reports the calibration and the flows once for the run', () => {
    const { summary } = runReplications(modelOf(v17({ price: { peak: 10, off: 8 } })));
    const described = summary.levers!.pricing as { segments: Record<string, { betaPrice: number; periods: Record<string, { shiftedTo: Record<string, number> }> }> };
    expect(described.segments.all!.betaPrice).toBeCloseTo(0.1, 12);
    expect(described.segments.all!.periods.peak!.shiftedTo.off).toBeCloseTo(2.544176, 5);
  });
});

describe('checks', () => {
  it('per-period prices name every period, and calibrateOn and promotions name periods', () => {
    expect(problemsOf(v17({ price: { peak: 10, of: 8 }, calibrateOn: 'offf', promotion: { lunch: 0.2 } }))).toEqual([
      'pricing.calibrateOn: unknown period "offf" (did you mean "off"?)',
      'pricing.price.of: unknown period "of" (did you mean "off"?)',
      'pricing.price: gives no value for period off',
      'pricing.promotion.lunch: unknown period "lunch"',
    ]);
  });

  it('refuses logit-only keys without a logit response, and a segment pricing without the top-level one', () => {
    expect(problemsOf(v17({ response: 'constantElasticity', promotion: { off: 0.2 }, nestParameter: 0.4 }))).toEqual([
      'pricing.nestParameter: nestParameter is used only with response: nestedLogit, and no segment uses it',
      'pricing.promotion: promotion acts on the logit responses (logit, nestedLogit), and no segment uses one',
    ]);
    const { pricing: _, ...unpriced } = v17({});
    expect(problemsOf({ ...unpriced, segments: [{ id: 'all', arrivals: { rate: 1 }, route: ['desk'], pricing: { elasticity: -1 } }] })).toEqual([
      'segments.0.pricing: needs the top-level pricing (reference prices and how demand responds)',
    ]);
  });

  it('needs demand in the period calibrated on, a negative elasticity and a reference price', () => {
    expect(problemsOf({ ...v17({}), segments: [{ id: 'all', arrivals: { rate: { peak: 1, off: 0 } }, route: ['desk'] }] })).toEqual([
      'pricing.calibrateOn: segment "all" has no demand in period "off" to calibrate its elasticity on; name a period with arrivals',
    ]);
    expect(problemsOf(v17({ elasticity: 0.5 }))).toEqual(['pricing.elasticity: elasticity must be below 0 (demand falls as the price rises)']);
    const { referencePrice: _, ...withoutReference } = v17({}).pricing;
    expect(problemsOf({ ...v17({}), pricing: withoutReference })).toEqual([expect.stringMatching(/^pricing\.referencePrice: /)]);
  });
});
