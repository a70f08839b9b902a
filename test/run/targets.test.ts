import { describe, expect, it } from 'vitest';
import { checkTarget, checkTargetAt, erlangTarget, meets, meetsWithMargin, parseTarget, type Target } from '../../src/run/targets.js';
import { validateScenario } from '../../src/scenario/load.js';

const target = (text: string): Target => {
  const parsed = parseTarget(text);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.value;
};

describe('staffing targets', () => {
  it('read METRIC<=VALUE and METRIC>=VALUE, percentages as shares', () => {
    expect(target('waitP80<=5')).toEqual({ metric: 'waitP80', atMost: true, value: 5, text: 'waitP80<=5' });
    expect(target(' abandonmentRate <= 5% ')).toMatchObject({ metric: 'abandonmentRate', atMost: true, value: 0.05 });
    expect(target('served>=100')).toMatchObject({ atMost: false, value: 100 });
    for (const bad of ['waitP80<5', 'waitP80=5', '<=5', 'waitP80<=five']) expect(parseTarget(bad).ok, bad).toBe(false);
  });

  it('must name a metric of stations, with a hint for a typo', () => {
    const loaded = validateScenario({ name: 'x', time: { horizon: 10 }, stations: [{ id: 'a', servers: 1, service: 1 }], segments: [{ id: 's', arrivals: { rate: 1 }, route: ['a'] }] });
    if (!loaded.ok) throw new Error('invalid');
    expect(checkTarget(target('waitP8<=5'), loaded.model)).toMatch(/"waitP8" is not a metric of stations \(did you mean "waitP80"\?\)/);
    expect(checkTarget(target('abandonmentRate<=5'), loaded.model)).toMatch(/share between 0 and 1/);
    expect(checkTarget(target('waitP90<=5'), loaded.model)).toBeUndefined();
    // A percentage only for shares: 5% of a wait is not 0.05 time units.
    expect(checkTarget(target('waitMean<=5%'), loaded.model)).toMatch(/waitMean<=5%: a percentage is for shares .*waitMean is a time, in the scenario's unit: write waitMean<=5/);
    expect(checkTarget(target('balked<=2%'), loaded.model)).toMatch(/balked is a count/);
  });

  it('must be reachable by adding servers: the right direction, a possible value, a metric staffing moves', () => {
    const loaded = validateScenario({ name: 'x', time: { horizon: 10 }, stations: [{ id: 'a', servers: 1, service: 1 }], segments: [{ id: 's', arrivals: { rate: 1 }, route: ['a'] }] });
    if (!loaded.ok) throw new Error('invalid');
    expect(checkTarget(target('utilisation>=90%'), loaded.model)).toMatch(/more servers lower utilisation.*write utilisation<=VALUE/);
    expect(checkTarget(target('served<=100'), loaded.model)).toMatch(/more servers raise served.*write served>=VALUE/);
    expect(checkTarget(target('waitP80<=-1'), loaded.model)).toMatch(/waitP80 is never negative, so no staffing meets this/);
    expect(checkTarget(target('arrivals>=10'), loaded.model)).toMatch(/staffing does not change arrivals/);
    expect(checkTarget(target('overtime<=0'), loaded.model)).toMatch(/whoever is in service at closing runs over, whatever the staffing; give an allowance/);
    expect(checkTarget(target('overtime<=30'), loaded.model)).toBeUndefined();
    const noDrain = validateScenario({ name: 'x', time: { horizon: 10, drain: false }, stations: [{ id: 'a', servers: 1, service: 1 }], segments: [{ id: 's', arrivals: { rate: 1 }, route: ['a'] }] });
    if (!noDrain.ok) throw new Error('invalid');
    expect(checkTarget(target('overtime<=0'), noDrain.model)).toBeUndefined(); // the run stops at closing
    for (const fine of ['utilisation<=85%', 'served>=100', 'abandonmentRate<=5%', 'waitMean<=0']) expect(checkTarget(target(fine), loaded.model), fine).toBeUndefined();
    // denied: set by the bookings without reservations; at a booked station more servers turn fewer away.
    expect(checkTarget(target('denied<=1'), loaded.model)).toMatch(/staffing does not change denied/);
    const booked = validateScenario({
      name: 'booked',
      time: { horizon: 100 },
      stations: [{ id: 'rooms', servers: 2, service: 10 }],
      segments: [{ id: 'guests', arrivals: { rate: 0 }, route: ['rooms'] }, { id: 'walkIns', arrivals: { rate: 0.2 }, route: ['rooms'] }],
      reservations: { segment: 'guests', slots: { times: [0, 50], capacity: 2 } },
    });
    if (!booked.ok) throw new Error('invalid');
    expect(checkTarget(target('denied<=1'), booked.model)).toBeUndefined();
    expect(checkTarget(target('denied>=1'), booked.model)).toMatch(/more servers lower denied.*write denied<=VALUE/);
    // Slots that take the servers as their capacity take more bookings with more servers: denied may rise.
    const byServers = validateScenario({ name: 'by servers', time: { horizon: 100 }, stations: [{ id: 'rooms', servers: 2, service: 10 }], segments: [{ id: 'guests', arrivals: { rate: 0 }, route: ['rooms'] }, { id: 'walkIns', arrivals: { rate: 0.2 }, route: ['rooms'] }], reservations: { segment: 'guests', slots: { times: [0, 50] } } });
    if (!byServers.ok) throw new Error('invalid');
    expect(checkTarget(target('denied<=1'), byServers.model)).toMatch(/take the servers as their capacity.*give reservations\.slots\.capacity/);
  });

  it('are met when the whole 95% CI is on the right side; on the mean only where there is no CI', () => {
    const t = target('waitP80<=5');
    // A mean inside the target with a CI reaching past it is not met: fresh numbers miss about half the time.
    expect(meets(t, { mean: 4.9, ci95: [4, 5.8], sd: 1 }, true)).toBe(false);
    expect(meetsWithMargin(t, { mean: 4.9, ci95: [4, 5.8], sd: 1 }, true)).toBe(false);
    expect(meets(t, { mean: 3, ci95: [2, 4], sd: 1 }, true)).toBe(true);
    expect(meets(t, { mean: 4.5, ci95: [4, 5], sd: 1 }, true)).toBe(true); // the bound itself meets "<="
    expect(meetsWithMargin(t, { mean: 3, ci95: [2, 4], sd: 1 }, true)).toBe(true);
    expect(meets(t, { mean: 5.1, ci95: [5, 5.2], sd: 1 }, true)).toBe(false);
    expect(meets(target('served>=10'), { mean: 12, ci95: [9, 15], sd: 3 }, true)).toBe(false);
    expect(meets(target('served>=10'), { mean: 12, ci95: [10, 14], sd: 2 }, true)).toBe(true);
    // Defined in one replication only: no CI, the mean decides (and the search does not lower it).
    expect(meets(t, { mean: 4.9, ci95: null, sd: null }, true)).toBe(true);
    expect(meets(t, { mean: 5.1, ci95: null, sd: null }, true)).toBe(false);
    expect(meetsWithMargin(t, { mean: 4.9, ci95: null, sd: null }, true)).toBe(false);
    // Undefined in every replication: met where nobody reached the station, missed where
    // customers came and none was served (all of them lost is no short wait).
    expect(meets(t, { mean: null, ci95: null, sd: null }, false)).toBe(true);
    expect(meets(t, { mean: null, ci95: null, sd: null }, true)).toBe(false);
    expect(meetsWithMargin(t, { mean: null, ci95: null, sd: null }, true)).toBe(false);
    expect(meets(t, undefined, false)).toBe(true);
  });

  it('at a station: a wait target where nobody can wait (queueCapacity 0), and a time in the system below the service itself, are refused', () => {
    const loaded = validateScenario({
      name: 'two desks',
      time: { horizon: 100 },
      stations: [{ id: 'loss', servers: 2, queueCapacity: 0, service: { dist: 'exponential', mean: 5 } }, { id: 'desk', servers: 2, service: { dist: 'exponential', mean: 5 } }],
      segments: [{ id: 'a', arrivals: { rate: 0.3 }, route: ['loss', 'desk'] }, { id: 'b', arrivals: { rate: 0.1 }, route: [{ choose: ['desk'] }] }],
    });
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems));
    expect(checkTargetAt(target('waitP90<=0.5'), loaded.model, 0)).toMatch(/^waitP90<=0\.5: loss has queueCapacity 0, so nobody waits there and one server meets it; .*abandonmentRate/);
    expect(checkTargetAt(target('waitP90<=0.5'), loaded.model, 1)).toBeUndefined();
    expect(checkTargetAt(target('abandonmentRate<=5%'), loaded.model, 0)).toBeUndefined();
    expect(checkTargetAt(target('timeInSystemMean<=4'), loaded.model, 1)).toBe('timeInSystemMean<=4: the time at desk includes its service, whose mean is at least 5 for every customer there, so no staffing brings it below 4');
    expect(checkTargetAt(target('timeInSystemMean<=6'), loaded.model, 1)).toBeUndefined();
    // A booked visit lasts the booking's hold: a target between the hold and the service is not refused.
    const booked = validateScenario({
      name: 'booked',
      time: { horizon: 300 },
      stations: [{ id: 'tables', servers: 4, service: { dist: 'exponential', mean: 90 } }],
      segments: [{ id: 'guests', arrivals: { rate: 0 }, route: ['tables'] }, { id: 'walkIns', arrivals: { rate: 0.02 }, route: ['tables'], service: { tables: { dist: 'exponential', mean: 60 } } }],
      reservations: { segment: 'guests', slots: { times: [0, 120], capacity: 2 }, hold: { dist: 'deterministic', value: 45 } },
    });
    if (!booked.ok) throw new Error(JSON.stringify(booked.problems));
    expect(checkTargetAt(target('timeInSystemMean<=50'), booked.model, 0)).toBeUndefined();
    expect(checkTargetAt(target('timeInSystemMean<=40'), booked.model, 0)).toMatch(/at least 45 for every customer/);
  });

  it('map to the Erlang model: quantiles as service levels, mean wait, abandonment with patience', () => {
    expect(erlangTarget(target('waitP80<=5'), 1, 0)).toEqual({ kind: 'serviceLevel', within: 5, atLeast: 0.8 });
    expect(erlangTarget(target('waitMean<=2'), 1, 0)).toEqual({ kind: 'meanWait', atMost: 2 });
    expect(erlangTarget(target('queueLengthMean<=2'), 4, 0)).toEqual({ kind: 'meanWait', atMost: 0.5 });
    expect(erlangTarget(target('abandonmentRate<=0.05'), 1, 0.1)).toEqual({ kind: 'abandonment', patienceRate: 0.1, atMost: 0.05 });
    expect(erlangTarget(target('abandonmentRate<=0.05'), 1, 0)).toBeUndefined();
    expect(erlangTarget(target('served>=10'), 1, 0)).toBeUndefined();
  });
});
