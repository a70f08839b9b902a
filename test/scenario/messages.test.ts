/**
 * What a planner reads when a key takes one of several shapes (a word, or a map of one of
 * several kinds told apart by a tag such as `policy` or `dist`): one problem, at the key that
 * is wrong, naming every shape it could take.
 */
import { describe, expect, it } from 'vitest';
import { validateScenario } from '../../src/index.js';

const base = {
  name: 'shapes',
  time: { horizon: 100 },
  stations: [{ id: 'rooms', servers: 2, service: 10 }],
  segments: [
    { id: 'guests', arrivals: { rate: 0 }, route: ['rooms'] },
    { id: 'walkIns', arrivals: { rate: 1 }, route: ['rooms'] },
  ],
};

function problemsOf(extra: Record<string, unknown>, station: Record<string, unknown> = {}, segment: Record<string, unknown> = {}): string[] {
  const scenario = { ...base, ...extra, stations: [{ ...base.stations[0], ...station }], segments: [{ ...base.segments[0], ...segment }, base.segments[1]] };
  const loaded = validateScenario(scenario);
  return loaded.ok ? [] : loaded.problems.map((p) => `${p.path.join('.')}: ${p.message}`);
}

const booked = (more: Record<string, unknown>) => ({ reservations: { segment: 'guests', slots: { times: [0] }, ...more } });
const policies = 'none, fixedExtra, percentage, capacityOverShowRate, optimal';

