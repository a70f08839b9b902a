/**
 * Service targets for `staff`, written `METRIC<=VALUE` or `METRIC>=VALUE` with any metric a
 * station reports: `waitP90<=5`, `abandonmentRate<=0.05` (or `<=5%`), `utilisation<=0.85`.
 * "80% served within 5 minutes" is `waitP80<=5`. A target is judged per station and period:
 * it is met when the whole 95% CI over the replications lies on the right side of it.
 */
import type { StaffingTarget } from '../analytic/staffing.js';
import { kindOf, metricsFor } from '../metrics/catalogue.js';
import type { MetricSummary } from '../metrics/summarise.js';
import type { Model } from '../model/model.js';
import type { ReservationsConfig } from '../reservations/config.js';
import { meanOf } from '../random/distributions.js';
import { hint } from '../scenario/problems.js';
import type { Parsed } from '../scenario/key-path.js';

export interface Target {
  metric: string;
  /** at most (≤) or at least (≥) the value. */
  atMost: boolean;
  value: number;
  /** As written, normalised: `waitP90<=5`. */
  text: string;
}

export function parseTarget(text: string): Parsed<Target> {
  const match = /^\s*([A-Za-z][A-Za-z0-9]*)\s*(<=|>=|≤|≥)\s*([-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[-+]?\d+)?)\s*(%?)\s*$/i.exec(text);
  if (!match) return { ok: false, message: `"${text}" needs the form METRIC<=VALUE or METRIC>=VALUE, e.g. waitP90<=5 or abandonmentRate<=0.05` };
  const [, metric, op, number, percent] = match;
  const value = Number(number) / (percent === '%' ? 100 : 1);
  const atMost = op === '<=' || op === '≤';
  return { ok: true, value: { metric: metric!, atMost, value, text: `${metric}${atMost ? '<=' : '>='}${number}${percent}` } };
}

/**
 * How the core's station metrics move as servers are added. staff only adds servers where a
 * target is missed (and takes them away only while every target still holds), so a target
 * must get easier with more servers: an upper bound on a metric that falls, a lower bound on
 * one that rises. Levers' metrics are not judged here.
 */
const FALL_WITH_SERVERS = new Set([
  'balked', 'reneged', 'blocked', 'inSystemAtEnd', 'waitMean', 'waitP50', 'waitP80', 'waitP90', 'waitP95',
  'timeInSystemMean', 'queueLengthMean', 'utilisation', 'overtime', 'abandonmentRate',
]);
const RISE_WITH_SERVERS = new Set(['served']);
/**
 * Set by the demand and the bookings, whatever the staffing; `denied` only without
 * reservations: at a booked station whose slots have a capacity of their own, more servers
 * are more units for the bookings and the walk-ins held off them, so fewer are turned away.
 * (Slots that take the servers as their capacity also take more bookings with more servers,
 * and denied can rise: such a target is refused.)
 */
const STAFFING_LEAVES_ALONE = new Set(['arrivals', 'denied']);
const reservationsOf = (model: Model) => model.levers.reservations as ReservationsConfig | undefined;
const fallsWithServers = (metric: string, model: Model) =>
  FALL_WITH_SERVERS.has(metric) || (metric === 'denied' && reservationsOf(model) !== undefined && !reservationsOf(model)!.capacityFromServers);

/** What is wrong with a target for this model, if anything: a metric of stations that staffing can bring to the target. */
export function checkTarget(target: Target, model: Model): string | undefined {
  const names = metricsFor('station', model);
  const { metric, text } = target;
  if (!names.includes(metric)) {
    return `${text}: "${metric}" is not a metric of stations${hint(metric, names)}; staff judges each station, period by period (station metrics: ${names.join(', ')})`;
  }
  const kind = kindOf(metric);
  if (text.endsWith('%') && kind !== 'share') {
    const what = ({ time: "a time, in the scenario's unit", count: 'a count', money: 'an amount of money', score: 'a score from 1 to 5', number: 'a number' } as Record<string, string>)[kind] ?? `a ${kind}`;
    return `${text}: a percentage is for shares (abandonmentRate, utilisation); ${metric} is ${what}: write ${text.slice(0, -1)}`;
  }
  if (kind === 'share' && !(target.value >= 0 && target.value <= 1)) {
    return `${text}: ${metric} is a share between 0 and 1 (or write a percentage, e.g. 5%)`;
  }
  const falls = fallsWithServers(metric, model);
  if (metric === 'denied' && reservationsOf(model)?.capacityFromServers) {
    return `${text}: the booked slots take the servers as their capacity, so more servers also take more bookings and may turn more away; give reservations.slots.capacity to staff against denied`;
  }
  if (STAFFING_LEAVES_ALONE.has(metric) && !falls) return `${text}: staffing does not change ${metric}; give a target on waits, losses or utilisation`;
  if ((falls && !target.atMost) || (RISE_WITH_SERVERS.has(metric) && target.atMost)) {
    const way = falls ? ['lower', '<='] : ['raise', '>='];
    return `${text}: more servers ${way[0]} ${metric}, and staff adds servers where a target is missed, so it cannot search for this; write ${metric}${way[1]}VALUE`;
  }
  if (falls && target.value < 0) return `${text}: ${metric} is never negative, so no staffing meets this`;
  // More servers do not end the day sooner for whoever is in service at closing.
  if (metric === 'overtime' && target.atMost && target.value <= 0 && model.drain) {
    return `${text}: with drain (customers inside at closing are served), whoever is in service at closing runs over, whatever the staffing; give an allowance, e.g. overtime<=30`;
  }
  return undefined;
}

