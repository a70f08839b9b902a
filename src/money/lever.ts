/**
 * The money lever: what every run earns and costs. A till on the journey (till.ts) books
 * revenue at the price of the period of arrival (pricing's prices, or money.price), side
 * revenue while waiting and the value of lost customers; at the end the books (books.ts) add
 * staff cost from each station's schedule, overtime from the core's `overtime`, the fixed cost
 * and the compensation for denied service (the reservations lever's deniedCost), and give the profit.
 * Money never changes the journey: it only observes.
 */
import { defineLever } from '../levers/lever.js';
import type { MetricInfo } from '../metrics/catalogue.js';
import { pricingOf } from '../pricing/config.js';
import { closeBooks } from './books.js';
import { checkMoney } from './check.js';
import type { MoneyConfig } from './config.js';
import { MoneySchema, StationMoneySchema } from './keys.js';
import { resolveMoney } from './resolve.js';
import { Till } from './till.js';

export const moneyMetrics: readonly MetricInfo[] = [
  { name: 'revenue', scopes: ['system', 'segment'], kind: 'money', description: 'with money: the price of the period of arrival × party size, over the customers served' },
  { name: 'sideRevenue', scopes: ['system', 'segment'], kind: 'money', description: 'with money: spendWhileWaiting × time waited in lines × party size, over every customer who waited (served or not)' },
  { name: 'staffCost', scopes: ['system', 'station'], kind: 'money', description: 'with money: scheduled servers × time × staff cost per server-hour, over the measured time up to closing' },
  { name: 'overtimeCost', scopes: ['system', 'station'], kind: 'money', description: 'with money: overtime × overtime cost per hour' },
  { name: 'fixedCost', scopes: ['system'], kind: 'money', description: 'with money: money.fixedCost, the same in every run; by period, in proportion to its measured time' },
  { name: 'lostRevenue', scopes: ['system', 'segment'], kind: 'money', description: 'with money: value of the customers lost: balked, reneged, blocked, and the expected lost to price' },
  { name: 'profit', scopes: ['system'], kind: 'money', description: 'with money: revenue + sideRevenue − staffCost − overtimeCost − fixedCost − deniedCost (with reservations)' },
];

export const moneyLever = defineLever<MoneyConfig>({
  name: 'money',
  keys: { scenario: { money: MoneySchema.optional() }, station: { money: StationMoneySchema.optional() } },
  check: checkMoney,
  resolve: resolveMoney,
  flowOf: () => undefined, // it only keeps the accounts
  metrics: moneyMetrics,
  install(system, config, context) {
    const { model } = context;
    const pricing = pricingOf(model);
    const prices = model.segments.map((_, i) => pricing?.segments[i]!.prices ?? config.prices!);
    const till = new Till(model.segments.length, model.periods.length, prices, config.spendWhileWaiting, config.lostCustomerValue);
    system.addObserver(till);
    const input = { model, config, pricing };
    return { collect: (_end, _stations, measured) => closeBooks(input, till, measured) };
  },
});
