/**
 * Perceived waiting time (models.md §1.2–1.3): each segment of a wait is perceived through a
 * psychophysical power law, weighted by the stage of the service it falls in and by the
 * conditions of the wait (Maister's propositions), so that short, idle, pre-process waits
 * feel longest.
 *
 *   τ = k · t^b · w_stage · m,    k = (1 + o_ref) · t_ref^(1 − b)
 *
 * k is chosen so that an unoccupied pre-process wait of t_ref is perceived as (1 + o_ref)·t_ref,
 * i.e. 36% too long at 5 minutes [S2 + A]; b = 0.90 [S]. m is the product of the multipliers of
 * the active conditions, capped at multiplierCap (2.0, [A]); there is no floor, so an occupied
 * and informed wait has m = 0.735 · 0.9.
 *
 * Parameters are resolved once (per scenario, per combination of conditions) into a
 * ResolvedPerception of plain numbers; perceivedSegment then does one pow and two products.
 */
import { experienceDefaults as d } from './defaults.js';

/** Where a waiting segment falls in the service: before, inside, or after the process. */
export const Stage = { pre: 0, in: 1, post: 2 } as const;
export type Stage = (typeof Stage)[keyof typeof Stage];

/** The conditions of a wait that Maister's propositions make longer or shorter (§1.3, §1.4). */
export const waitConditionNames = ['occupied', 'anxious', 'uncertain', 'unexplained', 'solo', 'uncomfortable', 'unfamiliar', 'informed'] as const;
export type WaitCondition = (typeof waitConditionNames)[number];
export type WaitConditions = Partial<Record<WaitCondition, boolean>>;

export interface PerceptionParams {
  /** false: perceived = actual (b = 1, k = 1, every stage weight and multiplier 1). */
  enabled: boolean;
  durationExponent: number;
  overestimationAtReference: number;
  referenceWait: number;
  stageWeight: { pre: number; in: number; post: number };
  multipliers: Record<WaitCondition, number>;
  multiplierCap: number;
}

/** Perception with every default of models.md §1.2–1.4. */
export function defaultPerceptionParams(): PerceptionParams {
  return {
    enabled: true,
    durationExponent: d.durationExponent.value,
    overestimationAtReference: d.overestimationAtReference.value,
    referenceWait: d.referenceWait.value,
    stageWeight: { ...d.stageWeight.value },
    multipliers: {
      occupied: d.occupiedMultiplier.value,
      anxious: d.anxiousMultiplier.value,
      uncertain: d.uncertainMultiplier.value,
      unexplained: d.unexplainedMultiplier.value,
      solo: d.soloMultiplier.value,
      uncomfortable: d.uncomfortableMultiplier.value,
      unfamiliar: d.unfamiliarMultiplier.value,
      informed: d.informedMultiplier.value,
    },
    multiplierCap: d.multiplierCap.value,
  };
}

/** Perception resolved for one set of conditions: plain numbers for the per-segment formula. */
export interface ResolvedPerception {
  /** b */
  readonly exponent: number;
  /** k */
  readonly scale: number;
  /** m: product of the active multipliers, capped */
  readonly multiplier: number;
  readonly preWeight: number;
  readonly inWeight: number;
  readonly postWeight: number;
}

/** k = (1 + o_ref) · t_ref^(1 − b): the power law passes through (t_ref, (1 + o_ref)·t_ref). */
export function calibrationScale(exponent: number, overestimationAtReference: number, referenceWait: number): number {
  return (1 + overestimationAtReference) * Math.pow(referenceWait, 1 - exponent);
}

/** m = min(cap, Π m_a over the active conditions a). */
export function combinedMultiplier(params: PerceptionParams, conditions: WaitConditions): number {
  let m = 1;
  for (const name of waitConditionNames) if (conditions[name] === true) m *= params.multipliers[name];
  return Math.min(params.multiplierCap, m);
}

/** Resolve once, outside the simulation loop; `conditions` default to none (an unoccupied wait). */
export function resolvePerception(params: PerceptionParams, conditions: WaitConditions = {}): ResolvedPerception {
  if (!params.enabled) return { exponent: 1, scale: 1, multiplier: 1, preWeight: 1, inWeight: 1, postWeight: 1 };
  if (!(params.durationExponent > 0) || !(params.referenceWait > 0) || !(params.overestimationAtReference > -1)) {
    throw new RangeError('perception needs b > 0, t_ref > 0 and o_ref > −1');
  }
  return {
    exponent: params.durationExponent,
    scale: calibrationScale(params.durationExponent, params.overestimationAtReference, params.referenceWait),
    multiplier: combinedMultiplier(params, conditions),
    preWeight: params.stageWeight.pre,
    inWeight: params.stageWeight.in,
    postWeight: params.stageWeight.post,
  };
}

/** τ = k · t^b · weight · m, the raw formula; actual ≥ 0 (in the time unit; k is calibrated in it). */
export function perceivedDuration(actual: number, exponent: number, scale: number, weight: number, multiplier: number): number {
  if (!(actual >= 0)) throw new RangeError(`a waiting time must be ≥ 0, got ${actual}`);
  return scale * Math.pow(actual, exponent) * weight * multiplier;
}

/** Perceived duration of one waiting segment of `actual` time units at `stage`. */
export function perceivedSegment(p: ResolvedPerception, stage: Stage, actual: number): number {
  const weight = stage === Stage.pre ? p.preWeight : stage === Stage.in ? p.inWeight : p.postWeight;
  return perceivedDuration(actual, p.exponent, p.scale, weight, p.multiplier);
}
