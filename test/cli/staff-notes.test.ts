/**
 * staff's note on targets met with no variation: a CI of zero width (every replication gave
 * the same value) is no evidence where the value could vary; and on periods inside the
 * warm-up, where no target is measured.
 */
import { describe, expect, it } from 'vitest';
import { staff, warmUpNote, type AchievedTarget, type StaffResult } from '../../src/run/staff.js';
import { noVariationNote, renderStaffing } from '../../src/cli/staff-table.js';
import { staffingSection } from '../../src/report/staff-section.js';
import { parseTarget } from '../../src/run/targets.js';
import { modelOf } from '../model-of.js';
import { sparseScenario } from '../sparse-scenario.js';

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

describe('periods inside the warm-up in staff\'s tables', () => {
  it('are labelled as run labels them, not measured rather than met, with one note on why their staffing is what later periods need', async () => {
    const data = { ...sparseScenario, replications: 4, time: { ...sparseScenario.time, warmup: 90 } };
    const target = parseTarget('waitMean<=10');
    if (!target.ok) throw new Error(target.message);
    const result = await staff(data, modelOf(data), [target.value]);
    const note = 'a lies in the warm-up (to 90): nobody arriving then is counted, so no target is measured there; the search lowers it first, a server at a time down to 1, for as long as the periods after still meet every target.';
    const text = renderStaffing(result, 'Staff');
    expect(text).toMatch(/^ {2}desk +a \(in the warm-up\) +\d+ +— +not measured /m);
    expect(text).toMatch(/^ {2}desk +b +\d+ +\S+ .*yes /m);
    expect(text).toContain(`\n${note}\n`);
    const section = staffingSection(result).text;
    expect(section).toContain('<td>a (in the warm-up)</td><td>waitMean&#60;=10</td><td>—<small>—</small></td><td>not measured</td>');
    expect(section).toContain(`<p>${note}</p>`);
    expect(warmUpNote({ ...result, model: modelOf(sparseScenario) })).toBeUndefined();
    // Not measured is not met: staff.json and staffing.csv say so too.
    expect(result.achieved.map((a) => [a.period, a.met])).toEqual([['a', null], ['b', true]]);
  });
});