describe('problems with a key of several shapes', () => {
  it('an empirical duration that is always 0 is refused like a fixed 0, also when only its 0s are weighted', () => {
    const empirical = (values: number[], weights?: number[]) => problemsOf({}, { service: { dist: 'empirical', values, ...(weights ? { weights } : {}) } });
    const always0 = 'stations.0.service.values: at least one value must be greater than 0, with a weight greater than 0';
    expect(empirical([0, 0])).toEqual([always0]);
    expect(empirical([0, 4], [1, 0])).toEqual([always0]);
    expect(empirical([0, 4], [1, 1])).toEqual([]);
    expect(empirical([0, 4])).toEqual([]);
    expect(empirical([0, 4], [1])).toEqual(['stations.0.service.weights: weights must have one entry per value']);
    expect(empirical([0, 4], [0, 0])).toEqual(['stations.0.service.weights: at least one weight must be greater than 0']);
  });

  it('a bound that is excluded says so', () => {
    expect(problemsOf({ pricing: { referencePrice: 4, noPurchaseShare: 0 } })).toEqual(['pricing.noPurchaseShare: noPurchaseShare must be between 0 and 1, both excluded (some come and some do not)']);
  });

  it('a tag that names no kind is the one problem, with every kind and a hint', () => {
    expect(problemsOf(booked({ bookingLimit: { policy: 'fixedExtr', extra: 1, revenue: 60 } }))).toEqual([
      `reservations.bookingLimit.policy: must be one of ${policies}; got "fixedExtr" (did you mean "fixedExtra"?)`,
    ]);
    expect(problemsOf(booked({ bookingLimit: { policy: 5 } }))).toEqual([`reservations.bookingLimit.policy: must be one of ${policies}; got 5`]);
    expect(problemsOf(booked({ bookingLimit: { extra: 1 } }))).toEqual([`reservations.bookingLimit.policy: is required: one of ${policies}`]);
    expect(problemsOf(booked({ punctuality: { mean: 5, sd: 2, min: 1 } }))).toEqual(['reservations.punctuality.dist: is required: one of normal, uniform, empirical']);
  });

  it('beside a tag that names no kind, keys no kind allows are still named', () => {
    expect(problemsOf(booked({ bookingLimit: { policy: 'fixedExtr', extra: 1, bogus: 2 } }))).toEqual([
      `reservations.bookingLimit.policy: must be one of ${policies}; got "fixedExtr" (did you mean "fixedExtra"?)`,
      'reservations.bookingLimit.bogus: unknown key "bogus"; allowed here: policy, extra, percent, revenue, overageCost',
    ]);
    expect(problemsOf(booked({ punctuality: { maen: 5, sd: 2 } }))).toEqual([
      'reservations.punctuality.dist: is required: one of normal, uniform, empirical',
      'reservations.punctuality.maen: unknown key "maen" (did you mean "mean"?); allowed here: dist, mean, sd, min, max, values, weights',
    ]);
    expect(problemsOf(booked({ punctuality: { dist: 'nrmal', dis: 1 } }))).toEqual([
      'reservations.punctuality.dist: must be one of normal, uniform, empirical; got "nrmal" (did you mean "normal"?)',
      'reservations.punctuality.dis: unknown key "dis" (did you mean "dist"?); allowed here: dist, mean, sd, min, max, values, weights',
    ]);
  });

  it('a kind chosen by one key (balking.rule): a missing rule names every rule, and keys no rule allows are named too', () => {
    const balking = (value: unknown) => problemsOf({ experience: {} }, {}, { balking: value, arrivals: { rate: 1 } }).filter((p) => p.startsWith('segments.0.balking'));
    const rules = 'discouraged, linear, geometric, logit, waitBased, informed';
    const allowed = 'rule, maxInSystem, rate, a0, a1, a2, k0, zeroToleranceShare';
    expect(balking({ model: 'discouraged' })).toEqual([`segments.0.balking.rule: is required: one of ${rules}`, `segments.0.balking.model: unknown key "model"; allowed here: ${allowed}`]);
    expect(balking({ rul: 'discouraged' })).toEqual([`segments.0.balking.rul: unknown key "rul" (did you mean "rule"?); allowed here: ${allowed}`]);
    expect(balking({ rule: 'linar' })).toEqual([`segments.0.balking.rule: must be one of ${rules}; "linar" is not one of them (did you mean "linear"?)`]);
    expect(balking({})).toEqual([`segments.0.balking.rule: is required: one of ${rules}`]);
  });

  it('a key of the other form of a map (slots: times, or every/from/until) says so, with no "did you mean" for itself', () => {
    const forms = 'the map is one of { times, capacity } or { every, from, until, capacity }';
    expect(problemsOf(booked({ slots: { times: [0, 30], until: 60 } }))).toEqual([`reservations.slots.until: "until" does not go with "times": ${forms}`]);
    expect(problemsOf(booked({ slots: { times: [0], capacity: 2, every: 30 } }))).toEqual([`reservations.slots.every: "every" does not go with "times": ${forms}`]);
    // A key of no form is still the unknown key it is, and is not counted among the keys another goes against.
    expect(problemsOf(booked({ slots: { times: [0], untill: 60 } }))).toEqual([expect.stringMatching(/^reservations\.slots\.untill: unknown key "untill" \(did you mean "until"\?\)/)]);
    expect(problemsOf(booked({ bookingLimit: { polcy: 'optimal', revenue: 60 } })).some((p) => p.includes('does not go with'))).toBe(false);
  });

  it('a duration the sampler or the rates could not draw from is refused (not an internal error, nor a hang, mid-run)', () => {
    expect(problemsOf({}, { service: { dist: 'lognormal', mean: 2, sd: 1e200 } })).toEqual(['stations.0.service.sd: sd is too large against the mean to draw from: (sd/mean)² must be a finite number']);
    const gamma = 'stations.0.service.sd: mean and sd are too far apart to draw from: (mean/sd)² and sd²/mean must be finite numbers greater than 0';
    expect(problemsOf({}, { service: { dist: 'gamma', mean: 2, sd: 1e-300 } })).toEqual([gamma]); // its shape overflows: the sampler never returned
    expect(problemsOf({}, { service: { dist: 'gamma', mean: 2, sd: 1e200 } })).toEqual([gamma]);
    const tiny = 'a mean duration this small cannot be simulated: its rate (1/mean) is not a finite number';
    expect(problemsOf({}, { service: 1e-320 })).toEqual([`stations.0.service: ${tiny}`]);
    expect(problemsOf({}, {}, { patience: { dist: 'exponential', mean: 1e-320 } })).toEqual([`segments.0.patience: ${tiny}`]);
    expect(problemsOf({}, { service: { dist: 'empirical', values: [1, 5], weights: [1e308, 1e308] } })).toEqual([
      'stations.0.service.weights: the weights add up to more than a number can hold: scale them down (only their ratios matter)',
    ]);
    for (const service of [{ dist: 'gamma', mean: 2, sd: 1 }, { dist: 'lognormal', mean: 2, sd: 3 }, { dist: 'empirical', values: [1, 5], weights: [1e300, 1e300] }, 1e-300]) {
      expect(problemsOf({}, { service })).toEqual([]);
    }
  });

  it('ids and names are text people read: not only spaces, one line, no control characters; an empty unit says so in words', () => {
    const line = 'must be one line of text, without control characters (a line break, a tab, an escape)';
    expect(problemsOf({ name: 'Bank\nbranch' })).toEqual([`name: name ${line}`]);
    expect(problemsOf({}, {}, { id: 'walk\u001b[31min' })).toEqual([`segments.0.id: id ${line}`]);
    expect(problemsOf({}, { id: '   ' })).toContainEqual('stations.0.id: id must not be only spaces');
    expect(problemsOf({ time: { horizon: 480, unit: '' } })).toEqual(['time.unit: unit must not be empty']);
    expect(problemsOf({ name: 'Bank branch, weekday (staffed)' })).toEqual([]);
    expect(problemsOf({ name: 'Bank branch\n' })).toEqual([]); // `name: >` in YAML ends in a line break: still one line
  });

  it('a word not among a key\'s words lists them, in plain words, where the key has no message of its own', () => {
    expect(problemsOf({ experience: {} }, { waiting: { stage: 'before' } })).toEqual(['stations.0.waiting.stage: must be one of pre, in, post; got "before"']);
  });

  it('a key that takes one fixed value or a map says what the other value means, in its own words', () => {
    expect(problemsOf({}, { selfService: false })).toEqual(['stations.0.selfService: selfService is true or { adoption }; leave it out for a staffed station; got false']);
    expect(problemsOf(booked({ holdForBookings: true }))).toEqual([
      'reservations.holdForBookings: holdForBookings is on unless set to false ({ ahead, grace } tune it): leave it out to keep it on; got true',
    ]);
    expect(problemsOf(booked({ holdForBookings: false }))).toEqual([]);
  });

  it('a misspelt tag is the unknown key it is, with the tag it meant', () => {
    expect(problemsOf(booked({ punctuality: { dst: 'normal', mean: 5, sd: 2 } }))).toEqual([
      'reservations.punctuality.dst: unknown key "dst" (did you mean "dist"?); allowed here: dist, mean, sd, min, max, values, weights',
    ]);
  });

  it('a value of neither shape names both: the words and the map', () => {
    expect(problemsOf(booked({ bookingLimit: 3 }))).toEqual(['reservations.bookingLimit: expected one of none, capacityOverShowRate or a map of keys to values, got 3']);
    expect(problemsOf({ experience: {} }, {}, { tolerance: 5 })).toEqual([
      'segments.0.tolerance: expected one of coffee, bank, restaurant, clinic, callCentre or a map of keys to values, got 5',
    ]);
    expect(problemsOf(booked({ holdForBookings: 'no' }))).toEqual(['reservations.holdForBookings: expected false or a map of keys to values, got "no"']);
  });

  it('a malformed selfService is the schema’s one problem, not also a self-service station in every route', () => {
    expect(problemsOf({}, { selfService: 'no' })).toEqual(['stations.0.selfService: expected true or a map of keys to values, got "no"']);
  });
});