/** Metrics of the wait in line: at a station without waiting places nobody waits. */
const WAIT_METRICS = new Set(['waitMean', 'waitP50', 'waitP80', 'waitP90', 'waitP95', 'queueLengthMean', 'reneged']);

/**
 * What makes a target one that no staffing of `station` can meet, or that any staffing meets
 * whatever it does to the customers, if anything: the search would raise for nothing, or
 * cut to one server while the customers are turned away.
 */
export function checkTargetAt(target: Target, model: Model, station: number): string | undefined {
  const { id, queueCapacity } = model.stations[station]!;
  if (queueCapacity === 0 && WAIT_METRICS.has(target.metric)) {
    return `${target.text}: ${id} has queueCapacity 0, so nobody waits there and one server meets it; whoever finds every server busy is turned away (blocked): give a target on abandonmentRate, which counts them`;
  }
  if (target.metric === 'timeInSystemMean' && target.atMost) {
    // A booked customer's visit lasts its booking's hold where reservations give one.
    const booked = reservationsOf(model);
    const serviceAt = (g: number, slot: number) =>
      booked?.hold && booked.segment === g && booked.visit === slot ? meanOf(booked.hold) : meanOf(model.segments[g]!.service[slot]!);
    const services = model.segments.flatMap((segment, g) => segment.route.flatMap((at, slot) => (at === station ? [serviceAt(g, slot)] : [])));
    const least = Math.min(...services);
    if (services.length > 0 && target.value < least) {
      return `${target.text}: the time at ${id} includes its service, whose mean is at least ${least} for every customer there, so no staffing brings it below ${target.value}`;
    }
  }
  return undefined;
}

/**
 * The estimate meets the target: its whole 95% CI lies on the right side, so a plan said to
 * meet a target does so with confidence, not on the luck of one set of replications (a mean
 * just inside the target misses about half the time on fresh random numbers). Where the
 * metric has no CI (defined in fewer than two replications) the mean decides. Where it is
 * undefined in every replication, `reached` decides: if no customer reached the station in
 * the period there is nothing to miss; if some did, none of them was served (all turned
 * away, reneged or still waiting at the end), and a wait target is not met by losing them.
 */
export function meets(target: Target, summary: MetricSummary | undefined, reached: boolean): boolean {
  const mean = summary?.mean;
  if (mean === null || mean === undefined) return !reached;
  if (!summary!.ci95) return target.atMost ? mean <= target.value : mean >= target.value;
  return meetsWithMargin(target, summary, reached);
}

/** The whole 95% CI lies on the right side of the target (false where there is no CI; undefined metrics as in `meets`). */
export function meetsWithMargin(target: Target, summary: MetricSummary | undefined, reached: boolean): boolean {
  if (summary?.mean === null || summary?.mean === undefined) return !reached;
  if (!summary.ci95) return false;
  return target.atMost ? summary.ci95[1] <= target.value : summary.ci95[0] >= target.value;
}

/**
 * The Erlang model of a target, for the period-by-period start (SIPP): quantiles of the wait
 * as service levels (waitP80 ≤ t ⇔ P(Wq ≤ t) ≥ 0.8), the mean wait and line length as
 * Erlang C's mean wait, abandonment as Erlang-A's when the station has one exponential
 * patience. Undefined when no formula speaks to the metric: the start is then the fewest
 * stable servers.
 */
export function erlangTarget(target: Target, arrivalRate: number, patienceRate: number): StaffingTarget | undefined {
  const quantile = /^waitP(\d\d)$/.exec(target.metric);
  if (!target.atMost) return undefined;
  if (quantile) return { kind: 'serviceLevel', within: target.value, atLeast: Number(quantile[1]) / 100 };
  if (target.metric === 'waitMean' && target.value > 0) return { kind: 'meanWait', atMost: target.value };
  if (target.metric === 'queueLengthMean' && target.value > 0 && arrivalRate > 0) return { kind: 'meanWait', atMost: target.value / arrivalRate };
  if (target.metric === 'abandonmentRate' && patienceRate > 0 && target.value > 0) return { kind: 'abandonment', patienceRate, atMost: Math.min(1, target.value) };
  return undefined;
}
