/**
 * Consistency checks of the money keys: `money.price` only without pricing (pricing sets the
 * prices), per-period prices name every period, a station's money needs the top-level one,
 * and costs per hour need a time unit that converts to hours.
 */
import type { LeverProblem } from '../levers/lever.js';
import { isMap, list, perPeriodProblems, periodNamesOf, type Raw } from '../levers/raw-data.js';
import { convertibleUnits, hoursPerUnit } from './hours.js';

export function checkMoney(data: Raw): LeverProblem[] {
  const problems: LeverProblem[] = [];
  const stations = list(data.stations).map((s) => (isMap(s) ? s : {}));
  const top = data.money;
  if (!isMap(top)) {
    stations.forEach((station, i) => {
      if (station.money !== undefined) problems.push({ path: ['stations', i, 'money'], message: 'needs the top-level money' });
    });
    return problems;
  }
  if (top.price !== undefined && data.pricing !== undefined) {
    problems.push({ path: ['money', 'price'], message: 'with pricing, the prices are pricing.price (they drive demand); money.price is for scenarios without pricing' });
  }
  problems.push(...perPeriodProblems(top.price, ['money', 'price'], periodNamesOf(data)));

  const time = isMap(data.time) ? data.time : {};
  const unit = typeof time.unit === 'string' ? time.unit : 'minute';
  if (hoursPerUnit(unit) === undefined) {
    const perHour = (money: Raw, path: (string | number)[]) =>
      ['staffCostPerHour', 'overtimeCostPerHour'].forEach((key) => {
        if (money[key] !== undefined) {
          problems.push({ path: [...path, key], message: `costs per hour need time.unit in ${convertibleUnits}; "${unit}" does not convert to hours` });
        }
      });
    perHour(top, ['money']);
    stations.forEach((station, i) => isMap(station.money) && perHour(station.money, ['stations', i, 'money']));
  }
  return problems;
}
