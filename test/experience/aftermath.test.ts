import { describe, expect, it } from 'vitest';
import {
  ComplaintOutcome,
  complains,
  expectedNegativeWordOfMouth,
  expectedPositiveWordOfMouth,
  loyalty,
  LoyaltyLabel,
  loyaltyLabel,
  LoyaltyZone,
  loyaltyZone,
  poissonByInversion,
  recoveryOutcome,
  recoveryPresets,
  repurchaseProbability,
  resolveLoyaltyCurve,
  resolveRecovery,
} from '../../src/experience/aftermath.js';

const curve = resolveLoyaltyCurve();

describe('the loyalty curve L(S) (§2.4)', () => {
  it.each([
    [1, 0.02],
    [2, 0.05],
    [3, 0.1],
    [4, 0.15],
    [5, 0.9],
  ])('passes through (%i, %d)', (score, probability) => {
    expect(loyalty(curve, score)).toBeCloseTo(probability, 12);
  });

  it('the totally satisfied come back six times as often as the merely satisfied (Xerox)', () => {
    expect(loyalty(curve, 5) / loyalty(curve, 4)).toBeCloseTo(6, 12);
  });

  it('is linear between its points and flat beyond them', () => {
    expect(loyalty(curve, 4.5)).toBeCloseTo(0.525, 12);
    expect(loyalty(curve, 1.5)).toBeCloseTo(0.035, 12);
    expect(loyalty(curve, 0)).toBe(0.02);
    expect(loyalty(curve, 6)).toBe(0.9);
  });

  it('rMax rescales the curve to top out at rMax, keeping its shape', () => {
    const frequent = resolveLoyaltyCurve(undefined, 0.45);
    expect(loyalty(frequent, 5)).toBeCloseTo(0.45, 12);
    expect(loyalty(frequent, 3)).toBeCloseTo(0.05, 12);
    expect(loyalty(frequent, 5) / loyalty(frequent, 4)).toBeCloseTo(6, 12);
  });

  it('refuses points that do not increase, and rMax outside (0, 1]', () => {
    expect(() => resolveLoyaltyCurve([[1, 0.1], [1, 0.2]])).toThrow(RangeError);
    expect(() => resolveLoyaltyCurve(undefined, 1.2)).toThrow(RangeError);
  });
});

describe('apostles, terrorists and zones', () => {
  it.each([
    [5, LoyaltyLabel.apostle],
    [4.5, LoyaltyLabel.apostle],
    [4.49, LoyaltyLabel.none],
    [1.51, LoyaltyLabel.none],
    [1.5, LoyaltyLabel.terrorist],
    [1, LoyaltyLabel.terrorist],
  ])('S = %d is labelled %i', (score, label) => {
    expect(loyaltyLabel(score)).toBe(label);
  });

  it.each([
    [1.99, LoyaltyZone.defection],
    [2, LoyaltyZone.indifference],
    [3.99, LoyaltyZone.indifference],
    [4, LoyaltyZone.affection],
  ])('S = %d is in zone %i', (score, zone) => {
    expect(loyaltyZone(score)).toBe(zone);
  });
});

describe('the presets (§2.5)', () => {
  it('TARP: repurchase rows for minor and major problems, tell 10 / 5', () => {
    expect(recoveryPresets.tarp.repurchase.minor).toEqual({ noComplaint: 0.37, unresolved: 0.46, resolved: 0.7, resolvedQuickly: 0.95 });
    expect(recoveryPresets.tarp.repurchase.major).toEqual({ noComplaint: 0.09, unresolved: 0.19, resolved: 0.54, resolvedQuickly: 0.82 });
    expect(recoveryPresets.tarp.wordOfMouth).toEqual({ negative: 10, positive: 5 });
  });

  it('course notes: midpoints 0.745 (remedy satisfies) / 0.245 (does not), tell 20 / 10', () => {
    const row = recoveryPresets.courseNotes.repurchase.minor;
    expect(row.resolved).toBeCloseTo(0.745, 12);
    expect(row.resolvedQuickly).toBeCloseTo(0.745, 12);
    expect(row.unresolved).toBeCloseTo(0.245, 12);
    expect(row.noComplaint).toBeNull();
    expect(recoveryPresets.courseNotes.repurchase.major).toEqual(row);
    expect(recoveryPresets.courseNotes.wordOfMouth).toEqual({ negative: 20, positive: 10 });
  });

  it('both: 4% of the dissatisfied (S < 3) complain; outcomes 0.4 / 0.3 / 0.3', () => {
    for (const preset of [recoveryPresets.tarp, recoveryPresets.courseNotes]) {
      expect(preset.complaintProbability).toBe(0.04);
      expect(preset.complaintBelow).toBe(3);
      expect(preset.outcomeShares).toEqual({ resolvedQuickly: 0.4, resolved: 0.3, unresolved: 0.3 });
    }
  });
});

