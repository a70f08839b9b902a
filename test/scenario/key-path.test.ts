import { describe, expect, it } from 'vitest';
import { parseAxis } from '../../src/run/grid.js';
import { formatParts, parseKeyPath, readKeyPath, setKeyPath, type PathPart } from '../../src/scenario/key-path.js';
import { parseVariantSpec } from '../../src/scenario/variants.js';

const bank = () => ({
  name: 'Bank',
  time: { horizon: 480, periods: [{ name: 'morning', start: 0 }, { name: 'lunch', start: 180 }] },
  stations: [
    { id: 'counter', servers: 3, service: { dist: 'exponential', mean: 3 } },
    { id: 'desk.2', servers: { morning: 1, lunch: 2 } },
  ],
  segments: [{ id: 'quick', arrivals: { rate: 1 }, route: ['counter'] }],
});

function parts(text: string): PathPart[] {
  const parsed = parseKeyPath(text);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.value;
}

describe('key paths', () => {
  it('read dotted names, [index] and ["quoted ids"]', () => {
    expect(parts('stations.counter.servers')).toEqual([{ name: 'stations' }, { name: 'counter' }, { name: 'servers' }]);
    expect(parts('segments[0].arrivals.rate')).toEqual([{ name: 'segments' }, { index: 0 }, { name: 'arrivals' }, { name: 'rate' }]);
    expect(parts('stations["desk.2"].servers')).toEqual([{ name: 'stations' }, { name: 'desk.2' }, { name: 'servers' }]);
  });

  it('read an id with quotes or a backslash in it, escaped or not, and write it back so that it reads the same', () => {
    const vip = [{ name: 'segments' }, { name: 'regulars "VIP"' }, { name: 'patience' }];
    expect(parts('segments["regulars \\"VIP\\""].patience')).toEqual(vip);
    expect(parts('segments["regulars "VIP""].patience')).toEqual(vip);
    expect(parts('stations["C:\\desk"]')).toEqual([{ name: 'stations' }, { name: 'C:\\desk' }]); // only \" and \\ are escapes
    for (const id of ['regulars "VIP"', 'a\\b', 'x"]y', 'desk.2', 'plain', 'a=b', 'a:b', 'a;b', 'C:\\desk']) {
      const path = [{ name: 'stations' }, { name: id }, { name: 'servers' }];
      expect(parts(formatParts(path)), formatParts(path)).toEqual(path);
      // and inside a variant of two assignments, neither swallowing the other
      const spec = parseVariantSpec(`v: ${formatParts(path)}=2; stations.a.servers=3`);
      expect(spec.ok && spec.value.assignments.map((a) => [a.parts, a.value]), formatParts(path)).toEqual([
        [path, 2],
        [[{ name: 'stations' }, { name: 'a' }, { name: 'servers' }], 3],
      ]);
      const unnamed = parseVariantSpec(`${formatParts(path)}=2`);
      expect(unnamed.ok && unnamed.value.assignments[0]!.parts, formatParts(path)).toEqual(path);
      const axis = parseAxis(`${formatParts(path)}=1,2`);
      expect(axis.ok && axis.value.parts, formatParts(path)).toEqual(path);
    }
  });

  it('refuse empty parts and unclosed brackets', () => {
    for (const bad of ['', 'stations..servers', 'stations.', 'stations[0', 'stations[x]', 'stations["a]']) {
      expect(parseKeyPath(bad).ok, bad).toBe(false);
    }
  });

  it('address list elements by id, by name (periods) or by index, and give the validator’s path', () => {
    expect(readKeyPath(bank(), parts('stations.counter.service.mean'))).toEqual({ ok: true, value: { path: ['stations', 0, 'service', 'mean'], value: 3 } });
    expect(readKeyPath(bank(), parts('stations[1].servers.lunch'))).toMatchObject({ ok: true, value: { value: 2 } });
    expect(readKeyPath(bank(), parts('stations.1.servers.lunch'))).toMatchObject({ ok: true, value: { value: 2 } });
    expect(readKeyPath(bank(), parts('time.periods.lunch.start'))).toEqual({ ok: true, value: { path: ['time', 'periods', 1, 'start'], value: 180 } });
  });

  it('name what is there when an element is missing, with a did-you-mean', () => {
    const missing = readKeyPath(bank(), parts('stations.cuonter.servers'));
    expect(missing).toEqual({ ok: false, message: 'stations has no element "cuonter" (did you mean "counter"?); it has counter, desk.2' });
    expect(readKeyPath(bank(), parts('stations[5]'))).toMatchObject({ ok: false });
  });

  it('set values in place, creating missing maps on the way', () => {
    const data = bank();
    expect(setKeyPath(data, parts('stations.counter.queueCapacity'), 30)).toEqual({ ok: true, value: ['stations', 0, 'queueCapacity'] });
    expect(setKeyPath(data, parts('experience.perception.exponent'), 0.8)).toMatchObject({ ok: true });
    expect(data.stations[0]).toMatchObject({ queueCapacity: 30 });
    expect((data as Record<string, unknown>).experience).toEqual({ perception: { exponent: 0.8 } });
  });

  it('turn a whole-day number into a per-period map when a period name addresses it', () => {
    const data = bank();
    expect(setKeyPath(data, parts('stations.counter.servers.lunch'), 4)).toMatchObject({ ok: true });
    expect(data.stations[0]!.servers).toEqual({ morning: 3, lunch: 4 });
  });

  it('say where a path went on past a number, for the caller to tell a wrong period from a whole-day key', () => {
    const data = bank();
    expect(setKeyPath(data, parts('stations.counter.servers.lnch'), 4)).toEqual({
      ok: false,
      message: 'stations[0].servers is the number 3, which has no "lnch" inside it',
      pastNumber: { path: ['stations', 0, 'servers'], value: 3, name: 'lnch' },
    });
    expect(data.stations[0]!.servers).toBe(3);
  });

  it('never touch the prototype: __proto__ is set as an ordinary key, for the validator to refuse', () => {
    const data = bank();
    setKeyPath(data, parts('__proto__'), { polluted: true });
    expect(Object.getPrototypeOf(data)).toBe(Object.prototype);
    expect(Object.hasOwn(data, '__proto__')).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuse to go inside a plain value', () => {
    expect(setKeyPath(bank(), parts('name.first'), 'x')).toEqual({ ok: false, message: 'name is the text "Bank", which has no "first" inside it' });
  });
});
