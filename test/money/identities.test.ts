/**
 * Property: for random price vectors, responses and cost settings, in every replication
 * - the demand account balances: every base customer of a period stayed, shifted or was
 *   lost to price exactly once; every priced customer stayed, shifted in or was gained;
 *   what one period sheds the others take; the whole day is the sum of its periods;
 * - the money adds up: profit = revenue + sideRevenue − staffCost − overtimeCost − fixedCost, with
 *   fixedCost the scenario's (by period, in proportion to its measured time)
 *   − deniedCost in the system and in each period; revenue is the served customers at their
 *   period's price; lost revenue is the lost customers at theirs (the lost to price at the
 *   reference price); staff cost is the schedule; overtime cost is the core's overtime.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { simulate, validateScenario } from '../../src/index.js';
import type { MetricValues } from '../../src/metrics/catalogue.js';
import type { PricingConfig } from '../../src/pricing/config.js';
import { measuredSpans } from '../../src/money/books.js';

const periodNames = ['early', 'lunch', 'late'];
const responses = ['logit', 'nestedLogit', 'constantElasticity', 'linearElasticity', 'fixed'] as const;

const scenario = fc
  .record({
    periods: fc.integer({ min: 1, max: 3 }),
    segments: fc.integer({ min: 1, max: 2 }),
    horizon: fc.integer({ min: 30, max: 150 }),
    warmup: fc.constantFrom(0, 0, 10),
    drain: fc.boolean(),
    seed: fc.nat(10_000),
    staffCostPerHour: fc.double({ min: 0, max: 40, noNaN: true }),
    overtimeCostPerHour: fc.option(fc.double({ min: 0, max: 60, noNaN: true }), { nil: undefined }),
    fixedCost: fc.double({ min: 0, max: 500, noNaN: true }),
    spendWhileWaiting: fc.double({ min: 0, max: 1, noNaN: true }),
    lostCustomerValue: fc.option(fc.double({ min: 0, max: 20, noNaN: true }), { nil: undefined }),
  })
  .chain((shape) => {
    const names = periodNames.slice(0, shape.periods);
    const perPeriod = <T>(value: fc.Arbitrary<T>) => fc.tuple(...names.map(() => value)).map((values) => Object.fromEntries(names.map((n, i) => [n, values[i]])));
    const segment = (i: number) =>
      fc.record({
        id: fc.constant(`g${i}`),
        arrivals: fc.record({ rate: perPeriod(fc.double({ min: 0.05, max: 1.5, noNaN: true })) }),
        route: fc.constant(['till']),
        patience: fc.constantFrom(undefined, { dist: 'exponential', mean: 3 }),
        balkAt: fc.constantFrom(undefined, 3),
        pricing: fc.record({
          response: fc.constantFrom(...responses),
          elasticity: fc.double({ min: -2, max: -0.1, noNaN: true }),
          price: perPeriod(fc.double({ min: 4, max: 16, noNaN: true })),
        }),
      });
    return fc.record({
      name: fc.constant('Random prices'),
      seed: fc.constant(shape.seed),
      replications: fc.constant(2),
      time: fc.constant({ horizon: shape.horizon, warmup: shape.warmup, drain: shape.drain, periods: names.map((name, i) => ({ name, start: (i * shape.horizon) / shape.periods })) }),
      stations: fc.constant([{ id: 'till', servers: Object.fromEntries(names.map((n, i) => [n, 1 + (i % 2)])), queueCapacity: 4, service: { dist: 'exponential', mean: 1.2 } }]),
      segments: fc.tuple(...Array.from({ length: shape.segments }, (_, i) => segment(i))),
      pricing: fc.record({ referencePrice: fc.constant(10), promotion: fc.constantFrom(undefined, { [names.at(-1)!]: 0.3 }) }),
      money: fc.constant({
        staffCostPerHour: shape.staffCostPerHour,
        overtimeCostPerHour: shape.overtimeCostPerHour,
        fixedCost: shape.fixedCost,
        spendWhileWaiting: shape.spendWhileWaiting,
        lostCustomerValue: shape.lostCustomerValue,
      }),
    });
  })
  .map((data) => {
    // A promotion needs a logit response somewhere (the checks refuse it otherwise).
    const logit = data.segments.some((s) => s.pricing.response === 'logit' || s.pricing.response === 'nestedLogit');
    const pricing = logit ? data.pricing : { referencePrice: data.pricing.referencePrice };
    return JSON.parse(JSON.stringify({ ...data, pricing })) as Record<string, unknown>; // drops undefined keys
  });

const close = (actual: number, expected: number, what: string) =>
  expect(Math.abs(actual - expected), `${what}: ${actual} vs ${expected}`).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(expected)));

const accountNames = ['baseDemand', 'pricedDemand', 'stayedDemand', 'shiftedOut', 'shiftedIn', 'lostToPrice', 'gainedFromPrice'];

function expectDemandBalanced(v: MetricValues, what: string): void {
  close(v.stayedDemand! + v.shiftedOut! + v.lostToPrice!, v.baseDemand!, `${what}: base = stayed + shifted out + lost`);
  close(v.stayedDemand! + v.shiftedIn! + v.gainedFromPrice!, v.pricedDemand!, `${what}: priced = stayed + shifted in + gained`);
}

function expectProfit(v: MetricValues, fixed: number, what: string): void {
  close(v.fixedCost!, fixed, `${what}: fixedCost`);
  close(v.profit!, v.revenue! + v.sideRevenue! - v.staffCost! - v.overtimeCost! - v.fixedCost!, `${what}: profit`);
}

describe('demand accounting and money identities in every replication (property)', () => {
  it('hold for random price vectors, responses and costs', () => {
    fc.assert(
      fc.property(scenario, (data) => {
        const loaded = validateScenario(data);
        if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems));
        const model = loaded.model;
        const pricing = model.levers.pricing as PricingConfig;
        const spans = measuredSpans(model);
        const day = spans.reduce((a, b) => a + b, 0);
        const money = data.money as { staffCostPerHour: number; overtimeCostPerHour?: number; fixedCost: number; lostCustomerValue?: number };
        const staffRate = money.staffCostPerHour / 60;
        const overtimeRate = (money.overtimeCostPerHour ?? 1.5 * money.staffCostPerHour) / 60;
        for (let r = 0; r < model.replications; r++) {
          const result = simulate(model, r);
          for (const name of [...accountNames, 'revenue', 'sideRevenue', 'lostRevenue']) {
            close(result.metrics[name]!, result.segments.reduce((a, s) => a + s[name]!, 0), `system ${name} = Σ segments`);
            close(result.metrics[name]!, result.periods.reduce((a, p) => a + p.metrics[name]!, 0), `day ${name} = Σ periods`);
          }
          expectDemandBalanced(result.metrics, 'day');
          expectProfit(result.metrics, money.fixedCost, 'day');
          result.segments.forEach((s, i) => {
            expectDemandBalanced(s, `segment ${i}`);
            close(s.shiftedOut!, s.shiftedIn!, `segment ${i}: what one period sheds the others take`);
          });
          result.periods.forEach((period, p) => {
            expectDemandBalanced(period.metrics, `period ${p}`);
            expectProfit(period.metrics, day > 0 ? (money.fixedCost * spans[p]!) / day : money.fixedCost / spans.length, `period ${p}`);
            close(period.stations[0]!.staffCost!, model.stations[0]!.servers[p]! * spans[p]! * staffRate, `period ${p}: staff cost is the schedule`);
            close(period.stations[0]!.overtimeCost!, period.stations[0]!.overtime! * overtimeRate, `period ${p}: overtime cost`);
            const periodModel = model.periods[p]!;
            const fraction = spans[p]! / (periodModel.end - periodModel.start);
            period.segments.forEach((s, i) => {
              const segment = pricing.segments[i]!;
              expectDemandBalanced(s, `period ${p} segment ${i}`);
              close(s.revenue!, s.served! * segment.prices[p]!, `period ${p} segment ${i}: revenue = served × price`);
              const lostValue = money.lostCustomerValue ?? segment.prices[p]!;
              const lostToPriceValue = money.lostCustomerValue ?? segment.referencePrices[p]!;
              close(s.lostRevenue!, (s.balked! + s.reneged! + s.blocked!) * lostValue + s.lostToPrice! * fraction * lostToPriceValue, `period ${p} segment ${i}: lost revenue`);
            });
          });
        }
      }),
      { numRuns: 60 },
    );
  });
});
