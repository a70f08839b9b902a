/**
 * The pricing lever's metrics: the demand account (accounting.ts) of every segment, by
 * period and for the whole day, in expected customers. They are properties of the priced
 * demand, not measurements, so every replication reports the same values; the simulated
 * `arrivals` are the Poisson realisation of `pricedDemand`.
 */
import type { LeverMetrics } from '../levers/lever.js';
import type { MetricInfo, MetricValues } from '../metrics/catalogue.js';
import type { Model } from '../model/model.js';
import type { DemandAccount } from './accounting.js';
import type { PricingConfig } from './config.js';

const scopes = ['system', 'segment'] as const;

/** Metric name → the account's per-period values. */
const accountFields = {
  baseDemand: 'base',
  pricedDemand: 'priced',
  stayedDemand: 'stayed',
  shiftedOut: 'shiftedOut',
  shiftedIn: 'shiftedIn',
  lostToPrice: 'lostToPrice',
  gainedFromPrice: 'gainedFromPrice',
} as const satisfies Record<string, Exclude<keyof DemandAccount, 'shifted'>>;

export const demandMetrics: readonly MetricInfo[] = [
  { name: 'baseDemand', scopes, kind: 'count', description: "with pricing: expected customers at the reference prices, the scenario's arrival rates × time (the whole period, warm-up included, as in every demand account below)" },
  { name: 'pricedDemand', scopes, kind: 'count', description: 'with pricing: expected customers at the charged prices, the demand simulated' },
  { name: 'stayedDemand', scopes, kind: 'count', description: 'with pricing: base customers who still come in the same period' },
  { name: 'shiftedOut', scopes, kind: 'count', description: 'with pricing: base customers who come in another period instead (counted in the period they left)' },
  { name: 'shiftedIn', scopes, kind: 'count', description: 'with pricing: customers who come in this period instead of their base period (counted in the period they moved to)' },
  { name: 'lostToPrice', scopes, kind: 'count', description: 'with pricing: base customers who no longer come at all at the charged prices' },
  { name: 'gainedFromPrice', scopes, kind: 'count', description: 'with pricing: customers who come only at the charged prices (from "not at all")' },
];

/** One scope's values from per-period accounts: period `p`, or the whole day when p is undefined. */
function values(accounts: readonly DemandAccount[], p: number | undefined): MetricValues {
  const out: MetricValues = {};
  for (const [name, field] of Object.entries(accountFields)) {
    out[name] = accounts.reduce((total, account) => total + (p === undefined ? account[field].reduce((a, b) => a + b, 0) : account[field][p]!), 0);
  }
  return out;
}

/** The demand metrics of every scope (the same in every replication). */
export function demandMetricValues(config: PricingConfig, model: Model): LeverMetrics {
  const accounts = config.segments.map((s) => s.account);
  return {
    metrics: values(accounts, undefined),
    segments: accounts.map((account) => values([account], undefined)),
    periods: model.periods.map((_, p) => ({ metrics: values(accounts, p), segments: accounts.map((account) => values([account], p)) })),
  };
}