describe('complaints and recovery', () => {
  const minor = resolveRecovery(recoveryPresets.tarp, 'minor');
  const major = resolveRecovery(recoveryPresets.tarp, 'major');

  it('only the dissatisfied complain, when u < 0.04', () => {
    expect(complains(minor, 2.9, 0.039)).toBe(true);
    expect(complains(minor, 2.9, 0.04)).toBe(false);
    expect(complains(minor, 3, 0)).toBe(false);
  });

  it('the outcome inverts u over the shares 0.4 / 0.3 / 0.3', () => {
    expect(recoveryOutcome(minor, 0)).toBe(ComplaintOutcome.resolvedQuickly);
    expect(recoveryOutcome(minor, 0.399)).toBe(ComplaintOutcome.resolvedQuickly);
    expect(recoveryOutcome(minor, 0.4)).toBe(ComplaintOutcome.resolved);
    expect(recoveryOutcome(minor, 0.699)).toBe(ComplaintOutcome.resolved);
    expect(recoveryOutcome(minor, 0.7)).toBe(ComplaintOutcome.unresolved);
    const counts = [0, 0, 0, 0];
    for (let i = 0; i < 10_000; i++) counts[recoveryOutcome(minor, (i + 0.5) / 10_000)]!++;
    expect(counts).toEqual([0, 4000, 3000, 3000]);
  });

  it('repurchase: L(S) from S = 3 up; below, the TARP row of the severity', () => {
    expect(repurchaseProbability(minor, curve, 4, ComplaintOutcome.none)).toBeCloseTo(0.15, 12);
    expect(repurchaseProbability(minor, curve, 3, ComplaintOutcome.none)).toBeCloseTo(0.1, 12);
    expect(repurchaseProbability(minor, curve, 2, ComplaintOutcome.none)).toBe(0.37);
    expect(repurchaseProbability(minor, curve, 2, ComplaintOutcome.resolvedQuickly)).toBe(0.95);
    expect(repurchaseProbability(major, curve, 2, ComplaintOutcome.none)).toBe(0.09);
    expect(repurchaseProbability(major, curve, 2, ComplaintOutcome.resolved)).toBe(0.54);
    expect(repurchaseProbability(major, curve, 2, ComplaintOutcome.unresolved)).toBe(0.19);
  });

  it('course notes: silent dissatisfied customers follow L(S)', () => {
    const notes = resolveRecovery(recoveryPresets.courseNotes, 'major');
    expect(repurchaseProbability(notes, curve, 2, ComplaintOutcome.none)).toBeCloseTo(0.05, 12);
    expect(repurchaseProbability(notes, curve, 2, ComplaintOutcome.resolved)).toBeCloseTo(0.745, 12);
  });

  it('refuses outcome shares that do not sum to 1', () => {
    const bad = { ...recoveryPresets.tarp, outcomeShares: { resolvedQuickly: 0.5, resolved: 0.3, unresolved: 0.3 } };
    expect(() => resolveRecovery(bad, 'minor')).toThrow(RangeError);
  });
});

describe('word of mouth', () => {
  const tarp = resolveRecovery(recoveryPresets.tarp, 'minor');
  const notes = resolveRecovery(recoveryPresets.courseNotes, 'minor');

  it('the dissatisfied (S < 2.5) warn 10 (course notes 20); the delighted (S ≥ 4.5) tell 5 (10)', () => {
    expect(expectedNegativeWordOfMouth(tarp, 2.49)).toBe(10);
    expect(expectedNegativeWordOfMouth(notes, 1)).toBe(20);
    expect(expectedNegativeWordOfMouth(tarp, 2.5)).toBe(0);
    expect(expectedPositiveWordOfMouth(tarp, 4.5)).toBe(5);
    expect(expectedPositiveWordOfMouth(notes, 5)).toBe(10);
    expect(expectedPositiveWordOfMouth(tarp, 4.49)).toBe(0);
  });

  it.each([5, 10, 20])('a Poisson(%i) count by inversion has that mean and variance', (mean) => {
    const n = 100_000;
    let sum = 0;
    let squares = 0;
    for (let i = 0; i < n; i++) {
      const k = poissonByInversion(mean, (i + 0.5) / n);
      sum += k;
      squares += k * k;
    }
    expect(sum / n).toBeCloseTo(mean, 2);
    expect(squares / n - (sum / n) ** 2).toBeCloseTo(mean, 1);
  });

  it('inverts exactly at the first step: 0 while u < e^(−mean)', () => {
    expect(poissonByInversion(10, Math.exp(-10) * 0.999)).toBe(0);
    expect(poissonByInversion(10, Math.exp(-10) * 1.001)).toBe(1);
    expect(poissonByInversion(0, 0.99)).toBe(0);
    expect(poissonByInversion(10, 1 - 2 ** -53)).toBeGreaterThan(30); // the largest u below 1 still ends
  });
});
