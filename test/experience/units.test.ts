/**
 * The experience's minute-valued defaults (the reference wait of the perception calibration,
 * the tolerance presets) in the scenario's time unit: the same system written in minutes,
 * hours and seconds feels the same, and a unit that is not a clock unit asks for them.
 */
import { describe, expect, it } from 'vitest';
import { runReplications, validateScenario } from '../../src/index.js';
import { modelOf } from '../model-of.js';

/** A small bank counter with impatient customers, every duration in units of `minutes` minutes. */
function counter(unit: string, minutes: number, extra: Record<string, unknown> = {}) {
  return {
    name: `Counter in ${unit}`,
    seed: 3,
    replications: 8,
    time: { unit, horizon: 480 / minutes },
    stations: [{ id: 'desk', servers: 2, service: { dist: 'exponential', mean: 5 / minutes } }],
    segments: [{ id: 'c', arrivals: { rate: 0.36 * minutes }, route: ['desk'], patience: { dist: 'exponential', mean: 8 / minutes }, tolerance: 'bank' }],
    experience: {},
    ...extra,
  };
}

const shares = ['satisfactionMean', 'withinDesiredShare', 'withinToleranceShare', 'belowAdequateShare', 'complaints', 'repurchaseRate'] as const;

describe('the experience defaults are minutes, converted to the time unit', () => {
  const inMinutes = runReplications(modelOf(counter('minute', 1))).summary.metrics;

  it.each([
    ['hour', 60],
    ['second', 1 / 60],
    ['h', 60],
  ])('the same counter in %s feels the same: perceived waits in the unit, every score and share equal', (unit, minutes) => {
    const other = runReplications(modelOf(counter(unit, minutes))).summary.metrics;
    // The clock is the same system: the simulated waits are the minutes' ones in the unit.
    expect(other.served!.mean).toBe(inMinutes.served!.mean);
    expect(other.waitMean!.mean! * minutes).toBeCloseTo(inMinutes.waitMean!.mean!, 9);
    expect(other.perceivedWaitMean!.mean! * minutes).toBeCloseTo(inMinutes.perceivedWaitMean!.mean!, 9);
    for (const name of shares) expect(other[name]!.mean, name).toBeCloseTo(inMinutes[name]!.mean!, 9);
  });

  it('a unit that is not a clock unit is refused while a minute default is in use, with what to give', () => {
    const loaded = validateScenario(counter('tick', 1));
    expect(loaded.ok).toBe(false);
    if (loaded.ok) return;
    expect(loaded.problems.map((p) => [p.path.join('.'), p.message])).toEqual([
      ['experience', expect.stringMatching(/referenceWait is 5 minutes.*"tick".*perception: \{ referenceWait \}/)],
      ['segments.0.tolerance', expect.stringMatching(/"bank" is in minutes.*"tick".*\{ desired, adequate \}/)],
    ]);
  });

  it('with both given in its own unit, a unit that is not a clock unit is accepted', () => {
    const own = counter('tick', 1, { experience: { perception: { referenceWait: 5 } } });
    own.segments[0] = { ...own.segments[0]!, tolerance: { desired: 3, adequate: 5 } as never };
    expect(validateScenario(own).ok).toBe(true);
    expect(validateScenario(counter('tick', 1, { experience: { perception: { enabled: false } } })).ok).toBe(false); // the tolerance still is
  });
});
