/**
 * What a satisfaction score S ∈ [1, 5] does afterwards (models.md §2.4–2.5): the chance the
 * customer comes back (loyalty curve), whether they complain and how the complaint ends,
 * and how many people they tell.
 *
 * Presets and curves are resolved once into plain numbers; the per-customer functions take
 * the score and, where chance enters, a uniform random number u in [0, 1) from the caller's
 * stream, and allocate nothing.
 */
import { experienceDefaults as d, type RepurchaseRow } from './defaults.js';

// ---------------------------------------------------------------------------------------
// Loyalty (§2.4)
// ---------------------------------------------------------------------------------------

/** A piecewise-linear L(S) through (score, probability) points with increasing scores. */
export interface LoyaltyCurve {
  readonly scores: readonly number[];
  readonly probabilities: readonly number[];
}

/**
 * The loyalty curve through `points` (default (1, 0.02) … (4, 0.15), (5, 0.90) [A], whose
 * L(5)/L(4) = 6 is Xerox's "six times" [S]). With rMax, for high-frequency services, the curve
 * is rescaled so that its top point is rMax: L′(S) = rMax·L(S)/L(top) (models.md: /0.90).
 */
export function resolveLoyaltyCurve(
  points: readonly (readonly [number, number])[] = d.loyaltyCurve.value,
  rMax?: number,
): LoyaltyCurve {
  if (points.length < 2) throw new RangeError('a loyalty curve needs at least two points');
  for (let i = 1; i < points.length; i++) {
    if (!(points[i]![0] > points[i - 1]![0])) throw new RangeError('loyalty curve scores must increase');
  }
  const top = points[points.length - 1]![1];
  if (rMax !== undefined && !(rMax > 0 && rMax <= 1)) throw new RangeError(`rMax must lie in (0, 1], got ${rMax}`);
  const scale = rMax === undefined ? 1 : rMax / top;
  return { scores: points.map((p) => p[0]), probabilities: points.map((p) => p[1] * scale) };
}

/** L(S): linear between the curve's points, flat beyond its ends. */
export function loyalty(curve: LoyaltyCurve, score: number): number {
  const xs = curve.scores;
  const ys = curve.probabilities;
  const last = xs.length - 1;
  if (score <= xs[0]!) return ys[0]!;
  if (score >= xs[last]!) return ys[last]!;
  let i = 1;
  while (score > xs[i]!) i++;
  const x0 = xs[i - 1]!;
  const y0 = ys[i - 1]!;
  return y0 + ((ys[i]! - y0) * (score - x0)) / (xs[i]! - x0);
}

/** Apostles promote the service, terrorists warn others; most are neither (§2.4, thresholds [A]). */
export const LoyaltyLabel = { none: 0, apostle: 1, terrorist: 2 } as const;
export type LoyaltyLabel = (typeof LoyaltyLabel)[keyof typeof LoyaltyLabel];

/** S ≥ apostleFrom (4.5): apostle; S ≤ terroristUpTo (1.5): terrorist. */
export function loyaltyLabel(score: number, apostleFrom = d.apostleFrom.value, terroristUpTo = d.terroristUpTo.value): LoyaltyLabel {
  if (score >= apostleFrom) return LoyaltyLabel.apostle;
  return score <= terroristUpTo ? LoyaltyLabel.terrorist : LoyaltyLabel.none;
}

/**
 * Heskett et al. (1994) zones [S2], schematic "≈ 1–2, 2–4, 4–5"; the shared boundary goes to
 * the upper zone: S < 2 defection, 2 ≤ S < 4 indifference, S ≥ 4 affection.
 */
export const LoyaltyZone = { defection: 0, indifference: 1, affection: 2 } as const;
export type LoyaltyZone = (typeof LoyaltyZone)[keyof typeof LoyaltyZone];

export function loyaltyZone(score: number, bounds = d.loyaltyZoneBounds.value): LoyaltyZone {
  if (score < bounds.indifferenceFrom) return LoyaltyZone.defection;
  return score < bounds.affectionFrom ? LoyaltyZone.indifference : LoyaltyZone.affection;
}

