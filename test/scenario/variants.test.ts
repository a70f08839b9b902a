import { describe, expect, it } from 'vitest';
import { buildVariant, parseVariantSpec, splitOutside, type VariantSpec } from '../../src/scenario/variants.js';

const base = {
  name: 'Bank',
  time: { horizon: 480, periods: [{ name: 'morning', start: 0 }, { name: 'lunch', start: 180 }] },
  stations: [{ id: 'counter', servers: { morning: 3, lunch: 3 }, service: { dist: 'exponential', mean: 3 } }],
  segments: [{ id: 'quick', arrivals: { rate: 1 }, route: ['counter'] }],
};

function spec(text: string): VariantSpec {
  const parsed = parseVariantSpec(text);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.value;
}

describe('variants written as NAME: key.path=value; key.path=value', () => {
  it('read a name and several assignments, each value as YAML', () => {
    const variant = spec('calm: stations.counter.servers.lunch=4; stations.counter.service={dist: exponential, mean: 2.5}; stations.counter.discipline=fifo');
    expect(variant.name).toBe('calm');
    expect(variant.assignments.map((a) => a.value)).toEqual([4, { dist: 'exponential', mean: 2.5 }, 'fifo']);
  });

  it('are named by their assignments when no name is given', () => {
    expect(spec('stations.counter.servers.lunch=4').name).toBe('stations.counter.servers.lunch=4');
  });

  it('read a colon inside a key path (a period named 09:00) as the path\'s, and a colon after a name or one plain word as the name\'s', () => {
    expect(spec('stations.counter.servers.09:00=4')).toMatchObject({ name: 'stations.counter.servers["09:00"]=4', assignments: [{ parts: [{ name: 'stations' }, { name: 'counter' }, { name: 'servers' }, { name: '09:00' }], value: 4 }] });
    expect(spec('early: stations.counter.servers.09:00=4')).toMatchObject({ name: 'early', assignments: [{ value: 4 }] });
    expect(spec('early:stations.counter.servers.lunch=4')).toMatchObject({ name: 'early', assignments: [{ value: 4 }] });
    expect(spec('v1.5: stations.counter.servers.lunch=4').name).toBe('v1.5');
    // Without a space too, when what comes before the colon is no key path of the scenario.
    expect(spec('v1.2:stations.counter.servers.lunch=4')).toMatchObject({ name: 'v1.2', assignments: [{ value: 4 }] });
    expect(spec('plan[b]:stations.counter.servers.lunch=4').name).toBe('plan[b]');
    expect(spec('time.periods.lunch:start=200').name).not.toBe('time.periods.lunch'); // a key path of the scenario: the colon is the path's
  });

  it('refuse an assignment that replaces what an earlier one set; an assignment inside an earlier one changes it', () => {
    const replaced = buildVariant(base, 'bank.yaml', spec('x: stations.counter.servers.lunch=5; stations.counter.servers=4'));
    expect(replaced).toEqual({
      ok: false,
      problems: [{ file: 'bank.yaml [variant "x"]', source: 'bank.yaml', path: [], message: 'stations.counter.servers=4 replaces what stations.counter.servers.lunch=5 set: give stations.counter.servers=4 first, or leave one out' }],
    });
    expect(buildVariant(base, 'bank.yaml', spec('x: stations[0].servers=4; stations.counter.servers=5')).ok).toBe(false);
    const inside = buildVariant(base, 'bank.yaml', spec('x: stations.counter.servers=4; stations.counter.servers.lunch=5'));
    expect(inside.ok && inside.model.stations[0]!.servers).toEqual([4, 5]);
  });

  it('say when a period was given to a key that is one value for the whole day, and name the variant\'s assignments for a problem beside them', () => {
    const capacity = buildVariant({ ...base, stations: [{ ...base.stations[0], queueCapacity: 5 }] }, 'bank.yaml', spec('a: stations.counter.queueCapacity.lunch=3'));
    expect(!capacity.ok && capacity.problems.map((p) => p.message)).toEqual([
      'queueCapacity must be a whole number (set by stations.counter.queueCapacity.lunch=3: stations.counter.queueCapacity is one value for the whole day, not one per period; set stations.counter.queueCapacity=VALUE)',
    ]);
    // A per-period key written as one number is spread as before, and its problem named as before.
    // servers takes a value per period: a per-period map refused for another reason gets no such hint.
    const closed = buildVariant({ ...base, stations: [{ ...base.stations[0], servers: 3 }] }, 'bank.yaml', spec('c: stations.counter.servers.lunch=0'));
    expect(!closed.ok && closed.problems.map((p) => p.message)).toEqual([expect.not.stringContaining('one value for the whole day')]);
    expect(!closed.ok && closed.problems[0]!.message).toContain('(set by stations.counter.servers.lunch=0)');
    // Also when an earlier assignment spread the number and a later one made the map wrong.
    const twice = buildVariant({ ...base, stations: [{ ...base.stations[0], servers: 3 }] }, 'bank.yaml', spec('d: stations.counter.servers.morning=4; stations.counter.servers.lunch=0'));
    expect(!twice.ok && twice.problems.map((p) => p.message)).toEqual([expect.not.stringContaining('one value for the whole day')]);
    const servers = buildVariant({ ...base, stations: [{ ...base.stations[0], servers: 3 }] }, 'bank.yaml', spec('b: stations.counter.servers.lunch=4.5'));
    expect(!servers.ok && servers.problems.map((p) => p.message)).toEqual(['servers must be a whole number (set by stations.counter.servers.lunch=4.5)']);
    const day = { ...base, time: { horizon: 480, periods: [{ name: 'morning', start: 0 }, { name: 'lunch', start: 180 }, { name: 'afternoon', start: 300 }] }, stations: [{ ...base.stations[0], servers: 3 }] };
    const late = buildVariant(day, 'bank.yaml', spec('late: time.periods.lunch.start=350'));
    expect(!late.ok && late.problems.map((p) => `${p.path.join('.')}: ${p.message}`)).toEqual(['time.periods.2.start: periods must start at ascending times (the variant sets time.periods.lunch.start=350)']);
  });

  it('after a number, a name that is not a period: a wrong period for a per-period key, the whole day for another', () => {
    const numbered = { ...base, stations: [{ ...base.stations[0], servers: 3, queueCapacity: 5 }] };
    const messages = (text: string) => {
      const built = buildVariant(numbered, 'bank.yaml', spec(text));
      return built.ok ? [] : built.problems.map((p) => p.message);
    };
    expect(messages('a: stations.counter.servers.lnch=4')).toEqual([
      'stations.counter.servers.lnch=4: unknown period "lnch" (did you mean "lunch"?) after stations[0].servers (the number 3); the periods are morning, lunch',
    ]);
    expect(messages('b: stations.counter.servers.evening=4')).toEqual(['stations.counter.servers.evening=4: unknown period "evening" after stations[0].servers (the number 3); the periods are morning, lunch']);
    expect(messages('c: stations.counter.queueCapacity.lnch=4')).toEqual([
      'stations.counter.queueCapacity.lnch=4: stations[0].queueCapacity is one value for the whole day (the number 5), not one per period: set stations[0].queueCapacity=VALUE',
    ]);
    expect(messages('d: time.horizon.lunsh=100')).toEqual(['time.horizon.lunsh=100: time.horizon is one value for the whole day (the number 480), not one per period: set time.horizon=VALUE']);
    expect(messages('e: stations.counter.servers.lunch.x=3')).toEqual(['stations.counter.servers.lunch.x=3: stations[0].servers.lunch is the value of period lunch (the number 3), which has no "x" inside it']);
  });

  it('split on ; only outside brackets and quotes', () => {
    expect(splitOutside('a=[1;2]; b="x;y"; c=3', ';')).toEqual(['a=[1;2]', ' b="x;y"', ' c=3']);
  });

  it('refuse an assignment without = or without a value', () => {
    expect(parseVariantSpec('x: stations.counter.servers')).toEqual({ ok: false, message: 'variant "x": "stations.counter.servers" needs the form key.path=value' });
    expect(parseVariantSpec('x: stations.counter.servers=')).toMatchObject({ ok: false });
    expect(parseVariantSpec('x:')).toMatchObject({ ok: false });
  });

  it('say where the colon goes when a name stands before a key path without one', () => {
    expect(parseVariantSpec('lunch5 stations.counter.servers.lunch=5; segments.quick.balkAt=3')).toEqual({
      ok: false,
      message: 'to name the variant, put a colon after its name: "lunch5: stations.counter.servers.lunch=5; segments.quick.balkAt=3"',
    });
    const hint = (text: string) => {
      const parsed = parseVariantSpec(text);
      return parsed.ok ? undefined : parsed.message.replace('to name the variant, put a colon after its name: ', '');
    };
    expect(hint('more staff stations.counter.servers=5')).toBe('"more staff: stations.counter.servers=5"');
    expect(hint('more staff stations.front desk time.servers=3')).toBe('"more staff: stations.front desk time.servers=3"');
    expect(hint('v1.2 stations.counter.servers=3')).toBe('"v1.2: stations.counter.servers=3"'); // a name with a dot, as before
    // The suggestion is the text given, with the colon: not cut short by a leading ";" or kept with trailing spaces.
    expect(hint(';more staff stations.counter.servers=5 ; segments.quick.balkAt=3  ')).toBe('"more staff: stations.counter.servers=5; segments.quick.balkAt=3"');
    // A key path through an id with spaces, whose last word is a top-level key, is a key path: no hint.
    expect(parseVariantSpec('segments.walk in time.arrivals.rate=1')).toMatchObject({ ok: true });
    expect(parseVariantSpec('segments.part time.arrivals.rate=1')).toMatchObject({ ok: true });
    expect(parseVariantSpec('stations.front desk time.servers=3')).toMatchObject({ ok: true });
    // Not a key path after the space: the key path's own problem, said later.
    expect(parseVariantSpec('lunch5 counter=5')).toMatchObject({ ok: true });
    // A space inside quotes or brackets is an id's; a key path with a space of its own is not this slip.
    expect(parseVariantSpec('stations["x stations.a"].servers=2')).toMatchObject({ ok: true });
    expect(parseVariantSpec('segments["walk stations.x"].balkAt=2')).toMatchObject({ ok: true });
    expect(parseVariantSpec('two stations. counter.servers=3')).toMatchObject({ ok: true });
  });

  it('remove a key with null (or ~), so that its default applies; not a list element, nor a key not there', () => {
    const patient = { ...base, segments: [{ ...base.segments[0]!, patience: { dist: 'exponential', mean: 5 } }] };
    for (const text of ['never: segments.quick.patience=null', 'never: segments.quick.patience=~']) {
      const built = buildVariant(patient, 'bank.yaml', spec(text));
      if (!built.ok) throw new Error(JSON.stringify(built.problems));
      expect(built.model.segments[0]!.patience).toBeNull(); // the model's "never gives up"
      expect(built.data).toMatchObject({ segments: [{ id: 'quick' }] });
      expect(Object.keys((built.data as typeof patient).segments[0]!)).not.toContain('patience');
    }
    expect(patient.segments[0]!.patience).toEqual({ dist: 'exponential', mean: 5 }); // the base stays as it was
    const element = buildVariant(base, 'bank.yaml', spec('x: stations[0]=null'));
    expect(!element.ok && element.problems[0]!.message).toBe('stations[0]=null: stations[0] is an element of a list, which null cannot remove');
    const absent = buildVariant(base, 'bank.yaml', spec('x: segments.quick.patience=null'));
    expect(!absent.ok && absent.problems[0]!.message).toBe('segments.quick.patience=null: segments[0].patience is not in the scenario, so there is nothing to remove');
    const required = buildVariant(base, 'bank.yaml', spec('x: stations.counter.service=null'));
    expect(required.ok).toBe(false); // the validator then says what is missing
  });

  it('build a valid model from the base data, which stays as it was', () => {
    const built = buildVariant(base, 'bank.yaml', spec('fourth: stations.counter.servers.lunch=4'));
    if (!built.ok) throw new Error(JSON.stringify(built.problems));
    expect(built.model.stations[0]!.servers).toEqual([3, 4]);
    expect(base.stations[0]!.servers).toEqual({ morning: 3, lunch: 3 });
  });

  it('validate like a file: a problem names the variant, the key path and the assignment behind it', () => {
    const built = buildVariant(base, 'bank.yaml', spec('half: stations.counter.servers.lunch=3.5'));
    expect(built).toEqual({
      ok: false,
      problems: [
        {
          file: 'bank.yaml [variant "half"]',
          source: 'bank.yaml',
          path: ['stations', 0, 'servers', 'lunch'],
          line: undefined,
          message: 'servers must be a whole number (set by stations.counter.servers.lunch=3.5)',
        },
      ],
    });
  });

  it('name every assignment that touches the key of a problem, not only the first', () => {
    const built = buildVariant(base, 'bank.yaml', spec('x: stations.counter.servers.morning=2; stations.counter.servers.lunch=1.5'));
    expect(built.ok).toBe(false);
    if (!built.ok) expect(built.problems.map((p) => p.message)).toEqual(['servers must be a whole number (set by stations.counter.servers.lunch=1.5)']);
    // A problem of the whole servers map: both assignments touch it.
    const whole = buildVariant({ ...base, time: { ...base.time, drain: true } }, 'bank.yaml', spec('y: stations.counter.servers.morning=2; stations.counter.servers.lunch=0'));
    expect(whole.ok).toBe(false);
    if (!whole.ok) expect(whole.problems[0]!.message).toMatch(/\(set by stations\.counter\.servers\.morning=2; stations\.counter\.servers\.lunch=0\)$/);
  });

  it('report an unknown key the schema way, and a missing element the key-path way', () => {
    const unknown = buildVariant(base, 'bank.yaml', spec('discount: discounts.afternoon=8'));
    expect(unknown.ok).toBe(false);
    if (!unknown.ok) expect(unknown.problems[0]!.message).toMatch(/^unknown key "discounts".*\(set by discounts\.afternoon=8\)$/);
    const missing = buildVariant(base, 'bank.yaml', spec('x: stations.desk.servers=2'));
    expect(missing).toMatchObject({ ok: false, problems: [{ file: 'bank.yaml [variant "x"]', message: 'stations.desk.servers=2: stations has no element "desk"; it has counter' }] });
  });
});
