/**
 * The waiting experience as a lever: `experience` at the top level turns it on; stations
 * describe their waits (`waiting`), segments their tolerance, their own `waiting` and how
 * they balk (`balking`). See README "How the wait feels".
 */
import { defineLever, type LeverProblem } from '../levers/lever.js';
import type { MetricInfo } from '../metrics/catalogue.js';
import { unitsPerMinute } from '../model/units.js';
import { coreDefaults } from '../scenario/defaults.js';
import { resolveExperience, type ExperienceConfig } from './config.js';
import { InformedPatience, BalkingRule } from './journey-policies.js';
import { BalkingKeys, ExperienceKeys, SegmentWaitingKeys, StationWaitingKeys, ToleranceKeys } from './keys.js';
import { ExperienceObserver } from './observer.js';

const customerScopes = ['system', 'segment'] as const;
const allScopes = ['system', 'station', 'segment'] as const;
const left = 'over customers who left with an outcome (served, balked, reneged, blocked, denied; not inSystemAtEnd)';

export const experienceMetrics: readonly MetricInfo[] = [
  { name: 'perceivedWaitMean', scopes: allScopes, kind: 'time', description: 'mean perceived wait (power law with multipliers, summed over the lines waited in), over customers who were served (at a station: its line, over customers served there)' },
  { name: 'perceivedWaitP90', scopes: allScopes, kind: 'time', description: '90th percentile of that perceived wait' },
  { name: 'satisfactionMean', scopes: customerScopes, kind: 'score', description: `mean satisfaction score 1–5 (zone of tolerance, fairness, quote, failures; lost customers score lostScore), ${left}` },
  { name: 'withinDesiredShare', scopes: customerScopes, kind: 'share', description: `share served with a perceived wait at or under their desired wait, ${left}` },
  { name: 'withinToleranceShare', scopes: customerScopes, kind: 'share', description: `share served with a perceived wait at or under their adequate wait (desired included), ${left}` },
  { name: 'belowAdequateShare', scopes: customerScopes, kind: 'share', description: `share served with a perceived wait over their adequate wait, plus every lost customer, ${left}` },
  { name: 'slipsMean', scopes: allScopes, kind: 'number', description: `mean number of times a customer was overtaken (someone who reached the station later started service earlier), ${left} (at a station: slips there, over customers served there)` },
  { name: 'complaints', scopes: customerScopes, kind: 'count', description: 'customers who complained: a score below 3 and probability 0.04 [S2]' },
  { name: 'serviceFailures', scopes: allScopes, kind: 'count', description: 'services that failed, with probability f(ρ) rising above the optimal utilisation (models.md §6.6 [A])' },
  { name: 'repurchaseRate', scopes: customerScopes, kind: 'share', description: `mean probability of buying again (loyalty curve; TARP or course-notes rows after a complaint), ${left}` },
  { name: 'apostleShare', scopes: customerScopes, kind: 'share', description: `share with a score of 4.5 or more, ${left}` },
  { name: 'terroristShare', scopes: customerScopes, kind: 'share', description: `share with a score of 1.5 or less, ${left}` },
  { name: 'wordOfMouthNet', scopes: customerScopes, kind: 'number', signed: true, description: 'expected people told good things minus people warned, summed over customers who left (5 / 10 TARP, 10 / 20 course notes)' },
];

type Raw = Record<string, unknown>;
const isMap = (v: unknown): v is Raw => typeof v === 'object' && v !== null && !Array.isArray(v);

function check(data: Raw): LeverProblem[] {
  const problems: LeverProblem[] = [];
  // Present, even if malformed (the schema says what is wrong with it): not missing.
  const on = data.experience !== undefined;
  const segments = Array.isArray(data.segments) ? data.segments : [];
  const stations = Array.isArray(data.stations) ? data.stations : [];
  if (!on) {
    stations.forEach((station, i) => {
      if (isMap(station) && station.waiting !== undefined) problems.push({ path: ['stations', i, 'waiting'], message: 'has no effect without the top-level key experience (add `experience: {}`)' });
    });
  }
  if (on) problems.push(...minuteDefaultProblems(data, segments));
  segments.forEach((segment, i) => {
    if (!isMap(segment)) return;
    for (const key of ['tolerance', 'waiting', 'balking']) {
      if (!on && segment[key] !== undefined) problems.push({ path: ['segments', i, key], message: 'has no effect without the top-level key experience (add `experience: {}`)' });
    }
    const rule = isMap(segment.balking) ? segment.balking.rule : undefined;
    const patience = segment.patience;
    if (rule === 'waitBased' && patience === undefined) {
      problems.push({ path: ['segments', i, 'balking', 'rule'], message: 'waitBased compares each customer’s patience with the expected wait: give the segment a patience' });
    }
    if (rule === 'informed' && !(isMap(patience) && patience.dist === 'exponential')) {
      problems.push({ path: ['segments', i, 'balking', 'rule'], message: 'informed (Whitt 1999, model 2) needs exponential patience: give the segment patience: { dist: exponential, mean }' });
    }
  });
  return problems;
}

