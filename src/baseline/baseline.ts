/**
 * The analytic baseline: for each station and period where the assumptions roughly hold
 * (station-load.ts), what the stationary queueing formulas predict, in the simulator's own
 * metrics, to set beside the simulated figures. It is an approximation of the simulation
 * twice over: the formulas assume the period's rate held forever (no carry-over of the line
 * from the period before, no empty start: the pointwise-stationary view of §6.4 [M]), and
 * the model may fit only roughly. The gap is what the formulas leave out.
 *
 *   Erlang C   unlimited line, no patience (§6.1)        waits, P(wait), line, utilisation
 *   Erlang B   no waiting places (§6.2)                 blocking; nobody waits
 *   Erlang A   unlimited line, exponential patience (§3.1)
 *   M/M/c/K    waiting places (queueCapacity or balkAt), with or without patience
 *
 * The last two come from the birth–death law (birth-death-queue.ts), which also gives the
 * mean wait of served customers, as the simulator reports it.
 */
import { mmcKPatience } from '../analytic/birth-death-queue.js';
import { erlangB, erlangC, mmcQueueMean, mmcWaitMean } from '../analytic/erlang.js';
import type { MetricValues } from '../metrics/catalogue.js';
import type { Model } from '../model/model.js';
import { stationLoad, type StationLoad } from './station-load.js';

export type BaselineModel = 'Erlang C' | 'Erlang B' | 'Erlang A' | 'M/M/c/K' | 'M/M/c/K+M';

export interface BaselineRow extends StationLoad {
  /** The formula used; undefined when none applies. */
  model?: BaselineModel;
  /** Offered load A = λ·E[S], in erlangs. */
  offeredLoad: number;
  /** The predicted metrics, by the simulator's names (utilisation, waitMean, ...). */
  metrics: MetricValues;
  /** P(an arrival waits): Erlang C's C(N, A), Erlang-A's P(W > 0); 0 for Erlang B. */
  pWait?: number;
}

/** The quantile `q` of the M/M/c wait: 0 when at least q never wait, else ln(C/(1 − q))/(cμ − λ) (§6.1). */
export function mmcWaitQuantile(c: number, arrivalRate: number, serviceRate: number, q: number): number {
  const delay = erlangC(c, arrivalRate / serviceRate);
  if (delay <= 1 - q) return 0;
  return Math.log(delay / (1 - q)) / (c * serviceRate - arrivalRate);
}

/** The baseline of one station × period (its metrics empty when no formula applies). */
export function baselineFor(model: Model, station: number, period: number): BaselineRow {
  const load = stationLoad(model, station, period);
  const offeredLoad = load.arrivalRate * load.serviceMean;
  const row: BaselineRow = { ...load, offeredLoad, metrics: {} };
  if (load.unsupported !== undefined) return row;
  const { servers: c, arrivalRate: lambda, places, patienceRate: theta } = load;
  const mu = 1 / load.serviceMean;
  if (places === 0) {
    const blocking = erlangB(c, offeredLoad);
    row.model = 'Erlang B';
    row.pWait = 0;
    row.metrics = { utilisation: (offeredLoad * (1 - blocking)) / c, queueLengthMean: 0, waitMean: 0, waitP80: 0, waitP90: 0, abandonmentRate: blocking };
    return row;
  }
  if (places === Infinity && theta === 0) {
    if (offeredLoad >= c) return { ...row, exact: false, unsupported: `overloaded: offered load ${offeredLoad.toFixed(2)} ≥ ${c} servers, the line grows all period (no steady state)` };
    row.model = 'Erlang C';
    row.pWait = erlangC(c, offeredLoad);
    row.metrics = {
      utilisation: offeredLoad / c,
      queueLengthMean: mmcQueueMean(c, lambda, mu),
      waitMean: mmcWaitMean(c, lambda, mu),
      waitP80: mmcWaitQuantile(c, lambda, mu, 0.8),
      waitP90: mmcWaitQuantile(c, lambda, mu, 0.9),
      abandonmentRate: 0,
    };
    return row;
  }
  let q: ReturnType<typeof mmcKPatience>;
  try {
    q = mmcKPatience(c, places, lambda, mu, theta);
  } catch (error) {
    // A station whose law needs more states than are solved (a huge, full waiting room): no figures, said why.
    if (error instanceof RangeError) return { ...row, exact: false, unsupported: error.message };
    throw error;
  }
  row.model = places === Infinity ? 'Erlang A' : theta > 0 ? 'M/M/c/K+M' : 'M/M/c/K';
  row.pWait = q.pWait;
  row.metrics = { utilisation: q.utilisation, queueLengthMean: q.queueMean, waitMean: q.servedWaitMean, abandonmentRate: q.pBlock + q.pAbandon };
  return row;
}

/** Every station in every period, in model order (stations outer). */
export function analyticBaseline(model: Model): BaselineRow[] {
  return model.stations.flatMap((_, i) => model.periods.map((__, p) => baselineFor(model, i, p)));
}
