/**
 * The money lever on small scenarios whose books can be checked by hand: staff cost from the
 * schedule, overtime at its own rate, revenue at the period's price, side revenue while
 * waiting, compensation for denied service from the reservations lever, and its checks.
 */
import { describe, expect, it } from 'vitest';
import { runReplications, simulate, validateScenario } from '../../src/index.js';
import { moneyChart } from '../../src/report/charts/money.js';
import { modelOf } from '../model-of.js';

const cafe = (money: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
  name: 'Café',
  seed: 3,
  replications: 4,
  time: { horizon: 480, periods: [{ name: 'morning', start: 0 }, { name: 'lunch', start: 240 }] },
  stations: [{ id: 'till', servers: { morning: 2, lunch: 3 }, service: { dist: 'exponential', mean: 2 } }],
  segments: [{ id: 'guests', arrivals: { rate: { morning: 0.6, lunch: 1.2 } }, route: ['till'] }],
  money,
  ...extra,
});

const problemsOf = (data: unknown) => {
  const loaded = validateScenario(data);
  return loaded.ok ? [] : loaded.problems.map((p) => `${p.path.join('.')}: ${p.message}`).sort();
};

describe('staff cost and overtime', () => {
  it('staff cost is the schedule: (2 × 4 h + 3 × 4 h) × 18 = 360', () => {
    const result = simulate(modelOf(cafe({ staffCostPerHour: 18 })), 0);
    expect(result.metrics.staffCost).toBeCloseTo(360, 9);
    expect(result.periods[0]!.stations[0]!.staffCost).toBeCloseTo(144, 9);
    expect(result.periods[1]!.stations[0]!.staffCost).toBeCloseTo(216, 9);
  });

  it('counts only the measured time after a warm-up, and a station may have its own rate', () => {
    const data = cafe({ staffCostPerHour: 18 }, {});
    const model = modelOf({ ...data, time: { ...data.time, warmup: 60 }, stations: [{ ...data.stations[0], money: { staffCostPerHour: 30 } }] });
    expect(simulate(model, 0).metrics.staffCost).toBeCloseTo((2 * 3 + 3 * 4) * 30, 9);
  });

  it('prices the core’s overtime at time and a half by default, or at its own rate', () => {
    for (const [money, perHour] of [
      [{ staffCostPerHour: 20 }, 30],
      [{ staffCostPerHour: 20, overtimeCostPerHour: 50 }, 50],
    ] as const) {
      const result = simulate(modelOf(cafe(money)), 1);
      expect(result.metrics.overtime).toBeGreaterThan(0);
      expect(result.metrics.overtimeCost).toBeCloseTo((result.metrics.overtime! * perHour) / 60, 9);
    }
  });
});

