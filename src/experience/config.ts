/**
 * The waiting experience resolved into plain numbers (it crosses to workers): parameters
 * with every default filled, and for each station × segment the conditions of that wait.
 */
import type { ScenarioData } from '../levers/lever.js';
import type { Model } from '../model/model.js';
import { unitsPerMinute } from '../model/units.js';
import { meanOf } from '../random/distributions.js';
import { resolveRecovery, recoveryPresets, type ProblemSeverity, type ResolvedRecovery } from './aftermath.js';
import { defaultBalkingRules } from './balking.js';
import { experienceDefaults as d } from './defaults.js';
import { informationPatienceMultiplier, WaitInformation } from './patience.js';
import { combinedMultiplier, defaultPerceptionParams, resolvePerception, Stage, type PerceptionParams } from './perception.js';
import { defaultQualityParams, type QualityParams } from './quality.js';
import { defaultSatisfactionParams, type SatisfactionParams } from './satisfaction.js';

export const Information = { none: 0, position: 1, quote: 2 } as const;

/** One station's wait as one segment's customers see it. */
export interface WaitSetting {
  stage: Stage;
  /** k·w_stage, b: τ = factor · t^exponent · m */
  factor: number;
  exponent: number;
  /** m by [solo 0|1][unfamiliar 0|1], capped. */
  multiplier: [[number, number], [number, number]];
  firstTimeShare: number;
  information: number;
  quoteFactor: number;
  /** Patience × this: information, apology and value. */
  patienceMultiplier: number;
  /** Service rate μ of this segment here (1 / mean service), for forecasts and quotes. */
  serviceRate: number;
}

export type ResolvedBalking =
  | { rule: 'discouraged' }
  | { rule: 'linear'; maxInSystem: number }
  | { rule: 'geometric'; rate: number }
  | { rule: 'logit'; a0: number; a1: number; a2: number; k0: number }
  | { rule: 'waitBased' }
  | { rule: 'informed'; zeroToleranceShare: number; abandonRate: number };

export interface SegmentExperience {
  desired: number;
  /** After the value and comfort modifiers. */
  adequate: number;
  balking: ResolvedBalking | null;
}

export interface ExperienceConfig {
  perceptionEnabled: boolean;
  satisfaction: SatisfactionParams & { toleranceSpread: number; lostScore: number };
  quality: QualityParams & { enabled: boolean };
  recovery: ResolvedRecovery;
  loyaltyCurve: readonly (readonly [number, number])[];
  /** [station][segment] */
  waits: WaitSetting[][];
  segments: SegmentExperience[];
}

type Raw = Record<string, unknown>;
const isMap = (v: unknown): v is Raw => typeof v === 'object' && v !== null && !Array.isArray(v);
const num = (v: unknown, fallback: number): number => (typeof v === 'number' ? v : fallback);
const bool = (v: unknown, fallback: boolean): boolean => (typeof v === 'boolean' ? v : fallback);
const pick = <T>(key: string, ...sources: (Raw | undefined)[]): T | undefined => {
  for (const source of sources) if (source !== undefined && Object.hasOwn(source, key)) return source[key] as T;
  return undefined;
};

/** The tolerance presets, in minutes (models.md §2.2). */
const tolerancePresets = {
  coffee: d.zoneCoffee.value,
  bank: d.zoneBank.value,
  restaurant: d.zoneRestaurant.value,
  clinic: d.zoneClinic.value,
  callCentre: d.zoneCallCentre.value,
} as const;

/**
 * The perception parameters; `perMinute` converts the default reference wait (minutes) to the
 * time unit. A referenceWait given in the file is in the file's unit already.
 */
