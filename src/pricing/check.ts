/**
 * Consistency checks of the pricing keys against the rest of the scenario: per-period prices
 * name every period, promotions and calibrateOn name periods, the logit-only keys come with a
 * logit response, a segment's pricing needs the top-level one, and the period calibrated on
 * has demand to calibrate from. They read the raw data defensively (it may have other
 * problems), like scenario/consistency.ts.
 */
import { isMap, list, perPeriodProblems, periodNamesOf, type Raw } from '../levers/raw-data.js';
import type { LeverProblem } from '../levers/lever.js';
import { hint, type KeyPath } from '../scenario/problems.js';
import { choosesPeriods, pricingDefaults, pricingResponses, type PricingResponse } from './defaults.js';

const responseOf = (value: unknown): PricingResponse | undefined =>
  typeof value === 'string' && (pricingResponses as readonly string[]).includes(value) ? (value as PricingResponse) : undefined;

/** A rate of a raw segment in period `name` (a number or a per-period map), if readable. */
function rateIn(segment: Raw, name: string): number | undefined {
  const rate = isMap(segment.arrivals) ? segment.arrivals.rate : undefined;
  if (typeof rate === 'number') return rate;
  if (isMap(rate) && Object.hasOwn(rate, name) && typeof rate[name] === 'number') return rate[name];
  return undefined;
}

export function checkPricing(data: Raw): LeverProblem[] {
  const problems: LeverProblem[] = [];
  const periods = periodNamesOf(data);
  const segments = list(data.segments).map((s) => (isMap(s) ? s : {}));
  const top = data.pricing;
  if (!isMap(top)) {
    segments.forEach((segment, i) => {
      if (segment.pricing !== undefined) problems.push({ path: ['segments', i, 'pricing'], message: 'needs the top-level pricing (reference prices and how demand responds)' });
    });
    return problems;
  }

  problems.push(...perPeriodProblems(top.referencePrice, ['pricing', 'referencePrice'], periods));
  problems.push(...perPeriodProblems(top.price, ['pricing', 'price'], periods));
  problems.push(...perPeriodProblems(top.promotion, ['pricing', 'promotion'], periods, false));
  if (isMap(top.congestion)) problems.push(...perPeriodProblems(top.congestion.referenceWaits, ['pricing', 'congestion', 'referenceWaits'], periods));
  const calibrateOnProblem = (value: unknown, path: KeyPath) => {
    if (typeof value === 'string' && !periods.includes(value)) {
      problems.push({ path, message: periods.length === 0 ? 'calibrateOn needs named periods in time.periods' : `unknown period "${value}"${hint(value, periods)}` });
    }
  };
  calibrateOnProblem(top.calibrateOn, ['pricing', 'calibrateOn']);

  const responses = segments.map((segment, i) => {
    const own = isMap(segment.pricing) ? segment.pricing : {};
    const path = ['segments', i, 'pricing'];
    problems.push(...perPeriodProblems(own.referencePrice, [...path, 'referencePrice'], periods));
    problems.push(...perPeriodProblems(own.price, [...path, 'price'], periods));
    calibrateOnProblem(own.calibrateOn, [...path, 'calibrateOn']);
    if (own.valueOfWaiting !== undefined && top.congestion === undefined) {
      problems.push({ path: [...path, 'valueOfWaiting'], message: 'valueOfWaiting is used only with pricing.congestion' });
    }
    const response = responseOf(own.response) ?? responseOf(top.response) ?? pricingDefaults.response;
    const calibrateOn = typeof own.calibrateOn === 'string' ? own.calibrateOn : typeof top.calibrateOn === 'string' ? top.calibrateOn : undefined;
    if (choosesPeriods(response) && calibrateOn !== undefined && periods.includes(calibrateOn) && rateIn(segment, calibrateOn) === 0) {
      problems.push({
        path: typeof own.calibrateOn === 'string' ? [...path, 'calibrateOn'] : ['pricing', 'calibrateOn'],
        message: `segment "${String(segment.id)}" has no demand in period "${calibrateOn}" to calibrate its elasticity on; name a period with arrivals`,
      });
    }
    return response;
  });

  const anyChoice = responses.some(choosesPeriods);
  const logitOnly = (key: string) => {
    if (top[key] !== undefined && !anyChoice) problems.push({ path: ['pricing', key], message: `${key} acts on the logit responses (logit, nestedLogit), and no segment uses one` });
  };
  logitOnly('promotion');
  logitOnly('congestion');
  if (top.nestParameter !== undefined && !responses.includes('nestedLogit')) {
    problems.push({ path: ['pricing', 'nestParameter'], message: 'nestParameter is used only with response: nestedLogit, and no segment uses it' });
  }
  return problems;
}
