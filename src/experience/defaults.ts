/**
 * Every behavioural constant of the waiting-experience models (shared/models.md §1.2–1.4,
 * §2.2–2.5, §3.2, §6.6), each with the tag models.md gives it and a short source.
 *
 * This table is the only place those numbers are written down; the other files of
 * src/experience take them as inputs. Tags follow models.md: [S] primary source, [S2] secondary,
 * [M] standard result not checked against the original, [A] assumption, [D] derived.
 * When models.md sources only the direction of an effect and assumes its size, the tag is the
 * size's ([A]) and `source` names where the direction comes from.
 *
 * Times are in minutes, as in models.md.
 */

export type SourceTag = '[S]' | '[S2]' | '[M]' | '[A]' | '[D]';

/** One constant: its default, how well it is supported, and where it comes from. */
export interface Sourced<T> {
  readonly value: T;
  readonly tag: SourceTag;
  readonly source: string;
}

/** Desired and adequate waits (minutes) of a zone of tolerance, §2.2. */
export interface ToleranceZone {
  readonly desired: number;
  readonly adequate: number;
}

/** Repurchase probability by complaint outcome, one row of the TARP table, §2.5. */
export interface RepurchaseRow {
  readonly noComplaint: number;
  readonly unresolved: number;
  readonly resolved: number;
  readonly resolvedQuickly: number;
}

function sourced<T>(value: T, tag: SourceTag, source: string): Sourced<T> {
  return { value, tag, source };
}

const maisterDirection = 'direction Maister 1985 [S2]; size assumed';

