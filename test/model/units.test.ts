import { describe, expect, it } from 'vitest';
import { hoursPerUnit, pluralUnit, unitOf } from '../../src/model/units.js';

describe('time unit labels', () => {
  it('name one unit however they are written, and an abbreviation is not read as a plural', () => {
    expect(['minute', 'Minutes', 'min', 'mins'].map(unitOf)).toEqual(['minute', 'minute', 'minute', 'minute']);
    expect(['h', 'hr', 'hrs', 'hours'].map(unitOf)).toEqual(['hour', 'hour', 'hour', 'hour']);
    expect(unitOf('ms')).toBe('millisecond');
    expect(unitOf('ms')).not.toBe(unitOf('m'));
  });

  it('convert clock units to hours, and nothing else', () => {
    expect(['s', 'sec', 'seconds', 'min', 'Minutes', 'h', 'hr', 'hours', 'day', 'days'].map(hoursPerUnit)).toEqual([
      1 / 3600, 1 / 3600, 1 / 3600, 1 / 60, 1 / 60, 1, 1, 1, 24, 24,
    ]);
    expect(['ms', 'tick', 'week'].map(hoursPerUnit)).toEqual([undefined, undefined, undefined]);
  });

  it('are singular for one', () => {
    expect([pluralUnit('minute', 1), pluralUnit('minute'), pluralUnit('minute', 0)]).toEqual(['minute', 'minutes', 'minutes']);
  });
});
