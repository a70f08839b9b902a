import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { runReplications } from '../../src/run/replicate.js';
import { staff, withStaffing, type StaffResult } from '../../src/run/staff.js';
import type { Runner } from '../../src/run/runner.js';
import { modelOf } from '../model-of.js';
import { startStaffing } from '../../src/run/staff-start.js';
import { staffTime, staffTimeText } from '../../src/run/staff-time.js';
import { staffingSection } from '../../src/report/staff-section.js';
import { renderStaffing } from '../../src/cli/staff-table.js';
import { parseTarget, type Target } from '../../src/run/targets.js';
import { loadScenario, validateScenario } from '../../src/scenario/load.js';
import { projectRoot } from '../cli/cli.js';

const target = (text: string): Target => {
  const parsed = parseTarget(text);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.value;
};

/** models.md V15: λ = 30, 45, 60, 90, 120, 90, 60, 45 per hour, E[S] = 4 min, 80% within 5 min. */
const file = join(projectRoot, 'scenarios/bank-day-staffing.yaml');
const text = readFileSync(file, 'utf8');
const loaded = loadScenario(text, file);
if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems));
const bankDay = loaded.model;

describe('staff: the bank day of models.md V15, "80% served within 5 minutes" = waitP80 <= 5', () => {
  let result: StaffResult;
  beforeAll(async () => {
    result = await staff(parse(text), bankDay, [target('waitP80<=5')]);
  });

  it('starts from the published SIPP staffing (3, 4, 5, 7, 9, 7, 5, 4)', () => {
    expect(startStaffing(bankDay, 0, [target('waitP80<=5')]).sipp).toEqual([3, 4, 5, 7, 9, 7, 5, 4]);
    expect(result.sipp).toEqual([[3, 4, 5, 7, 9, 7, 5, 4]]);
  });

  it('lag-SIPP looks 4 minutes back: the hours after the peak keep more servers', () => {
    expect(result.lagSipp).toEqual([[3, 4, 5, 7, 9, 8, 6, 4]]);
  });

  it('ends with every hour meeting the target with its whole 95% CI at or below 5 minutes, and reports the search', () => {
    expect(result.converged).toBe(true);
    expect(result.achieved).toHaveLength(8);
    for (const a of result.achieved) {
      expect(a.met, a.period).toBe(true);
      expect(a.estimate!.ci95![1], a.period).toBeLessThanOrEqual(5);
    }
    expect(result.steps[0]!.action).toBe('start (sipp)');
    expect(result.steps.length).toBeLessThanOrEqual(60);
  });

  it('meets the target on fresh random numbers: every hour’s mean at or below 5 minutes with another seed', () => {
    const plan = validateScenario(withStaffing(parse(text), bankDay, [0], result.servers));
    if (!plan.ok) throw new Error('invalid');
    const { summary } = runReplications(plan.model, { seed: 2026, replications: 40 });
    for (const [name, period] of Object.entries(summary.periods!)) {
      expect(period.stations.tellers!.waitP80!.mean!, name).toBeLessThanOrEqual(5);
    }
  });

  it('keeps SIPP up to the peak and adds tellers only after it, where the peak’s line carries over (models.md V15)', () => {
    const [sipp] = result.sipp;
    const [plan] = result.servers;
    expect(plan!.slice(0, 5)).toEqual(sipp!.slice(0, 5));
    plan!.slice(5).forEach((n, i) => expect(n).toBeGreaterThanOrEqual(sipp![5 + i]!));
    expect(plan!.slice(5).reduce((a, b) => a + b, 0)).toBeGreaterThan(sipp!.slice(5).reduce((a, b) => a + b, 0));
  });

  it('staffs SIPP’s 44 staff-hours or more against 72 for the peak all day', () => {
    const time = staffTime(result, 'minute');
    expect(time).toMatchObject({ label: 'staff-hours', sipp: 44, peak: 72, peakServers: 9, day: 8 });
    expect(time.plan).toBe(result.servers[0]!.reduce((a, b) => a + b, 0));
    expect(time.plan).toBeGreaterThan(44);
    expect(time.plan).toBeLessThan(72);
    // Any label of the minute, and the hour's in hours: the same staff-hours.
    for (const unit of ['Minutes', 'min', 'mins']) expect(staffTime(result, unit)).toMatchObject({ label: 'staff-hours', sipp: 44 });
    const inHours = { ...result, periods: result.periods.map((p) => ({ ...p, start: p.start / 60, end: p.end / 60 })) };
    for (const unit of ['hour', 'hours', 'h', 'hr', 'hrs']) expect(staffTime(inHours, unit)).toMatchObject({ label: 'staff-hours', sipp: 44 });
    expect(staffTime(result, 'ticks').label).toBe('server-ticks');
  });
});