export const experienceDefaults = {
  // §1.2 perception of a waiting segment: τ = k·t^b·w_stage·m
  durationExponent: sourced(0.9, '[S]', 'mean duration power-law exponent, Kornbrot et al. 2013'),
  overestimationAtReference: sourced(0.36, '[S2]', 'Stone 2012 (NYT) quoting Larson'),
  referenceWait: sourced(5, '[A]', 'typical bank/coffee wait; the 36% carries no reference length'),
  stageWeight: sourced({ pre: 1.0, in: 0.85, post: 1.0 }, '[A]', 'direction Dubé-Rioux, Schmitt & Leclerc 1989 [S]'),

  // §1.3 Maister's propositions as perceived-time multipliers
  occupiedMultiplier: sourced(0.735, '[A]', '1/1.36: occupation removes the 36% overestimate (Stone 2012 [S2])'),
  anxiousMultiplier: sourced(1.15, '[A]', 'direction Whiting & Donthu 2009 (urgent callers overestimate more) [S]'),
  uncertainMultiplier: sourced(1.1, '[A]', 'direction [S2]; kept mild since Hui & Zhou 1996 found no effect'),
  unexplainedMultiplier: sourced(1.1, '[A]', maisterDirection),
  soloMultiplier: sourced(1.0, '[A]', 'neutral: Maister 1985 vs Pruyn & Smidts 1999 conflict'),
  uncomfortableMultiplier: sourced(1.1, '[A]', 'direction Pruyn & Smidts 1998 [S]'),
  uncomfortableToleranceFactor: sourced(0.8, '[A]', 'A′ = 0.8·A; direction Pruyn & Smidts 1998 [S]'),
  unfamiliarMultiplier: sourced(1.1, '[A]', maisterDirection),
  multiplierCap: sourced(2.0, '[A]', 'cap on the product of active multipliers, models.md §1.3'),
  slipPenalty: sourced(0.25, '[A]', 'points (1–5 scale) per slip; direction Larson 1987 [S]'),
  slipPenaltyCap: sourced(1, '[A]', 'total fairness penalty at most 1 point'),
  highValueBoost: sourced(0.5, '[A]', 'v for high-value service: A′ = A(1+v), patience × (1+v); baseline v = 0'),

  // §1.4 information and announcements
  quoteFactor: sourced(1.0, '[A]', 'quoted wait Q = κ·Ŵ'),
  overQuoteFactor: sourced(1.2, '[A]', 'restaurant over-quote practice, Maister 1985 [S2]'),
  holdTime: sourced(1.8, '[S]', 'minutes: the ≈108-s hold of Munichor & Rafaeli 2007'),
  abandonmentMusicOnly: sourced(0.7, '[S]', 'Munichor & Rafaeli 2007'),
  abandonmentApologies: sourced(0.67, '[S]', 'Munichor & Rafaeli 2007'),
  abandonmentPositionInfo: sourced(0.36, '[S]', 'Munichor & Rafaeli 2007'),
  positionInfoPatienceMultiplier: sourced(2.7, '[D]', '242 s / 89.7 s, exponential patience fitted to Munichor & Rafaeli 2007'),
  apologyPatienceMultiplier: sourced(1.09, '[D]', '97.4 s / 89.7 s, same calibration'),
  informedMultiplier: sourced(0.9, '[A]', 'Antonides et al. 2002 (reduction) vs Hui & Zhou 1996 (no effect)'),

  // §2.2 zones of tolerance for waits (minutes) and their spread between customers
  zoneCoffee: sourced<ToleranceZone>({ desired: 3, adequate: 6 }, '[A]', 'D: "3-minute standard", Starbucks ~3 min (WSJ 2005) [S2]; A assumed'),
  zoneBank: sourced<ToleranceZone>({ desired: 3, adequate: 5 }, '[A]', '"3–5 min acceptable", McKinsey via Consumerist 2007 [S2]; mapping assumed'),
  zoneRestaurant: sourced<ToleranceZone>({ desired: 10, adequate: 20 }, '[A]', 'walk-in table wait'),
  zoneClinic: sourced<ToleranceZone>({ desired: 10, adequate: 30 }, '[A]', 'minutes past the appointment; Maister 1985 [S2]'),
  zoneCallCentre: sourced<ToleranceZone>({ desired: 20 / 60, adequate: 2 }, '[A]', 'D: "80% in 20 s" convention [S2]; A assumed'),
  toleranceSpreadCv: sourced(0.3, '[A]', 'individual D_i, A_i lognormal around the scenario values'),

  // §2.3 satisfaction score
  lossAversion: sourced(2.25, '[A]', 'Tversky & Kahneman 1992 [M]; asymmetry Anderson & Sullivan 1993 [S]'),
  quoteGainWeight: sourced(0.5, '[A]', 'γ⁺ of the quote disconfirmation term'),
  quoteLossWeight: sourced(1.125, '[A]', 'γ⁻ = 2.25·γ⁺'),

  // §2.4 satisfaction → loyalty
  loyaltyCurve: sourced<readonly (readonly [number, number])[]>(
    [
      [1, 0.02],
      [2, 0.05],
      [3, 0.1],
      [4, 0.15],
      [5, 0.9],
    ],
    '[A]',
    'shaped to Heskett et al. 1994 zones [S2] and Jones & Sasser 1995 6× ratio [S]',
  ),
  loyaltyZoneBounds: sourced({ indifferenceFrom: 2, affectionFrom: 4 }, '[S2]', 'Heskett et al. 1994 zones (schematic): defection 1–2, indifference 2–4, affection 4–5'),
  apostleFrom: sourced(4.5, '[A]', 'S ≥ 4.5: apostle (promoter)'),
  terroristUpTo: sourced(1.5, '[A]', 'S ≤ 1.5: terrorist (active detractor)'),

  // §2.5 complaints, recovery, word of mouth
  complaintBelow: sourced(3, '[A]', 'dissatisfied means S < 3'),
  complaintProbability: sourced(0.04, '[S2]', 'TARP: "96% of dissatisfied customers do not complain"'),
  recoveryOutcomeShares: sourced({ resolvedQuickly: 0.4, resolved: 0.3, unresolved: 0.3 }, '[A]', 'models.md §2.5'),
  repurchaseMinorProblem: sourced<RepurchaseRow>(
    { noComplaint: 0.37, unresolved: 0.46, resolved: 0.7, resolvedQuickly: 0.95 },
    '[S2]',
    'TARP via Fast Company 2003, problem < $5',
  ),
  repurchaseMajorProblem: sourced<RepurchaseRow>(
    { noComplaint: 0.09, unresolved: 0.19, resolved: 0.54, resolvedQuickly: 0.82 },
    '[S2]',
    'TARP via Fast Company 2003, problem > $100',
  ),
  /** Midpoints of the course notes' ranges 0.69–0.80 and 0.17–0.32 (original not located). */
  repurchaseCourseNotes: sourced({ satisfiedWithRemedy: 0.745, notSatisfiedWithRemedy: 0.245 }, '[A]', 'lecture notes 0.69–0.80 vs 0.17–0.32, midpoints'),
  negativeWordOfMouthBelow: sourced(2.5, '[A]', 'negative word of mouth if S < 2.5'),
  positiveWordOfMouthFrom: sourced(4.5, '[A]', 'positive word of mouth if S ≥ 4.5'),
  wordOfMouthTarp: sourced({ negative: 10, positive: 5 }, '[S2]', 'TARP: "tell 8–10 people"; resolved complainers "tell five"'),
  wordOfMouthCourseNotes: sourced({ negative: 20, positive: 10 }, '[A]', 'course notes: tell 20 / 10, not traced to an original (models.md §9.2); used as given'),
  acquisitionToRetentionCost: sourced(5, '[S2]', 'course notes; TARP-attributed 5–10×, others 3–5×'),

  // §3.2 balking on the observed line (n: number in system, k: number waiting)
  linearBalkingMaxInSystem: sourced(10, '[A]', 'b(n) = max(0, 1 − n/N_max)'),
  geometricBalkingRate: sourced(0.2, '[A]', 'b(k) = e^(−κk)'),
  logitBalking: sourced({ a0: 2, a1: 0.15, a2: 0.15, k0: 10 }, '[A]', 'form motivated by Lu, Musalem, Olivares & Schilkrut 2013 [S]'),
  renegingPerPersonBehind: sourced(0.05, '[A]', 'reneging hazard × e^(−0.05·n_behind); direction Zhou & Soman 2003 [S]'),

  // §6.6 quality degradation above optimal utilisation
  failureBase: sourced(0.02, '[A]', 'f₀ of f(ρ)'),
  failureSlope: sourced(0.1, '[A]', 'f₁ of f(ρ)'),
  optimalUtilisation: sourced(0.8, '[A]', 'ρ_opt'),
  serviceCompression: sourced(0.1, '[A]', 'E[S|ρ] = E[S]·(1 − 0.1·max(0, ρ − ρ_opt))'),
  satisfactionAfterFailure: sourced(2, '[A]', 'a failure sets S ← min(S, 2)'),
} as const;

export type ExperienceDefaults = typeof experienceDefaults;