// ---------------------------------------------------------------------------------------
// Complaints, recovery and word of mouth (§2.5)
// ---------------------------------------------------------------------------------------

/**
 * One set of complaint-and-recovery figures. A `null` repurchase for silent customers means
 * the source gives none and the loyalty curve L(S) answers for them.
 */
export interface RecoveryPreset {
  complaintBelow: number;
  complaintProbability: number;
  outcomeShares: { resolvedQuickly: number; resolved: number; unresolved: number };
  repurchase: { minor: RepurchaseRowOrLoyalty; major: RepurchaseRowOrLoyalty };
  wordOfMouth: { negative: number; positive: number };
  negativeWordOfMouthBelow: number;
  positiveWordOfMouthFrom: number;
}

export type RepurchaseRowOrLoyalty = Omit<RepurchaseRow, 'noComplaint'> & { noComplaint: number | null };

const common = {
  complaintBelow: d.complaintBelow.value,
  complaintProbability: d.complaintProbability.value,
  outcomeShares: d.recoveryOutcomeShares.value,
  negativeWordOfMouthBelow: d.negativeWordOfMouthBelow.value,
  positiveWordOfMouthFrom: d.positiveWordOfMouthFrom.value,
};

const courseNotesRow: RepurchaseRowOrLoyalty = {
  noComplaint: null,
  unresolved: d.repurchaseCourseNotes.value.notSatisfiedWithRemedy,
  resolved: d.repurchaseCourseNotes.value.satisfiedWithRemedy,
  resolvedQuickly: d.repurchaseCourseNotes.value.satisfiedWithRemedy,
};

/**
 * tarp: the TARP table via Fast Company 2003 [S2], tell 10 / 5.
 * courseNotes: the lecture notes' 0.69–0.80 vs 0.17–0.32 (midpoints 0.745 / 0.245 for any
 * resolution / none; no severity split, no figure for silent customers), tell 20 / 10.
 */
export const recoveryPresets: { readonly tarp: RecoveryPreset; readonly courseNotes: RecoveryPreset } = {
  tarp: {
    ...common,
    repurchase: { minor: d.repurchaseMinorProblem.value, major: d.repurchaseMajorProblem.value },
    wordOfMouth: d.wordOfMouthTarp.value,
  },
  courseNotes: {
    ...common,
    repurchase: { minor: courseNotesRow, major: courseNotesRow },
    wordOfMouth: d.wordOfMouthCourseNotes.value,
  },
};

export type ProblemSeverity = 'minor' | 'major';

/** A preset resolved for one problem severity: plain numbers for the per-customer calls. */
export interface ResolvedRecovery {
  readonly complaintBelow: number;
  readonly complaintProbability: number;
  /** Cumulative outcome shares for inversion: u < quicklyUpTo → resolved quickly, … */
  readonly resolvedQuicklyUpTo: number;
  readonly resolvedUpTo: number;
  readonly silentFollowLoyalty: boolean;
  readonly repurchaseSilent: number;
  readonly repurchaseUnresolved: number;
  readonly repurchaseResolved: number;
  readonly repurchaseResolvedQuickly: number;
  readonly negativeWordOfMouthMean: number;
  readonly negativeWordOfMouthBelow: number;
  readonly positiveWordOfMouthMean: number;
  readonly positiveWordOfMouthFrom: number;
}

