/**
 * What a queueing formula needs to know about one station in one period, read from the
 * model, and whether the formulas' assumptions roughly hold there. "Roughly" means [A]:
 *
 *   arrivals   Poisson: every segment that visits the station starts its route there and
 *              visits it once (a merge of Poisson streams is Poisson); customers passed on
 *              from another station are not;
 *   service    exponential with one mean (exact), or a mix whose squared coefficient of
 *              variation lies in [0.5, 2] (approximate: Erlang C is exact at 1); any
 *              distribution for a loss system (Erlang B is insensitive to it [M], §6.2);
 *   patience   none, or exponential with one mean at the station (Erlang-A);
 *   joining    no balking rule other than one `balkAt` for every segment (it acts as a
 *              number of waiting places); no reservations, no other lever's join rule.
 *
 * Priority lines are kept, approximately: the formulas give all classes together.
 */
import { activeLevers } from '../levers/registry.js';
import type { Model } from '../model/model.js';
import { meanOf, secondMomentOf } from '../random/distributions.js';

/** The squared coefficient of variation of service within which Erlang C is shown as an approximation [A]. */
export const scvRange = [0.5, 2] as const;

export interface StationLoad {
  station: string;
  period: string;
  servers: number;
  /** Customers per time unit reaching the station (all segments). */
  arrivalRate: number;
  /** Rate-weighted mean service time. */
  serviceMean: number;
  /** Squared coefficient of variation of the service-time mix (1 for exponential). */
  serviceScv: number;
  /** Waiting places: queueCapacity, or balkAt when smaller; Infinity when unlimited. */
  places: number;
  /** Patience rate θ (1 / mean patience); 0 without patience. */
  patienceRate: number;
  /** Every assumption holds exactly (as stationary models of the period). */
  exact: boolean;
  /** Why the formulas do not apply, when they do not. */
  unsupported?: string;
  /** What is approximate about them, when they apply only roughly. */
  notes: string[];
}

/**
 * Why the formulas' flow of customers does not hold in `model`, whatever the station: the
 * active levers that change who comes, joins or goes (those without `flowOf`: pricing,
 * reservations, the channel levers); undefined when every active lever keeps the core's flow
 * (money keeps accounts; the waiting experience watches, and balks only where `flowOf` says).
 */
export function leversChangingFlow(model: Model): string | undefined {
  // A lever this registry does not know (the library's own list) is taken to change the flow.
  const known = new Map(activeLevers(model).map((lever) => [lever.name, lever]));
  const changing = Object.keys(model.levers).filter((name) => known.get(name)?.flowOf === undefined);
  return changing.length > 0 ? `the ${changing.join(', ')} lever changes how customers come and join` : undefined;
}

/** The factor the levers put on the patience of `segment`'s customers at `station`. */
function patienceFactor(model: Model, segment: number, station: number): number {
  let factor = 1;
  for (const lever of activeLevers(model)) factor *= lever.patienceFactor?.(model.levers[lever.name], model, segment, station) ?? 1;
  return factor;
}

/** Why a lever has the customers of `segment` come, join or leave otherwise than the core, if one does. */
export function leverFlowOf(model: Model, segment: number): string | undefined {
  for (const lever of activeLevers(model)) {
    const reason = lever.flowOf?.(model.levers[lever.name], model, segment);
    if (reason !== undefined) return reason;
  }
  return undefined;
}

/** One station × period: its load, and what keeps the formulas from applying, if anything. */
export function stationLoad(model: Model, station: number, period: number): StationLoad {
  const spec = model.stations[station]!;
  const load: StationLoad = {
    station: spec.id,
    period: model.periods[period]!.name,
    servers: spec.servers[period]!,
    arrivalRate: 0,
    serviceMean: NaN,
    serviceScv: NaN,
    places: spec.queueCapacity,
    patienceRate: 0,
    exact: true,
    notes: [],
  };
  const reject = (reason: string) => ({ ...load, exact: false, unsupported: reason });
  const changing = leversChangingFlow(model);
  if (changing !== undefined) return reject(changing);
  const visitors = model.segments.map((segment, s) => ({ segment, s })).filter(({ segment }) => segment.route.includes(station));
  let firstMoment = 0;
  let secondMoment = 0;
  const patienceMeans = new Set<number>();
  const balkAts = new Set<number>();
  let withoutPatience = false;
  for (const { segment, s } of visitors) {
    const steps = segment.route.filter((i) => i === station).length;
    if (segment.route[0] !== station || steps > 1) {
      return reject(`customers of ${segment.id} come from another station, not as Poisson arrivals`);
    }
    const flow = leverFlowOf(model, s);
    if (flow !== undefined) return reject(flow);
    const rate = segment.rates[period]!;
    const service = segment.service[0]!;
    load.arrivalRate += rate;
    firstMoment += rate * meanOf(service);
    secondMoment += rate * secondMomentOf(service);
    balkAts.add(segment.balkAt);
    if (segment.patience === null) withoutPatience = true;
    else if (segment.patience.dist !== 'exponential') return reject(`the patience of ${segment.id} is not exponential`);
    else patienceMeans.add(segment.patience.mean * patienceFactor(model, s, station));
  }
  if (load.arrivalRate === 0) return reject('nobody arrives');
  if (load.servers === 0) return reject('no servers on duty');
  load.serviceMean = firstMoment / load.arrivalRate;
  load.serviceScv = secondMoment / load.arrivalRate / load.serviceMean ** 2 - 1;
  if (patienceMeans.size > 1 || (patienceMeans.size === 1 && withoutPatience)) return reject('segments here differ in patience');
  if (patienceMeans.size === 1) load.patienceRate = 1 / [...patienceMeans][0]!;
  if (balkAts.size > 1) return reject('segments here balk at different line lengths');
  load.places = Math.min(spec.queueCapacity, [...balkAts][0] ?? Infinity);

  const lossSystem = load.places === 0;
  const exponential = visitors.every(({ segment }) => segment.service[0]!.dist === 'exponential');
  const oneMean = new Set(visitors.map(({ segment }) => meanOf(segment.service[0]!))).size === 1;
  if (!lossSystem && !(exponential && oneMean)) {
    if (load.serviceScv < scvRange[0] || load.serviceScv > scvRange[1]) {
      return reject(`service is far from exponential (squared coefficient of variation ${load.serviceScv.toFixed(2)}, outside ${scvRange[0]}–${scvRange[1]})`);
    }
    load.exact = false;
    load.notes.push(`service not exponential (SCV ${load.serviceScv.toFixed(2)})`);
  }
  if (spec.discipline === 'priority' && model.priorityClasses > 1 && !lossSystem) {
    load.exact = false;
    load.notes.push('priority line: all classes together');
  }
  return load;
}