function perceptionParams(raw: Raw, perMinute: number): PerceptionParams {
  const p = defaultPerceptionParams();
  return {
    enabled: bool(raw.enabled, p.enabled),
    durationExponent: num(raw.exponent, p.durationExponent),
    overestimationAtReference: num(raw.overestimation, p.overestimationAtReference),
    referenceWait: num(raw.referenceWait, p.referenceWait * perMinute),
    stageWeight: { ...p.stageWeight, ...(isMap(raw.stageWeights) ? raw.stageWeights : {}) },
    multipliers: { ...p.multipliers, ...(isMap(raw.multipliers) ? raw.multipliers : {}) },
    multiplierCap: num(raw.cap, p.multiplierCap),
  };
}

/** The experience part of the model, or undefined when the scenario has no `experience` key. */
export function resolveExperience(data: ScenarioData, model: Model): ExperienceConfig | undefined {
  if (!isMap(data.experience)) return undefined;
  const raw = data.experience;
  // The defaults that are durations are minutes (models.md); the checks refused a unit that
  // does not convert wherever one of them is used, so 1 there is never applied.
  const perMinute = unitsPerMinute(model.unit) ?? 1;
  const perception = perceptionParams(isMap(raw.perception) ? raw.perception : {}, perMinute);
  const satisfactionRaw = isMap(raw.satisfaction) ? raw.satisfaction : {};
  const s = defaultSatisfactionParams();
  const qualityRaw = isMap(raw.quality) ? raw.quality : {};
  const q = defaultQualityParams();
  const aftermathRaw = isMap(raw.aftermath) ? raw.aftermath : {};
  const preset = aftermathRaw.preset === 'courseNotes' ? recoveryPresets.courseNotes : recoveryPresets.tarp;
  const severity: ProblemSeverity = aftermathRaw.severity === 'major' ? 'major' : 'minor';

  const stationWaiting = data.stations.map((station) => (isMap(station.waiting) ? station.waiting : undefined));
  const segmentWaiting = data.segments.map((segment) => (isMap(segment.waiting) ? segment.waiting : undefined));

  const waits = model.stations.map((_, st) =>
    model.segments.map((segment, g): WaitSetting => {
      const own = segmentWaiting[g];
      const at = stationWaiting[st];
      const stageName = pick<string>('stage', own, at) ?? 'pre';
      const stage = stageName === 'in' ? Stage.in : stageName === 'post' ? Stage.post : Stage.pre;
      const resolved = resolvePerception(perception);
      const weight = stage === Stage.pre ? resolved.preWeight : stage === Stage.in ? resolved.inWeight : resolved.postWeight;
      const informationName = pick<string>('information', own, at) ?? 'none';
      const information = informationName === 'position' ? Information.position : informationName === 'quote' ? Information.quote : Information.none;
      const conditions = {
        occupied: bool(pick('occupied', own, at), false),
        anxious: bool(pick('anxious', own, at), false),
        // The 36% overestimate was measured on ordinary, untold waits: uncertainty is in the
        // baseline, so `uncertain` is only an explicit extra; being told is `informed`.
        uncertain: bool(pick('uncertain', own, at), false),
        informed: information !== Information.none,
        unexplained: !bool(pick('explained', own, at), true),
        uncomfortable: !bool(pick('comfortable', own, at), true),
      };
      const m = (solo: boolean, unfamiliar: boolean) => (perception.enabled ? combinedMultiplier(perception, { ...conditions, solo, unfamiliar }) : 1);
      const value = num(pick('value', own, at), 0);
      const step = segment.route.indexOf(st);
      return {
        stage,
        factor: resolved.scale * weight,
        exponent: resolved.exponent,
        multiplier: [
          [m(false, false), m(false, true)],
          [m(true, false), m(true, true)],
        ],
        firstTimeShare: num(pick('firstTimeShare', own, at), 0),
        information,
        quoteFactor: num(pick('quoteFactor', own, at), d.quoteFactor.value),
        patienceMultiplier:
          informationPatienceMultiplier(information === Information.position ? WaitInformation.position : WaitInformation.none) *
          (bool(pick('apology', own, at), false) ? d.apologyPatienceMultiplier.value : 1) *
          (1 + value),
        serviceRate: step < 0 ? NaN : 1 / meanOf(segment.service[step]!),
      };
    }),
  );

  const segments = model.segments.map((segment, g): SegmentExperience => {
    const rawSegment = data.segments[g]!;
    const tolerance = rawSegment.tolerance;
    // A zone written in the file is in its unit (the schema requires both waits); a preset is in minutes.
    const preset = tolerancePresets[typeof tolerance === 'string' ? (tolerance as keyof typeof tolerancePresets) : 'coffee'];
    const zone = isMap(tolerance)
      ? { desired: tolerance.desired as number, adequate: tolerance.adequate as number }
      : { desired: preset.desired * perMinute, adequate: preset.adequate * perMinute };
    // Value and comfort of the service move the adequate wait (§1.3 #7, #9): read where the
    // customer's first wait is (the segment's own `waiting`, or its first station's).
    const first = segment.route[0]!;
    const value = num(pick('value', segmentWaiting[g], stationWaiting[first]), 0);
    const comfortable = bool(pick('comfortable', segmentWaiting[g], stationWaiting[first]), true);
    const adequate = Math.max(zone.desired, zone.adequate * (1 + value) * (comfortable ? 1 : d.uncomfortableToleranceFactor.value));
    return { desired: zone.desired, adequate, balking: resolveBalking(rawSegment.balking, segment.patience) };
  });

  return {
    perceptionEnabled: perception.enabled,
    satisfaction: {
      lossAversion: num(satisfactionRaw.lossAversion, s.lossAversion),
      slipPenalty: num(satisfactionRaw.slipPenalty, s.slipPenalty),
      slipPenaltyCap: num(satisfactionRaw.slipPenaltyCap, s.slipPenaltyCap),
      quoteGainWeight: num(satisfactionRaw.quoteGain, s.quoteGainWeight),
      quoteLossWeight: num(satisfactionRaw.quoteLoss, s.quoteLossWeight),
      toleranceSpread: num(satisfactionRaw.toleranceSpread, d.toleranceSpreadCv.value),
      lostScore: num(satisfactionRaw.lostScore, 1),
    },
    quality: {
      enabled: bool(qualityRaw.enabled, true),
      failureBase: num(qualityRaw.baseFailure, q.failureBase),
      failureSlope: num(qualityRaw.failureSlope, q.failureSlope),
      optimalUtilisation: num(qualityRaw.optimalUtilisation, q.optimalUtilisation),
      serviceCompression: q.serviceCompression,
      satisfactionAfterFailure: num(qualityRaw.scoreAfterFailure, q.satisfactionAfterFailure),
    },
    recovery: resolveRecovery(preset, severity),
    loyaltyCurve: d.loyaltyCurve.value,
    waits,
    segments,
  };
}

function resolveBalking(raw: unknown, patience: Model['segments'][number]['patience']): ResolvedBalking | null {
  if (!isMap(raw)) return null;
  switch (raw.rule) {
    case 'discouraged':
      return { rule: 'discouraged' };
    case 'linear':
      return { rule: 'linear', maxInSystem: num(raw.maxInSystem, defaultBalkingRules.linear.maxInSystem) };
    case 'geometric':
      return { rule: 'geometric', rate: num(raw.rate, defaultBalkingRules.geometric.rate) };
    case 'logit': {
      const l = defaultBalkingRules.logit;
      return { rule: 'logit', a0: num(raw.a0, l.a0), a1: num(raw.a1, l.a1), a2: num(raw.a2, l.a2), k0: num(raw.k0, l.k0) };
    }
    case 'waitBased':
      return { rule: 'waitBased' };
    case 'informed':
      return { rule: 'informed', zeroToleranceShare: num(raw.zeroToleranceShare, 0), abandonRate: patience?.dist === 'exponential' ? 1 / patience.mean : NaN };
    default:
      return null;
  }
}