export function resolveRecovery(preset: RecoveryPreset, severity: ProblemSeverity): ResolvedRecovery {
  const shares = preset.outcomeShares;
  const total = shares.resolvedQuickly + shares.resolved + shares.unresolved;
  if (Math.abs(total - 1) > 1e-9) throw new RangeError(`recovery outcome shares must sum to 1, got ${total}`);
  const row = preset.repurchase[severity];
  return {
    complaintBelow: preset.complaintBelow,
    complaintProbability: preset.complaintProbability,
    resolvedQuicklyUpTo: shares.resolvedQuickly,
    resolvedUpTo: shares.resolvedQuickly + shares.resolved,
    silentFollowLoyalty: row.noComplaint === null,
    repurchaseSilent: row.noComplaint ?? Number.NaN,
    repurchaseUnresolved: row.unresolved,
    repurchaseResolved: row.resolved,
    repurchaseResolvedQuickly: row.resolvedQuickly,
    negativeWordOfMouthMean: preset.wordOfMouth.negative,
    negativeWordOfMouthBelow: preset.negativeWordOfMouthBelow,
    positiveWordOfMouthMean: preset.wordOfMouth.positive,
    positiveWordOfMouthFrom: preset.positiveWordOfMouthFrom,
  };
}

/** Only a dissatisfied customer (S < 3) complains, with probability 0.04 [S2]: u < p. */
export function complains(r: ResolvedRecovery, score: number, u: number): boolean {
  return score < r.complaintBelow && u < r.complaintProbability;
}

/** How a complaint ends (none: the customer did not complain). */
export const ComplaintOutcome = { none: 0, resolvedQuickly: 1, resolved: 2, unresolved: 3 } as const;
export type ComplaintOutcome = (typeof ComplaintOutcome)[keyof typeof ComplaintOutcome];

/** The outcome of a complaint by inversion of u over the shares 0.4 / 0.3 / 0.3 [A]. */
export function recoveryOutcome(r: ResolvedRecovery, u: number): ComplaintOutcome {
  if (u < r.resolvedQuicklyUpTo) return ComplaintOutcome.resolvedQuickly;
  return u < r.resolvedUpTo ? ComplaintOutcome.resolved : ComplaintOutcome.unresolved;
}

/**
 * Probability of buying again: L(S) for S ≥ 3; below, the preset's row for the outcome
 * (a silent customer takes the "no complaint" figure, or L(S) if the preset has none).
 */
export function repurchaseProbability(r: ResolvedRecovery, curve: LoyaltyCurve, score: number, outcome: ComplaintOutcome): number {
  if (score >= r.complaintBelow) return loyalty(curve, score);
  switch (outcome) {
    case ComplaintOutcome.none:
      return r.silentFollowLoyalty ? loyalty(curve, score) : r.repurchaseSilent;
    case ComplaintOutcome.resolvedQuickly:
      return r.repurchaseResolvedQuickly;
    case ComplaintOutcome.resolved:
      return r.repurchaseResolved;
    case ComplaintOutcome.unresolved:
      return r.repurchaseUnresolved;
  }
}

/** Mean number of people warned: 10 (TARP) or 20 (course notes) if S < 2.5, else 0. */
export function expectedNegativeWordOfMouth(r: ResolvedRecovery, score: number): number {
  return score < r.negativeWordOfMouthBelow ? r.negativeWordOfMouthMean : 0;
}

/** Mean number of people told good things: 5 (TARP) or 10 (course notes) if S ≥ 4.5, else 0. */
export function expectedPositiveWordOfMouth(r: ResolvedRecovery, score: number): number {
  return score >= r.positiveWordOfMouthFrom ? r.positiveWordOfMouthMean : 0;
}

/**
 * A Poisson(mean) count by inversion of one uniform u in [0, 1) (the Poisson form is [A]):
 * the smallest k with P(N ≤ k) > u. Sequential search from 0, so mean ≤ 700 (e^(−mean) must
 * not underflow); word-of-mouth means are 20 at most.
 */
export function poissonByInversion(mean: number, u: number): number {
  if (!(mean >= 0 && mean <= 700)) throw new RangeError(`a Poisson mean must lie in [0, 700], got ${mean}`);
  let k = 0;
  let p = Math.exp(-mean);
  let cumulative = p;
  while (u >= cumulative) {
    k++;
    p *= mean / k;
    if (k > mean && p <= cumulative * 1e-17) break; // u within rounding of 1
    cumulative += p;
  }
  return k;
}
