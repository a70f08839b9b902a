/**
 * Every default of the waiting-experience models, line by line as shared/models.md gives it.
 * A reader can hold this table next to models.md; a constant added to defaults.ts without a
 * line here fails the last test.
 */
import { describe, expect, it } from 'vitest';
import { experienceDefaults } from '../../src/experience/defaults.js';

type Key = keyof typeof experienceDefaults;

// [key, value in models.md, tag, where in models.md]
const table: [Key, unknown, string, string][] = [
  ['durationExponent', 0.9, '[S]', '§1.2 b'],
  ['overestimationAtReference', 0.36, '[S2]', '§1.2 o_ref'],
  ['referenceWait', 5, '[A]', '§1.2 t_ref'],
  ['stageWeight', { pre: 1.0, in: 0.85, post: 1.0 }, '[A]', '§1.2 w_stage'],
  ['occupiedMultiplier', 0.735, '[A]', '§1.3 #1'],
  ['anxiousMultiplier', 1.15, '[A]', '§1.3 #3'],
  ['uncertainMultiplier', 1.1, '[A]', '§1.3 #4'],
  ['unexplainedMultiplier', 1.1, '[A]', '§1.3 #5'],
  ['slipPenalty', 0.25, '[A]', '§1.3 #6, §2.3'],
  ['slipPenaltyCap', 1, '[A]', '§1.3 #6, §2.3'],
  ['highValueBoost', 0.5, '[A]', '§1.3 #7 v'],
  ['soloMultiplier', 1.0, '[A]', '§1.3 #8'],
  ['uncomfortableMultiplier', 1.1, '[A]', '§1.3 #9'],
  ['uncomfortableToleranceFactor', 0.8, '[A]', '§1.3 #9 A′ = 0.8·A'],
  ['unfamiliarMultiplier', 1.1, '[A]', '§1.3 #10'],
  ['multiplierCap', 2.0, '[A]', '§1.3 m_max'],
  ['quoteFactor', 1.0, '[A]', '§1.4 κ'],
  ['overQuoteFactor', 1.2, '[A]', '§1.4 κ over-quote'],
  ['holdTime', 108 / 60, '[S]', '§1.4 / §1.1 ≈108-s holds'],
  ['abandonmentMusicOnly', 0.7, '[S]', '§1.1 ~70%'],
  ['abandonmentApologies', 0.67, '[S]', '§1.1 67%'],
  ['abandonmentPositionInfo', 0.36, '[S]', '§1.1 36%'],
  ['positionInfoPatienceMultiplier', 2.7, '[D]', '§1.4 × 2.7'],
  ['apologyPatienceMultiplier', 1.09, '[D]', '§1.4 × 1.09'],
  ['informedMultiplier', 0.9, '[A]', '§1.4 m_informed'],
  ['zoneCoffee', { desired: 3, adequate: 6 }, '[A]', '§2.2 coffee'],
  ['zoneBank', { desired: 3, adequate: 5 }, '[A]', '§2.2 bank teller'],
  ['zoneRestaurant', { desired: 10, adequate: 20 }, '[A]', '§2.2 restaurant'],
  ['zoneClinic', { desired: 10, adequate: 30 }, '[A]', '§2.2 clinic, past appointment'],
  ['zoneCallCentre', { desired: 20 / 60, adequate: 2 }, '[A]', '§2.2 call centre 20 s / 2 min'],
  ['toleranceSpreadCv', 0.3, '[A]', '§2.2 CV'],
  ['lossAversion', 2.25, '[A]', '§2.3 λ_loss'],
  ['quoteGainWeight', 0.5, '[A]', '§2.3 γ⁺'],
  ['quoteLossWeight', 1.125, '[A]', '§2.3 γ⁻'],
  [
    'loyaltyCurve',
    [
      [1, 0.02],
      [2, 0.05],
      [3, 0.1],
      [4, 0.15],
      [5, 0.9],
    ],
    '[A]',
    '§2.4 L(S)',
  ],
  ['loyaltyZoneBounds', { indifferenceFrom: 2, affectionFrom: 4 }, '[S2]', '§2.4 zones 1–2 / 2–4 / 4–5'],
  ['apostleFrom', 4.5, '[A]', '§2.4 S ≥ 4.5'],
  ['terroristUpTo', 1.5, '[A]', '§2.4 S ≤ 1.5'],
  ['complaintBelow', 3, '[A]', '§2.5 S < 3'],
  ['complaintProbability', 0.04, '[S2]', '§2.5 TARP'],
  ['recoveryOutcomeShares', { resolvedQuickly: 0.4, resolved: 0.3, unresolved: 0.3 }, '[A]', '§2.5 module'],
  ['repurchaseMinorProblem', { noComplaint: 0.37, unresolved: 0.46, resolved: 0.7, resolvedQuickly: 0.95 }, '[S2]', '§2.5 minor'],
  ['repurchaseMajorProblem', { noComplaint: 0.09, unresolved: 0.19, resolved: 0.54, resolvedQuickly: 0.82 }, '[S2]', '§2.5 major'],
  ['repurchaseCourseNotes', { satisfiedWithRemedy: (0.69 + 0.8) / 2, notSatisfiedWithRemedy: (0.17 + 0.32) / 2 }, '[A]', '§2.5 0.69–0.80 vs 0.17–0.32, midpoints'],
  ['negativeWordOfMouthBelow', 2.5, '[A]', '§2.5 S < 2.5'],
  ['positiveWordOfMouthFrom', 4.5, '[A]', '§2.5 S ≥ 4.5'],
  ['wordOfMouthTarp', { negative: 10, positive: 5 }, '[S2]', '§2.5 tell 10 / 5'],
  ['wordOfMouthCourseNotes', { negative: 20, positive: 10 }, '[A]', '§2.5 course notes 20 / 10; §9.2 not traced'],
  ['acquisitionToRetentionCost', 5, '[S2]', '§2.5 cost ratio'],
  ['linearBalkingMaxInSystem', 10, '[A]', '§3.2 N_max'],
  ['geometricBalkingRate', 0.2, '[A]', '§3.2 κ'],
  ['logitBalking', { a0: 2, a1: 0.15, a2: 0.15, k0: 10 }, '[A]', '§3.2 logit'],
  ['renegingPerPersonBehind', 0.05, '[A]', '§3.2 Zhou & Soman option'],
  ['failureBase', 0.02, '[A]', '§6.6 f₀'],
  ['failureSlope', 0.1, '[A]', '§6.6 f₁'],
  ['optimalUtilisation', 0.8, '[A]', '§6.6 ρ_opt'],
  ['serviceCompression', 0.1, '[A]', '§6.6 compression'],
  ['satisfactionAfterFailure', 2, '[A]', '§6.6 S ← min(S, 2)'],
];

describe('experience defaults, as models.md gives them', () => {
  it.each(table)('%s = %j %s (%s)', (key, value, tag) => {
    const entry = experienceDefaults[key];
    if (typeof value === 'number') expect(entry.value).toBeCloseTo(value, 12);
    else expect(entry.value).toEqual(value);
    expect(entry.tag).toBe(tag);
    expect(entry.source.length).toBeGreaterThan(0);
  });

  it('this table lists every default, and nothing else', () => {
    expect(table.map((row) => row[0]).sort()).toEqual(Object.keys(experienceDefaults).sort());
  });
});