describe('numbers a planner writes as text, or as percentages', () => {
  it('a whole number too large to count exactly says so, not that it is not whole', () => {
    expect(problemsOf({}, { servers: 1e300 })).toEqual(['stations.0.servers: servers must be at most 9007199254740991 (2^53 − 1)']);
    expect(problemsOf({}, { queueCapacity: 9007199254740993 })).toEqual(['stations.0.queueCapacity: queueCapacity must be at most 9007199254740991 (2^53 − 1)']);
    expect(problemsOf({ replications: 2 ** 60 })).toEqual(['replications: replications must be at most 9007199254740991 (2^53 − 1)']);
    expect(problemsOf({}, { servers: 2.5 })).toEqual(['stations.0.servers: servers must be a whole number']);
    expect(problemsOf(booked({ slots: { times: [0], capacity: 1e20 } }))).toEqual(['reservations.slots.capacity: capacity must be at most 9007199254740991 (2^53 − 1)']);
    // Below the least, however far: the least, once.
    expect(problemsOf({}, { servers: -1e300 })).toEqual(['stations.0.servers: servers must be 0 or more']);
    expect(problemsOf({ replications: -1e300 })).toEqual(['replications: replications must be at least 1']);
  });

  it('a share given as a percentage says how to write it; a share out of range otherwise does not guess', () => {
    expect(problemsOf(booked({ noShow: 8 }))).toEqual(['reservations.noShow: noShow must be between 0 and 1 (8 looks like a percentage: write 0.08)']);
    expect(problemsOf(booked({ noShow: 150 }))).toEqual(['reservations.noShow: noShow must be between 0 and 1']);
    expect(problemsOf(booked({ noShow: -0.1 }))).toEqual(['reservations.noShow: noShow must be between 0 and 1']);
    expect(problemsOf(booked({ noShow: 0.08 }))).toEqual([]);
  });

  it('text where a number goes: a percentage, a clock time, a number with its unit', () => {
    expect(problemsOf(booked({ noShow: '8%' }))).toEqual(['reservations.noShow: expected a number, got "8%" (write a percentage as a number: 0.08 for 8%)']);
    expect(problemsOf({ time: { horizon: 100, periods: [{ name: 'a', start: 0 }, { name: 'b', start: '10:00' }] } })).toEqual([
      'time.periods.1.start: expected a number, got "10:00" (times are numbers of the time unit from opening, not clock times: 60 is an hour after opening when time.unit is minute)',
    ]);
    expect(problemsOf({}, {}, { patience: '10 minutes' })).toEqual([
      'segments.0.patience: expected a number or a map of keys to values, got "10 minutes" (write it in time.unit, minutes: 10 for 10 minutes)',
    ]);
  });

  it('only where the key says what the number is: a time unit converted to the scenario’s, no share hint for a rate, no clock outside time', () => {
    expect(problemsOf({ time: { horizon: 100, unit: 'hour' } }, {}, { patience: '10 minutes' })).toEqual([
      'segments.0.patience: expected a number or a map of keys to values, got "10 minutes" (write it in time.unit, hours: 0.166667 for 10 minutes)',
    ]);
    expect(problemsOf({}, { servers: '3 tellers' })).toEqual(['stations.0.servers: expected a number or a map of keys to values, got "3 tellers" (write the number alone: 3)']);
    expect(problemsOf({}, {}, { arrivals: { rate: '12%' } })).toEqual(['segments.0.arrivals.rate: expected a number or a map of keys to values, got "12%"']);
    expect(problemsOf({}, {}, { patience: { dist: 'exponential', mean: '10:00' } })).toEqual(['segments.0.patience.mean: expected a number, got "10:00"']);
    // A time unit where no duration is asked for: nothing to convert (2 hours of servers is not 120 servers).
    expect(problemsOf({}, { servers: '2 hours' })).toEqual(['stations.0.servers: expected a number or a map of keys to values, got "2 hours"']);
    expect(problemsOf({}, {}, { arrivals: { rate: '21 h' } })).toEqual(['segments.0.arrivals.rate: expected a number or a map of keys to values, got "21 h"']);
    // A share with its own bounds, and a share per segment (the path ends at the segment's id).
    expect(problemsOf({ pricing: { referencePrice: 4, noPurchaseShare: '20%' } })).toEqual(['pricing.noPurchaseShare: expected a number, got "20%" (write a percentage as a number: 0.2 for 20%)']);
    expect(problemsOf({ pricing: { referencePrice: 4, noPurchaseShare: 20 } })).toEqual(['pricing.noPurchaseShare: noPurchaseShare must be between 0 and 1, both excluded (some come and some do not) (20 looks like a percentage: write 0.2)']);
    expect(problemsOf({ pricing: { referencePrice: 4, noPurchaseShare: 100 } })).toEqual(['pricing.noPurchaseShare: noPurchaseShare must be between 0 and 1, both excluded (some come and some do not)']);
    // A slot time is a time; an Erlang's phases under service are a count.
    expect(problemsOf(booked({ slots: { every: '1 h' } }))).toEqual(['reservations.slots.every: expected a number, got "1 h" (write it in time.unit, minutes: 60 for 1 h)']);
    expect(problemsOf({}, { service: { dist: 'erlang', mean: 10, k: '3 h' } })).toEqual([expect.not.stringContaining('time.unit')]);
    // A per-period value with a word after it.
    expect(problemsOf({ time: { horizon: 100, periods: [{ name: 'a', start: 0 }, { name: 'b', start: 50 }] } }, { servers: { a: '3 tellers', b: 2 } })).toEqual([
      'stations.0.servers.a: servers must be a whole number (write the number alone: 3)',
    ]);
  });

  it('a missing key of several shapes is required, naming them', () => {
    const { servers: _servers, ...withoutServers } = base.stations[0]!;
    const loaded = validateScenario({ ...base, stations: [withoutServers] });
    expect(loaded.ok ? [] : loaded.problems.map((p) => `${p.path.join('.')}: ${p.message}`)).toEqual(['stations.0.servers: is required: a number or a map of keys to values']);
  });
});