describe('revenue and what was lost', () => {
  it('revenue is the served customers at the price of their period of arrival', () => {
    const result = simulate(modelOf(cafe({ price: { morning: 3, lunch: 4 } })), 2);
    const [morning, lunch] = result.periods;
    expect(result.metrics.revenue).toBeCloseTo(morning!.metrics.served! * 3 + lunch!.metrics.served! * 4, 9);
  });

  it('side revenue is spent for every time unit waited in a line, by the served and by those who gave up', () => {
    const steady = simulate(modelOf(cafe({ spendWhileWaiting: 0.1 })), 0);
    expect(steady.metrics.sideRevenue).toBeCloseTo(0.1 * steady.metrics.waitMean! * steady.metrics.served!, 9);
    const data = cafe({ spendWhileWaiting: 0.1, price: 4 });
    const impatient = simulate(modelOf({ ...data, segments: [{ ...data.segments[0], patience: { dist: 'exponential', mean: 1 } }] }), 0);
    expect(impatient.metrics.reneged).toBeGreaterThan(0);
    expect(impatient.metrics.sideRevenue).toBeGreaterThan(0.1 * impatient.metrics.waitMean! * impatient.metrics.served!);
    expect(impatient.metrics.lostRevenue).toBeCloseTo(4 * impatient.metrics.reneged!, 9);
  });

  it('with drain: false, those still in line at closing spent while they waited too: side revenue is the waiting area', () => {
    const model = modelOf({
      name: 'Closing with a line',
      replications: 3,
      time: { horizon: 100, drain: false },
      stations: [{ id: 's', servers: 1, service: 1000 }],
      segments: [{ id: 'g', arrivals: { rate: 0.2 }, route: ['s'] }],
      money: { price: 5, spendWhileWaiting: 1 },
    });
    for (let r = 0; r < 3; r++) {
      const result = simulate(model, r);
      expect(result.metrics.inSystemAtEnd).toBeGreaterThan(1);
      // Every customer but the first waits from arrival to closing: Σ waits = queueLengthMean × 100.
      expect(result.metrics.sideRevenue).toBeCloseTo(result.metrics.queueLengthMean! * 100, 9);
    }
  });

  it('a party lost to price is worth its price for each member, like a party that balks', () => {
    const model = modelOf({
      name: 'Families',
      seed: 2,
      replications: 5,
      time: { horizon: 200, periods: [{ name: 'a', start: 0 }, { name: 'b', start: 100 }] },
      stations: [{ id: 's', servers: 20, service: 1 }],
      segments: [{ id: 'fam', arrivals: { rate: 0.2 }, route: ['s'], partySize: { values: [2, 6], weights: [1, 1] } }],
      pricing: { referencePrice: 10, price: { a: 10, b: 15 }, response: 'constantElasticity' },
      money: {},
    });
    const result = simulate(model, 0);
    expect(result.metrics.balked! + result.metrics.reneged! + result.metrics.blocked!).toBe(0);
    expect(result.metrics.lostToPrice).toBeGreaterThan(0);
    // Parties of 2 or 6, 4 on average, at the reference price 10.
    expect(result.metrics.lostRevenue).toBeCloseTo(result.metrics.lostToPrice! * 4 * 10, 9);
  });

  it('a lost customer is worth lostCustomerValue when it is given', () => {
    const data = cafe({ price: 4, lostCustomerValue: 25 });
    const result = simulate(modelOf({ ...data, segments: [{ ...data.segments[0], balkAt: 1 }] }), 0);
    expect(result.metrics.balked).toBeGreaterThan(0);
    expect(result.metrics.lostRevenue).toBeCloseTo(25 * result.metrics.balked!, 9);
  });

  it('the money chart draws every amount of the profit from a run, so its bars add up; an amount 0 in every run is left out', () => {
    const data = cafe({ price: 4, staffCostPerHour: 18, fixedCost: 100, spendWhileWaiting: 0.05 });
    const { summary } = runReplications(modelOf({ ...data, segments: [{ ...data.segments[0], patience: { dist: 'exponential', mean: 3 } }] }));
    const rows = (moneyChart(summary)!.spec as unknown as { data: { values: { item: string; kind: string; value: number }[] } }).data.values;
    const total = (kind: string) => rows.filter((r) => r.kind === kind).reduce((sum, r) => sum + r.value, 0);
    expect(rows.map((r) => r.item)).toEqual(['revenue', 'side revenue (while waiting)', 'staff cost', 'overtime cost', 'fixed cost', 'revenue lost (customers who left)', 'profit']);
    expect(total('income') - total('cost')).toBeCloseTo(total('result'), 9);
    const plain = runReplications(modelOf(cafe({ price: 4, staffCostPerHour: 18 }))).summary;
    const items = (moneyChart(plain)!.spec as unknown as { data: { values: { item: string }[] } }).data.values.map((r) => r.item);
    expect(items).not.toContain('fixed cost');
    expect(items).not.toContain('side revenue (while waiting)');
    expect(items).toContain('profit');
  });

  it('profit = revenue + sideRevenue − staffCost − overtimeCost − fixedCost, every amount reported', () => {
    const { summary } = runReplications(modelOf(cafe({ price: 4, staffCostPerHour: 18, fixedCost: 100, spendWhileWaiting: 0.05 })));
    const m = (name: string) => summary.metrics[name]!.mean!;
    expect(summary.metrics.fixedCost).toMatchObject({ mean: 100, sd: 0 });
    expect(m('profit')).toBeCloseTo(m('revenue') + m('sideRevenue') - m('staffCost') - m('overtimeCost') - m('fixedCost'), 9);
  });
});

