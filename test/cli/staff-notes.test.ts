/**
 * staff's note on targets met with no variation: a CI of zero width (every replication gave
 * the same value) is no evidence where the value could vary.
 */
import { describe, expect, it } from 'vitest';
import type { AchievedTarget, StaffResult } from '../../src/run/staff.js';
import { noVariationNote } from '../../src/cli/staff-table.js';

const row = (station: string, period: string, target: string, mean: number, ci95: [number, number] | null, met = true): AchievedTarget => ({
  station,
  period,
  target,
  estimate: { mean, ci95, sd: ci95 === null ? null : (ci95[1] - ci95[0]) / 4 } as AchievedTarget['estimate'],
  met,
});
const resultOf = (achieved: AchievedTarget[]) => ({ achieved, replications: 4 }) as unknown as StaffResult;

describe('the note on targets met with the same value in every replication', () => {
  it('names each such target once, with its station periods and value', () => {
    const note = noVariationNote(
      resultOf([
        row('adviceDesk', 'morning', 'abandonmentRate<=0.1%', 0, [0, 0]),
        row('adviceDesk', 'lunch', 'abandonmentRate<=0.1%', 0, [0, 0]),
        row('adviceDesk', 'afternoon', 'abandonmentRate<=0.1%', 0.0004, [0.0001, 0.0007]),
        row('counter', 'morning', 'waitP90<=5', 2.5, [2.1, 2.9]),
      ]),
    );
    expect(note).toBe(
      'met with the same value in every replication, so with a CI of no width: abandonmentRate<=0.1% at adviceDesk morning, adviceDesk lunch (0.00% in every one). Where the model lets that vary, it is chance of 4 replications: more --reps will show it.',
    );
  });

  it('says in how many replications a flat value was defined, when not in all (review: "in every one" of 20 where 10 had it)', () => {
    const flat = { ...row('desk', 'late', 'waitMean<=5', 0, [0, 0]), estimate: { mean: 0, ci95: [0, 0] as [number, number], sd: 0, n: 10 } };
    expect(noVariationNote(resultOf([flat]))).toBe(
      'met with the same value in every replication that has it, so with a CI of no width: waitMean<=5 at desk late (0.00 in each of the 10 where it is defined). Where the model lets that vary, it is chance of 4 replications: more --reps will show it.',
    );
  });

  it('says nothing where every met target varies, or where a flat one is missed, or has no CI', () => {
    expect(noVariationNote(resultOf([row('counter', 'morning', 'waitP90<=5', 2.5, [2.1, 2.9])]))).toBeUndefined();
    expect(noVariationNote(resultOf([row('counter', 'morning', 'served>=100', 90, [90, 90], false)]))).toBeUndefined();
    expect(noVariationNote(resultOf([row('counter', 'morning', 'waitP90<=5', 2.5, null)]))).toBeUndefined();
  });
});