/**
 * The defaults that are durations (the reference wait, the tolerance presets) are minutes,
 * converted to the time unit; a unit that is not a clock unit ("tick") has no conversion, so
 * wherever one of them would be used the file must give its own, in its unit.
 */
function minuteDefaultProblems(data: Raw, segments: readonly unknown[]): LeverProblem[] {
  const unit = isMap(data.time) && typeof data.time.unit === 'string' ? data.time.unit : coreDefaults.unit;
  if (unitsPerMinute(unit) !== undefined) return [];
  const problems: LeverProblem[] = [];
  const experience = isMap(data.experience) ? data.experience : {};
  const perception = isMap(experience.perception) ? experience.perception : {};
  if (perception.enabled !== false && perception.referenceWait === undefined) {
    problems.push({
      path: ['experience'],
      message: `the default referenceWait is 5 minutes, and time.unit "${unit}" does not convert from minutes: give perception: { referenceWait } in ${unit} units`,
    });
  }
  segments.forEach((segment, i) => {
    if (!isMap(segment) || isMap(segment.tolerance)) return;
    const preset = typeof segment.tolerance === 'string' ? segment.tolerance : undefined;
    problems.push({
      path: preset === undefined ? ['segments', i] : ['segments', i, 'tolerance'],
      message: `${preset === undefined ? 'the default tolerance "coffee"' : `the tolerance "${preset}"`} is in minutes, and time.unit "${unit}" does not convert from minutes: give tolerance: { desired, adequate } in ${unit} units`,
    });
  });
  return problems;
}

export const experienceLever = defineLever<ExperienceConfig>({
  name: 'experience',
  // Perception, satisfaction and quality watch the flow; only a balking rule changes it.
  flowOf: (config, model, segment) => (config.segments[segment]?.balking ? `customers of ${model.segments[segment]!.id} follow a balking rule (experience.balking)` : undefined),
  patienceFactor: (config, _model, segment, station) => config.waits[station]?.[segment]?.patienceMultiplier ?? 1,
  keys: {
    scenario: { experience: ExperienceKeys.optional() },
    station: { waiting: StationWaitingKeys.optional() },
    segment: { tolerance: ToleranceKeys.optional(), waiting: SegmentWaitingKeys.optional(), balking: BalkingKeys.optional() },
  },
  check,
  resolve: resolveExperience,
  metrics: experienceMetrics,
  install(system, config, context) {
    const observer = new ExperienceObserver(system, config, {
      customers: system.model.segments.map((segment) => context.stream(`customers/${segment.id}`)),
      quality: system.model.segments.map((segment) => context.stream(`quality/${segment.id}`)),
      aftermath: system.model.segments.map((segment) => context.stream(`aftermath/${segment.id}`)),
      balking: system.model.segments.map((segment, g) => (config.segments[g]!.balking === null ? null : context.stream(`balking/${segment.id}`))),
    }, config.quality.enabled ? context.plannedUtilisation() : []);
    system.addObserver(observer);
    system.model.segments.forEach((_, g) => {
      const waits = config.waits.map((byStation) => byStation[g]!);
      const balking = config.segments[g]!.balking;
      const patience = new InformedPatience(system.patience[g]!, waits);
      system.patience[g] = patience;
      if (balking !== null) system.joinPolicies[g] = new BalkingRule(system.joinPolicies[g]!, balking, waits, patience, (customer) => observer.balkingUniform(customer));
    });
    return { collect: () => observer.collect() };
  },
});