describe('compensation for denied service', () => {
  it('is the reservations lever’s deniedCost, subtracted from profit in the run and in each period', () => {
    // Ten booked customers per slot and a table for two: most are denied, at 30 each.
    const data = cafe({ price: 4, staffCostPerHour: 18 });
    const model = modelOf({
      ...data,
      stations: [{ id: 'till', servers: 2, service: { dist: 'deterministic', value: 30 } }],
      segments: [...data.segments, { id: 'booked', arrivals: { rate: 0 }, route: ['till'] }],
      reservations: { segment: 'booked', slots: { times: [60, 300] }, demand: 10, bookingLimit: { policy: 'fixedExtra', extra: 8 }, overflow: 'deny', compensation: 30 },
    });
    const result = simulate(model, 0);
    const m = result.metrics;
    expect(result.segments[1]!.denied).toBeGreaterThan(0);
    expect(m.deniedCost).toBe(30 * result.segments[1]!.denied!);
    expect(m.profit).toBeCloseTo(m.revenue! + m.sideRevenue! - m.staffCost! - m.overtimeCost! - m.deniedCost!, 9);
    for (const period of result.periods) {
      const p = period.metrics;
      expect(p.deniedCost).toBeGreaterThan(0);
      expect(p.profit).toBeCloseTo(p.revenue! + p.sideRevenue! - p.staffCost! - p.overtimeCost! - p.deniedCost!, 9);
    }
  });

  it('does not charge walk-ins turned away for held capacity: they were promised nothing', () => {
    const data = cafe({ price: 4, staffCostPerHour: 18 });
    const model = modelOf({
      ...data,
      segments: [...data.segments, { id: 'booked', arrivals: { rate: 0 }, route: ['till'] }],
      reservations: { segment: 'booked', slots: { times: [100, 200, 300, 400], capacity: 2 }, demand: 1, holdForBookings: { ahead: 60, grace: 10 }, compensation: 30 },
    });
    const result = simulate(model, 0);
    expect(result.metrics.walkInsTurnedAway).toBeGreaterThan(0);
    expect(result.metrics.deniedCost).toBe(30 * result.segments[1]!.denied!);
    const m = result.metrics;
    expect(m.profit).toBeCloseTo(m.revenue! + m.sideRevenue! - m.staffCost! - m.overtimeCost! - m.deniedCost!, 9);
  });
});

describe('money only observes', () => {
  it('leaves every core metric of every replication as it was', () => {
    const { money: _, ...plain } = cafe({});
    const withMoney = modelOf(cafe({ price: 4, staffCostPerHour: 18, spendWhileWaiting: 0.1, fixedCost: 10 }));
    const without = modelOf(plain);
    for (let r = 0; r < 3; r++) expect(simulate(withMoney, r).metrics).toMatchObject(simulate(without, r).metrics);
  });
});

describe('checks', () => {
  it('money.price is for scenarios without pricing, and names every period', () => {
    expect(problemsOf(cafe({ price: 4 }, { pricing: { referencePrice: 4 } }))).toEqual([
      'money.price: with pricing, the prices are pricing.price (they drive demand); money.price is for scenarios without pricing',
    ]);
    expect(problemsOf(cafe({ price: { morning: 3 } }))).toEqual(['money.price: gives no value for period lunch']);
    // A lever's per-period value: the "did you mean" is among the periods not given.
    expect(problemsOf(cafe({ price: { morning: 3, mornin: 4 } }))).toEqual(['money.price.mornin: unknown period "mornin"', 'money.price: gives no value for period lunch']);
  });

  it('costs per hour need a time unit that converts to hours; a station’s money needs the top-level one', () => {
    const data = cafe({ staffCostPerHour: 18 });
    expect(problemsOf({ ...data, time: { ...data.time, unit: 'shift' } })).toEqual([
      'money.staffCostPerHour: costs per hour need time.unit in second, minute, hour, day; "shift" does not convert to hours',
    ]);
    const { money: _, ...withoutMoney } = data;
    expect(problemsOf({ ...withoutMoney, stations: [{ ...data.stations[0], money: { staffCostPerHour: 20 } }] })).toEqual(['stations.0.money: needs the top-level money']);
  });
});
