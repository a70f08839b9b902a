import { describe, expect, it } from 'vitest';
import {
  calibrationScale,
  combinedMultiplier,
  defaultPerceptionParams,
  perceivedDuration,
  perceivedSegment,
  resolvePerception,
  Stage,
} from '../../src/experience/perception.js';

const unoccupied = resolvePerception(defaultPerceptionParams());

describe('the power law of perceived duration (§1.2)', () => {
  it('k = (1 + 0.36)·5^(1 − 0.9) = 1.597482', () => {
    expect(calibrationScale(0.9, 0.36, 5)).toBeCloseTo(1.597482, 6);
    expect(unoccupied.scale).toBeCloseTo(1.597482, 6);
  });

  it.each([
    [1, 1.5975],
    [3, 4.2938],
    [5, 6.8],
    [10, 12.6892],
    [20, 23.679],
  ])('V19: an unoccupied pre-process wait of %i min is perceived as %f min', (actual, perceived) => {
    expect(perceivedSegment(unoccupied, Stage.pre, actual)).toBeCloseTo(perceived, 4);
  });

  it('overestimates short waits more: 60/43/36/27/18% at 1/3/5/10/20 min', () => {
    const over = [1, 3, 5, 10, 20].map((t) => Math.round(100 * (perceivedSegment(unoccupied, Stage.pre, t) / t - 1)));
    expect(over).toEqual([60, 43, 36, 27, 18]);
  });

  it('a wait of 0 is perceived as 0; a negative wait is a bug', () => {
    expect(perceivedSegment(unoccupied, Stage.pre, 0)).toBe(0);
    expect(() => perceivedSegment(unoccupied, Stage.pre, -1)).toThrow(RangeError);
  });

  it('in-process waits weigh 0.85 of pre- and post-process ones', () => {
    const pre = perceivedSegment(unoccupied, Stage.pre, 4);
    expect(perceivedSegment(unoccupied, Stage.in, 4)).toBeCloseTo(0.85 * pre, 12);
    expect(perceivedSegment(unoccupied, Stage.post, 4)).toBeCloseTo(pre, 12);
  });
});

describe('conditions of the wait (§1.3–1.4)', () => {
  const params = defaultPerceptionParams();

  it('an occupied wait of 5 min loses the 36% overestimate: perceived ≈ 5', () => {
    const occupied = resolvePerception(params, { occupied: true });
    expect(perceivedSegment(occupied, Stage.pre, 5)).toBeCloseTo(5, 2);
  });

  it('active multipliers multiply; inactive ones do not count', () => {
    expect(combinedMultiplier(params, {})).toBe(1);
    expect(combinedMultiplier(params, { anxious: true, uncertain: false })).toBeCloseTo(1.15, 12);
    expect(combinedMultiplier(params, { anxious: true, uncertain: true, informed: true })).toBeCloseTo(1.15 * 1.1 * 0.9, 12);
    expect(combinedMultiplier(params, { solo: true })).toBe(1);
  });

  it('the product is capped at 2.0, with no floor', () => {
    const strong = { ...params, multipliers: { ...params.multipliers, anxious: 1.8, uncomfortable: 1.5 } };
    expect(combinedMultiplier(strong, { anxious: true, uncomfortable: true })).toBe(2);
    expect(combinedMultiplier(params, { occupied: true, informed: true })).toBeCloseTo(0.735 * 0.9, 12);
  });

  it('the resolved multiplier scales every segment', () => {
    const anxious = resolvePerception(params, { anxious: true });
    expect(perceivedSegment(anxious, Stage.in, 7)).toBeCloseTo(1.15 * perceivedSegment(unoccupied, Stage.in, 7), 12);
  });
});

describe('the switch: perceived = actual', () => {
  const off = resolvePerception({ ...defaultPerceptionParams(), enabled: false }, { anxious: true, occupied: true });

  it('b = 1, k = 1, every weight and multiplier 1', () => {
    expect(off).toEqual({ exponent: 1, scale: 1, multiplier: 1, preWeight: 1, inWeight: 1, postWeight: 1 });
  });

  it.each([0, 0.5, 3, 17.25])('a wait of %s min at any stage is perceived as itself', (t) => {
    for (const stage of [Stage.pre, Stage.in, Stage.post]) expect(perceivedSegment(off, stage, t)).toBe(t);
  });

  it('the raw formula with b = 1, k = 1 is the identity', () => {
    expect(perceivedDuration(4.2, 1, 1, 1, 1)).toBe(4.2);
  });
});