describe('staff corrects SIPP where lines carry over: 20-minute periods, 8-minute services, a peak in the second', () => {
  const data = {
    name: 'short periods',
    seed: 3,
    replications: 40,
    time: { horizon: 80, periods: [{ name: 'a', start: 0 }, { name: 'b', start: 20 }, { name: 'c', start: 40 }, { name: 'd', start: 60 }] },
    stations: [{ id: 'desk', servers: 5, service: { dist: 'exponential', mean: 8 } }],
    segments: [{ id: 'x', arrivals: { rate: { a: 0.3, b: 1.2, c: 0.3, d: 0.3 } }, route: ['desk'] }],
  };
  let result: StaffResult;
  beforeAll(async () => {
    const valid = validateScenario(data);
    if (!valid.ok) throw new Error('invalid');
    result = await staff(data, valid.model, [target('waitP80<=2')]);
  });

  it('raises the period after the peak (its line comes from the peak) and lowers the peak (it starts nearly empty)', () => {
    const [sipp] = result.sipp;
    const [plan] = result.servers;
    expect(plan![2]!).toBeGreaterThan(sipp![2]!);
    expect(plan![1]!).toBeLessThan(sipp![1]!);
    expect(result.converged).toBe(true);
    expect(result.steps.some((s) => s.action.startsWith('raised'))).toBe(true);
    expect(result.steps.some((s) => s.action.endsWith(': kept'))).toBe(true);
  });

  it('gives its staff time of 80 minutes in the report as in the terminal, rounded (not 1.3333333333333333 hours)', () => {
    const sentence = staffTimeText(staffTime(result, result.model.unit));
    expect(sentence).toMatch(/^staff-hours: [\d.]+ \(SIPP [\d.]+\); peak staffing all day: \d+ × 1\.33 = [\d.]+$/);
    expect(staffingSection(result).text).toContain(`<p>${sentence}.</p>`);
    expect(renderStaffing(result, 'short periods')).toContain(`\n${sentence}\n`);
  });

  it('leaves no period that could lose a server: each was tried and missed, or has no margin', () => {
    const tried = new Set(result.steps.filter((s) => s.action.endsWith(', undone')).map((s) => s.action.split(' ')[2]!.replace(':', '')));
    // Each undone step says where the lowered staffing missed: as many periods as it counts, each one of the day's.
    const undone = result.steps.filter((s) => s.action.endsWith(', undone'));
    expect(undone.length).toBeGreaterThan(0);
    for (const step of undone) {
      const missedAt = /^lowered desk \w+: missed at (.+), undone$/.exec(step.action)![1]!.split(', ');
      expect(missedAt).toHaveLength(step.misses);
      for (const period of missedAt) expect(['a', 'b', 'c', 'd']).toContain(period);
    }
    result.periods.forEach((period) => {
      const estimate = result.achieved.find((a) => a.period === period.name)!.estimate!;
      const margin = estimate.ci95![1] <= 2;
      if (margin) expect(tried.has(period.name), period.name).toBe(true);
    });
  });

  it('says which periods it could not try with fewer servers: a metric with no CI there', async () => {
    // Two replications; in the quiet period a wait happens in at most one of them.
    const quiet = {
      name: 'quiet period',
      seed: 1,
      replications: 2,
      time: { unit: 'minute', horizon: 240, periods: [{ name: 'busy', start: 0 }, { name: 'quiet', start: 200 }] },
      stations: [{ id: 'desk', servers: { busy: 3, quiet: 3 }, service: { dist: 'exponential', mean: 30 } }],
      segments: [{ id: 's', arrivals: { rate: { busy: 0.08, quiet: 0.03 } }, route: ['desk'] }],
    };
    const model = modelOf(quiet);
    const searched = await staff(quiet, model, [target('waitMean<=10')], { seed: 6 });
    expect(searched.summary.periods!.quiet!.stations.desk!.waitMean!.ci95).toBeNull();
    expect({ converged: searched.converged, complete: searched.complete, untried: searched.untried, cutShort: searched.cutShort }).toEqual({
      converged: true,
      complete: false,
      untried: ['desk quiet'],
      cutShort: false,
    });
    expect({ untried: result.untried, cutShort: result.cutShort }).toEqual({ untried: [], cutShort: false });
    // Cut short as well: both are said (the busy period could still lose servers).
    const bounded = await staff(quiet, model, [target('waitMean<=10')], { seed: 6, maxEvaluations: 1 });
    expect({ cutShort: bounded.cutShort, untried: bounded.untried }).toEqual({ cutShort: true, untried: ['desk quiet'] });
  });

  it('does not call a period met where customers came and none was served (a wait target met by losing everyone)', async () => {
    // Services far longer than the day, patience of half a minute: with one server a period's
    // customers all renege, and the mean wait of those served is undefined, not short.
    const starve = {
      name: 'starve',
      seed: 1,
      replications: 10,
      time: { horizon: 60, drain: true, periods: [{ name: 'p1', start: 0 }, { name: 'p2', start: 30 }] },
      stations: [{ id: 's', servers: 4, service: 200 }],
      segments: [{ id: 'x', arrivals: { rate: 0.5 }, route: ['s'], patience: 0.5 }],
    };
    const searched = await staff(starve, modelOf(starve), [target('waitMean<=0.1')], { maxEvaluations: 400 });
    expect(searched.converged).toBe(true);
    for (const a of searched.achieved) {
      expect(a.estimate?.mean, a.period).not.toBeNull();
      expect(a.met, a.period).toBe(true);
    }
    const served = (p: string) => searched.summary.periods![p]!.stations.s!.served!.mean!;
    expect(Math.min(served('p1'), served('p2'))).toBeGreaterThan(0);
  });

  it('stops raising where a server more changes nothing: a served target the demand keeps out of reach', async () => {
    const branch = readFileSync(join(projectRoot, 'scenarios/bank-branch.yaml'), 'utf8');
    const data = parse(branch);
    const model = loadScenario(branch, 'bank-branch.yaml');
    if (!model.ok) throw new Error('invalid');
    const result = await staff(data, model.model, [target('served>=138')], { stations: ['counter'] });
    expect(result.converged).toBe(false);
    expect(result.beyondReach).toEqual(['counter morning']);
    expect(result.stoppedBy).toBe('beyondReach');
    expect(result.steps.length).toBeLessThan(60); // not every evaluation spent raising in vain
    // The plan written is the staffing last evaluated, without the servers that changed nothing:
    // one more in any period leaves the morning's served as it is.
    const [plan] = result.servers;
    expect(result.steps.at(-1)).toMatchObject({ servers: [plan], action: 'took back servers that changed nothing' });
    expect(plan).toEqual([7, 5, 4]);
    const morning = (servers: number[]) => runReplications(modelOf(withStaffing(data, model.model, [0], [servers])), { seed: 42, replications: 20 }).summary.periods!.morning!.stations.counter!.served;
    expect(morning(plan!)).toEqual(result.summary.periods!.morning!.stations.counter!.served);
    for (let p = 0; p < 3; p++) expect(morning(plan!.map((n, i) => (i === p ? n + 1 : n)))).toEqual(morning(plan!));
  });

  it('raises the next period for a station\'s customers who reach it later: a review desk behind a 35–45 minute lab', async () => {
    const periods = ['p1', 'p2', 'p3', 'p4', 'p5', 'p6', 'p7', 'p8'];
    const rates = [0.8, 0.1, 0.1, 0.6, 0.2, 0.6, 0.2, 0.6];
    const lab = {
      name: 'lab',
      seed: 1,
      replications: 20,
      time: { unit: 'minute', horizon: 240, drain: true, periods: periods.map((name, i) => ({ name, start: 30 * i })) },
      stations: [{ id: 'lab', servers: 10, service: { dist: 'uniform', min: 35, max: 45 } }, { id: 'review', servers: 3, service: { dist: 'exponential', mean: 5 } }],
      segments: [{ id: 's', arrivals: { rate: Object.fromEntries(periods.map((name, i) => [name, rates[i]])) }, route: ['lab', 'review'] }],
    };
    const result = await staff(lab, modelOf(lab), [target('waitP90<=3')], { stations: ['review'] });
    expect({ converged: result.converged, complete: result.complete, beyondReach: result.beyondReach }).toEqual({ converged: true, complete: true, beyondReach: [] });
    const [plan] = result.servers;
    const [sipp] = result.sipp;
    expect(plan![0]).toBe(1); // nobody reaches the review in the first half hour: its customers wait in the second
    expect(plan![1]!).toBeGreaterThan(sipp![1]!);
  });

  it('says what stopped it: the bound of evaluations while another period could still be raised, or only periods a server more leaves as they were', async () => {
    // A runner that makes up each staffing's results: the morning's served never moves (130,
    // under a target of 138); the lunch wait is 20 − servers, to bring under 1.
    const branch = readFileSync(join(projectRoot, 'scenarios/bank-branch.yaml'), 'utf8');
    const loaded = loadScenario(branch, 'bank-branch.yaml');
    if (!loaded.ok) throw new Error('invalid');
    const estimate = (mean: number) => ({ mean, sd: 0.1, ci95: [mean - 0.1, mean + 0.1] as [number, number] });
    const runner: Runner = async (model) => {
      const servers = model.stations[0]!.servers;
      const run = runReplications(loaded.model, { replications: 2 });
      const periods = Object.fromEntries(
        model.periods.map((period, p) => [period.name, { ...run.summary.periods![period.name]!, stations: { counter: { served: estimate(p === 0 ? 130 : 150), waitMean: estimate(p === 1 ? 20 - servers[1]! : 0.5) } } }]),
      );
      return { ...run, summary: { ...run.summary, periods } };
    };
    const targets = [target('served>=138'), target('waitMean<=1')];
    const cut = await staff(parse(branch), loaded.model, targets, { stations: ['counter'], runner, maxEvaluations: 6 });
    expect({ converged: cut.converged, stoppedBy: cut.stoppedBy, beyondReach: cut.beyondReach }).toEqual({ converged: false, stoppedBy: 'evaluations', beyondReach: ['counter morning'] });
    const whole = await staff(parse(branch), loaded.model, targets, { stations: ['counter'], runner });
    expect({ converged: whole.converged, stoppedBy: whole.stoppedBy, beyondReach: whole.beyondReach, lunch: whole.servers[0]![1] }).toEqual({ converged: false, stoppedBy: 'beyondReach', beyondReach: ['counter morning'], lunch: 20 });
    // Wherever it stops, the plan given is the one evaluated: servers taken back that changed
    // nothing are put back when no evaluation is left to try the plan without them.
    for (const maxEvaluations of [2, 3, 4, 5, 6]) {
      const stopped = await staff(parse(branch), loaded.model, targets, { stations: ['counter'], runner, maxEvaluations });
      expect(stopped.model.stations[0]!.servers, `stopped after ${maxEvaluations}`).toEqual(stopped.servers[0]);
    }
    expect(whole.model.stations[0]!.servers).toEqual(whole.servers[0]);
  });

  it('lowers the period with the widest margin first, and each period down to where it misses', async () => {
    // A runner whose lunch wait has the most room under the target (0.2 against 1), then the
    // afternoon's (0.5), then the morning's (0.8), whatever the servers: each is lowered to 1 in that order.
    const branch = readFileSync(join(projectRoot, 'scenarios/bank-branch.yaml'), 'utf8');
    const loaded = loadScenario(branch, 'bank-branch.yaml');
    if (!loaded.ok) throw new Error('invalid');
    const waits = [0.8, 0.2, 0.5];
    const runner: Runner = async (model) => {
      const run = runReplications(loaded.model, { replications: 2 });
      const periods = Object.fromEntries(
        model.periods.map((period, p) => [period.name, { ...run.summary.periods![period.name]!, stations: { counter: { waitMean: { mean: waits[p]!, sd: 0.01, ci95: [waits[p]! - 0.01, waits[p]! + 0.01] as [number, number] } } } }]),
      );
      return { ...run, summary: { ...run.summary, periods } };
    };
    const searched = await staff(parse(branch), loaded.model, [target('waitMean<=1')], { stations: ['counter'], runner });
    const lowered = searched.steps.filter((s) => s.action.startsWith('lowered')).map((s) => /^lowered counter (\w+)/.exec(s.action)![1]);
    const order = lowered.filter((period, i) => period !== lowered[i - 1]);
    expect(order).toEqual(['lunch', 'afternoon', 'morning']);
    expect(searched.servers[0]).toEqual([1, 1, 1]);
  });

  describe('raises a later period where a server more leaves a period as it was (made-up results)', () => {
    const branch = readFileSync(join(projectRoot, 'scenarios/bank-branch.yaml'), 'utf8');
    const loaded = loadScenario(branch, 'bank-branch.yaml');
    if (!loaded.ok) throw new Error('invalid');
    let base: ReturnType<typeof runReplications>;
    beforeAll(() => {
      base = runReplications(loaded.model, { replications: 2 });
    });
    /** A runner whose three periods' mean waits are `waits(servers added in each period)`. */
    const runnerOf = (waits: (added: number[]) => number[]): Runner => {
      let start: number[] | undefined;
      return async (model) => {
        const servers = model.stations[0]!.servers;
        start ??= [...servers];
        const added = servers.map((n, p) => n - start![p]!);
        const periods = Object.fromEntries(
          model.periods.map((period, p) => {
            const wait = Math.max(0, waits(added)[p]!);
            return [period.name, { ...base.summary.periods![period.name]!, stations: { counter: { waitMean: { mean: wait, sd: 0.01, ci95: [wait - 0.01, wait + 0.01] as [number, number] } } } }];
          }),
        );
        return { ...base, summary: { ...base.summary, periods } };
      };
    };
    const search = (waits: (added: number[]) => number[]) => staff(parse(branch), loaded.model, [target('waitMean<=1')], { stations: ['counter'], runner: runnerOf(waits), maxEvaluations: 20 });

    it('as far as the last period of the day', async () => {
      // The morning's wait moves only with the afternoon's servers.
      const searched = await search((added) => [1.5 - added[2]!, 0.5, 0.5]);
      expect({ converged: searched.converged, beyondReach: searched.beyondReach }).toEqual({ converged: true, beyondReach: [] });
      expect(searched.servers[0]![2]! - searched.steps[0]!.servers[0]![2]!).toBe(1);
    });

    it('once, where two missing periods call for a server in the same one', async () => {
      // The morning's wait moves only with lunch's servers; a morning server makes lunch miss.
      // After the first raise, the morning (passed on to lunch) and lunch both ask lunch for one.
      const searched = await search((added) => [1.5 - added[1]!, 0.5 + 0.6 * added[0]! - added[1]!, 0.5]);
      expect(searched.converged).toBe(true);
      searched.steps.slice(1).forEach((step, i) => {
        const before = searched.steps[i]!.servers[0]!;
        step.servers[0]!.forEach((n, p) => expect(n - before[p]!, `${step.action}, period ${p}`).toBeLessThanOrEqual(1));
      });
    });
  });

  it('stays within its bound of evaluations', async () => {
    const valid = validateScenario(data);
    if (!valid.ok) throw new Error('invalid');
    const bounded = await staff(data, valid.model, [target('waitP80<=2')], { maxEvaluations: 2 });
    expect(bounded.steps.at(-1)!.evaluation).toBeLessThanOrEqual(2);
    expect(bounded.converged).toBe(false);
    expect(bounded.complete).toBe(false);
  });

  it('says whether it ran to its end: a search stopped before it has tried lowering every period is not complete', async () => {
    expect(result.complete).toBe(true);
    const stopped = await staff(parse(text), bankDay, [target('waitP80<=5'), target('waitMean<=1.5')], { maxEvaluations: 2 });
    expect(stopped.steps.at(-1)!.action).toMatch(/^lowered /); // it had started lowering
    expect({ converged: stopped.converged, complete: stopped.complete }).toEqual({ converged: true, complete: false });
  });
});

describe('a denied target at a booked station whose slots have a capacity of their own', () => {
  it('raises the servers until the walk-ins held off the bookings are turned away rarely enough', async () => {
    const data = {
      name: 'Rooms',
      seed: 4,
      replications: 20,
      time: { horizon: 240 },
      stations: [{ id: 'rooms', servers: 2, service: { dist: 'exponential', mean: 30 } }],
      segments: [
        { id: 'guests', arrivals: { rate: 0 }, route: ['rooms'] },
        { id: 'walkIns', arrivals: { rate: 0.1 }, route: ['rooms'], patience: { dist: 'exponential', mean: 5 } },
      ],
      reservations: { segment: 'guests', slots: { every: 30, capacity: 2 }, noShow: 0 },
    };
    const model = modelOf(data);
    const before = runReplications(model).summary.stations.rooms!.denied!.mean!;
    expect(before).toBeGreaterThan(1);
    const result = await staff(data, model, [target('denied<=1')]);
    expect(result.converged).toBe(true);
    expect(result.achieved.every((a) => a.met && a.estimate!.mean! <= 1)).toBe(true);
    expect(Math.min(...result.servers[0]!)).toBeGreaterThan(2);
  });
});
