/**
 * Resolution of the money keys: defaults filled (defaults.ts), costs per hour turned into
 * costs per time unit, the price per period when pricing does not set it.
 */
import type { ScenarioData } from '../levers/lever.js';
import type { Model } from '../model/model.js';
import type { MoneyConfig } from './config.js';
import { moneyDefaults as d } from './defaults.js';
import { hoursPerUnit } from './hours.js';
import type { MoneyKeys, StationMoneyKeys } from './keys.js';

export function resolveMoney(data: ScenarioData, model: Model): MoneyConfig | undefined {
  const keys = data.money as MoneyKeys | undefined;
  if (keys === undefined) return undefined;
  // Checked: a unit that does not convert has no cost per hour, so any factor gives 0.
  const hours = hoursPerUnit(model.unit) ?? 1;
  const stationKeys = data.stations.map((s) => (s.money ?? {}) as StationMoneyKeys);
  const staffPerHour = stationKeys.map((own) => own.staffCostPerHour ?? keys.staffCostPerHour ?? d.staffCostPerHour);
  const price = keys.price ?? d.price;
  return {
    prices: data.pricing !== undefined ? null : model.periods.map((p) => (typeof price === 'number' ? price : Object.hasOwn(price, p.name) ? price[p.name]! : NaN)),
    staffCost: staffPerHour.map((perHour) => perHour * hours),
    overtimeCost: stationKeys.map((own, s) => (own.overtimeCostPerHour ?? keys.overtimeCostPerHour ?? d.overtimeFactor * staffPerHour[s]!) * hours),
    fixedCost: keys.fixedCost ?? d.fixedCost,
    spendWhileWaiting: keys.spendWhileWaiting ?? d.spendWhileWaiting,
    lostCustomerValue: keys.lostCustomerValue ?? null,
  };
}
