/**
 * The waiting experience as an observer of the journey: how each wait felt (perception),
 * who was overtaken (fairness), how satisfied each customer left, whether a service failed
 * under load, and what follows (complaints, repurchase, word of mouth). It changes nothing
 * in the flow; its random numbers come from its own streams.
 *
 * Slips: a customer "slips" when someone who reached the same station later starts service
 * earlier (Larson 1987's "slips and skips"); the one who overtakes "skips". Counted only at
 * stations whose line does not keep joining order (keepsOrder false), since one FIFO line
 * has none by construction.
 *
 * It runs at every journey point of every customer, so it is written for speed: one
 * customer column holds a record of Field numbers per customer, everything that depends only
 * on the configuration is looked up once, and what follows a score (repurchase, loyalty
 * label, word of mouth) is reused while consecutive customers leave with the same score.
 */
import type { LeverMetrics } from '../levers/lever.js';
import type { Customer, CustomerColumn } from '../model/customer.js';
import { JourneyWatcher, Outcome, type StationView } from '../model/journey.js';
import type { ServiceSystem } from '../model/system.js';
import { normalQuantile } from '../random/normal-quantile.js';
import type { RandomStream } from '../random/streams.js';
import {
  ComplaintOutcome,
  complains,
  expectedNegativeWordOfMouth,
  expectedPositiveWordOfMouth,
  LoyaltyLabel,
  loyaltyLabel,
  recoveryOutcome,
  repurchaseProbability,
  resolveLoyaltyCurve,
  type LoyaltyCurve,
  type ResolvedRecovery,
} from './aftermath.js';
import { Information, type ExperienceConfig, type SegmentExperience, type WaitSetting } from './config.js';
import { failureProbability } from './quality.js';
import { fairnessPenalty, lognormalFactor, quoteDisconfirmation, waitZone, WaitZone, zoneScore } from './satisfaction.js';
import { QuantileSketch } from '../metrics/quantiles.js';
import { ExperienceScopes } from './stats.js';
import { Overtakes } from './overtakes.js';

/**
 * The experience's random streams, one per source and per segment. Every number a customer
 * may need is drawn when it arrives, a fixed count from its segment's streams (as the core
 * draws service times and patience), never when something happens later: so a change
 * elsewhere (a server more at another station, another segment) leaves a segment's numbers
 * as they were, and comparisons stay on common random numbers.
 */
export interface ExperienceStreams {
  /** Per segment: first-time visitor, personal tolerance. */
  customers: readonly RandomStream[];
  /** Per segment: one number per visit slot of the customer's route, does that service fail? */
  quality: readonly RandomStream[];
  /** Per segment: two numbers per customer, does it complain if dissatisfied, and how the complaint ends. */
  aftermath: readonly RandomStream[];
  /** Per segment with a balking rule: one number per visit slot, does it join (BalkingRule)? */
  balking: readonly (RandomStream | null)[];
}

/** The numbers kept per customer, at customer.slot × Field.width + field in one column. */
const Field = {
  perceived: 0,
  /** Perceived wait at stations where a wait was quoted, and the quotes' total. */
  quotedPerceived: 1,
  quote: 2,
  quotedHere: 3,
  slips: 4,
  slipsHere: 5,
  /** Perceived wait at the current station (set when service starts, read when it ends). */
  feltHere: 6,
  joinOrder: 7,
  failed: 8,
  /** Uniform drawn on arrival: unfamiliar at a station if below its first-time share. */
  familiarity: 9,
  /** Uniform drawn on arrival for the personal tolerance factor (NaN: no spread). */
  tolerance: 10,
  /** 1 while waiting (or about to start) at a station that reorders, with its joinOrder there. */
  inLine: 11,
  width: 12,
} as const;

/** The uniforms drawn on arrival, at customer.slot × width + field in a second column (R = the longest route). */
const Draw = { complains: 0, complaintOutcome: 1, quality: 2 } as const;

export class ExperienceObserver extends JourneyWatcher {
  private readonly all: ExperienceScopes;
  /** Per period; empty with a single period (the whole run is that period). */
  private readonly byPeriod: ExperienceScopes[];
  private readonly curve: LoyaltyCurve;
  private readonly record: CustomerColumn;
  /** The uniforms each customer drew on arrival (Draw; then quality and balking per visit slot). */
  private readonly draws: CustomerColumn;
  private readonly routeSlots: number;
  /** Visit slots of each segment's route: how many failure and balking numbers its customers draw. */
  private readonly slotsOf: readonly number[];
  private readonly drawWidth: number;
  /** [station][segment] */
  private readonly waits: readonly (readonly WaitSetting[])[];
  private readonly segments: readonly SegmentExperience[];
  private readonly recovery: ResolvedRecovery;
  /** Probability that a service fails, [station][period] (0 everywhere with quality off). */
  private readonly failureAt: readonly (readonly number[])[];
  private readonly qualityOn: boolean;
  /** Per station that reorders: the starts there by join order (slips); null where the line keeps order. */
  private readonly overtakes: (Overtakes | null)[];
  private readonly anyFirstTimers: boolean[];
  /** Whether any station quotes a wait (else the quote fields stay 0 and need no reset). */
  private readonly anyQuotes: boolean;
  /** σ and σ² of the lognormal tolerance factor (0: every customer has the segment's zone). */
  private readonly toleranceSigma: number;
  private readonly toleranceVariance: number;
  private readonly finiteSpread: boolean;
  /** The last perceived wait whose sketch bucket was computed (station, then segment, see it twice). */
  private lastFelt = NaN;
  private lastFeltBucket = -1;
  /** What follows the last score without a complaint (consecutive customers often share one: 5). */
  private lastScore = NaN;
  private lastRepurchase = 0;
  private lastLabel: LoyaltyLabel = LoyaltyLabel.none;
  private lastWordOfMouth = 0;

  /**
   * @param plannedUtilisation  offered load per server, [station][period]: the ρ of the failure
   *                            probability f(ρ) (models.md §6.6; levers/planned-load.ts); unused with quality off
   */
  constructor(
    private readonly system: ServiceSystem,
    private readonly config: ExperienceConfig,
    private readonly streams: ExperienceStreams,
    plannedUtilisation: readonly (readonly number[])[],
  ) {
    super();
    const { model } = system;
    this.all = new ExperienceScopes(model.segments.length, model.stations.length);
    this.byPeriod = model.periods.length > 1 ? model.periods.map(() => new ExperienceScopes(model.segments.length, model.stations.length)) : [];
    this.curve = resolveLoyaltyCurve(config.loyaltyCurve);
    this.record = system.addColumn('experience/customer', Field.width);
    this.slotsOf = model.segments.map((segment) => segment.route.length);
    this.routeSlots = Math.max(...this.slotsOf);
    this.drawWidth = Draw.quality + 2 * this.routeSlots;
    this.draws = system.addColumn('experience/draws', this.drawWidth);
    this.waits = config.waits;
    this.segments = config.segments;
    this.recovery = config.recovery;
    this.qualityOn = config.quality.enabled;
    this.failureAt = plannedUtilisation.map((byPeriod) => byPeriod.map((rho) => failureProbability(config.quality, rho))); // empty when quality is off
    this.overtakes = model.stations.map(() => null); // made as a station's line is first seen to reorder (levers install lines after this)
    this.anyFirstTimers = model.segments.map((_, g) => config.waits.some((byStation) => byStation[g]!.firstTimeShare > 0));
    this.anyQuotes = config.waits.some((byStation) => byStation.some((w) => w.information === Information.quote));
    const cv = config.satisfaction.toleranceSpread;
    this.toleranceVariance = Math.log(1 + cv * cv);
    this.toleranceSigma = Math.sqrt(this.toleranceVariance);
    this.finiteSpread = Number.isFinite(this.toleranceVariance);
  }

  override arrive(customer: Customer): void {
    const v = this.record.values;
    const at = customer.slot * Field.width;
    v[at + Field.perceived] = 0;
    if (this.anyQuotes) {
      v[at + Field.quotedPerceived] = 0;
      v[at + Field.quote] = 0;
    }
    v[at + Field.slips] = 0;
    v[at + Field.inLine] = 0;
    v[at + Field.failed] = 0;
    const g = customer.segment;
    const draws = this.streams.customers[g]!;
    v[at + Field.familiarity] = this.anyFirstTimers[g] ? draws.next() : 1;
    // The tolerance uniform is drawn now, in stream order; its factor is computed on leaving,
    // and only if the score needs it (a served customer who felt no wait scores 5 anyway).
    v[at + Field.tolerance] = this.toleranceSigma > 0 ? draws.next() : NaN;
    // Every other number it may need, a fixed count each: the same whatever happens later.
    const d = this.draws.values;
    const from = customer.slot * this.drawWidth;
    const aftermath = this.streams.aftermath[g]!;
    d[from + Draw.complains] = aftermath.next();
    d[from + Draw.complaintOutcome] = aftermath.next();
    const slots = this.slotsOf[g]!;
    if (this.qualityOn) {
      const quality = this.streams.quality[g]!;
      for (let s = 0; s < slots; s++) d[from + Draw.quality + s] = quality.next();
    }
    const balking = this.streams.balking[g];
    if (balking) for (let s = 0; s < slots; s++) d[from + Draw.quality + this.routeSlots + s] = balking.next();
  }

  /** The customer's uniform for a balking decision at its current visit slot (drawn on arrival). */
  balkingUniform(customer: Customer): number {
    return this.draws.values[customer.slot * this.drawWidth + Draw.quality + this.routeSlots + customer.draw]!;
  }

  override join(customer: Customer, station: StationView, ahead: number): void {
    const v = this.record.values;
    const at = customer.slot * Field.width;
    const index = station.index;
    const wait = this.waits[index]![customer.segment]!;
    v[at + Field.quotedHere] = 0;
    if (wait.information === Information.quote && ahead >= 0 && station.capacity > 0) {
      // Told because it waits (a line per server's own line may be busy while another server
      // is free; at tables, a party may wait while only a smaller table is free). The servers
      // of the customer's own line: one at a line per server.
      const servers = this.system.stations[index]!.line.linePerServer ? 1 : station.capacity;
      v[at + Field.quote]! += (wait.quoteFactor * (ahead + 1)) / (servers * wait.serviceRate);
      v[at + Field.quotedHere] = 1;
    }
    if (!this.system.stations[index]!.line.keepsOrder) {
      v[at + Field.joinOrder] = (this.overtakes[index] ??= new Overtakes()).join();
      v[at + Field.inLine] = 1;
    }
  }

  override start(customer: Customer, station: StationView, time: number, waited: number): void {
    const v = this.record.values;
    const slot = customer.slot;
    const at = slot * Field.width;
    const index = station.index;
    const felt = this.feel(customer, index, waited);
    if (v[at + Field.quotedHere] === 1) v[at + Field.quotedPerceived]! += felt;
    // Overtaken by whoever joined later and started first; this start overtakes whoever still waits.
    const slipsHere = this.leaveLine(slot, index);
    if (slipsHere >= 0) this.overtakes[index]!.start(v[at + Field.joinOrder]!);
    let failed = false;
    if (this.qualityOn) {
      failed = this.draws.values[customer.slot * this.drawWidth + Draw.quality + customer.draw]! < this.failureAt[index]![this.periodAt(time)]!;
      if (failed) v[at + Field.failed] = 1;
    }
    v[at + Field.feltHere] = felt;
    v[at + Field.slipsHere] = Math.max(0, slipsHere);
    if (failed && customer.counted) {
      this.all.stations[index]!.failures++;
      this.all.segments[customer.segment]!.failures++;
      if (this.byPeriod.length > 0) {
        const period = this.byPeriod[customer.period]!;
        period.stations[index]!.failures++;
        period.segments[customer.segment]!.failures++;
      }
    }
  }

  /** The station's tallies are fed as service ends, in the order the core's are (same sums, to the last bit). */
  override finish(customer: Customer, station: StationView): void {
    if (!customer.counted) return;
    const v = this.record.values;
    const at = customer.slot * Field.width;
    const felt = v[at + Field.feltHere]!;
    const slips = v[at + Field.slipsHere]!;
    const bucket = this.bucketOf(felt);
    this.all.stations[station.index]!.addService(felt, bucket, slips);
    if (this.byPeriod.length > 0) this.byPeriod[customer.period]!.stations[station.index]!.addService(felt, bucket, slips);
  }

  override leave(customer: Customer, outcome: Outcome, station: StationView | undefined, time: number): void {
    if (station !== undefined) {
      this.leaveLine(customer.slot, station.index);
      if (outcome === Outcome.reneged) this.feel(customer, station.index, time - customer.joinedAt);
    }
    if (!customer.counted || outcome === Outcome.inSystemAtEnd) return;
    const v = this.record.values;
    const at = customer.slot * Field.width;
    const p = this.config.satisfaction;
    const perceived = v[at + Field.perceived]!;
    const slips = v[at + Field.slips]!;
    const served = outcome === Outcome.served;
    let score: number;
    let zone: WaitZone;
    if (served) {
      const segment = this.segments[customer.segment]!;
      let zoneScored: number;
      if (perceived === 0 && segment.desired > 0 && this.finiteSpread) {
        // zoneScore(0, D·F, A·F) is 5 and the zone desired for every factor F ≥ 0 (F is never
        // NaN while σ is finite).
        zoneScored = 5;
        zone = WaitZone.desired;
      } else {
        const factor = this.toleranceFactor(v[at + Field.tolerance]!);
        const desired = segment.desired * factor;
        const adequate = segment.adequate * factor;
        zoneScored = zoneScore(perceived, desired, adequate, p.lossAversion);
        zone = waitZone(perceived, desired, adequate);
      }
      score = zoneScored - fairnessPenalty(slips, p.slipPenalty, p.slipPenaltyCap);
      const quote = v[at + Field.quote]!;
      if (quote > 0) score += quoteDisconfirmation(v[at + Field.quotedPerceived]!, quote, p.quoteGainWeight, p.quoteLossWeight);
      score = score < 1 ? 1 : score > 5 ? 5 : score;
      if (v[at + Field.failed] === 1) score = Math.min(score, this.config.quality.satisfactionAfterFailure);
    } else {
      score = p.lostScore;
      zone = WaitZone.belowAdequate;
    }
    const r = this.recovery;
    let complaint: ComplaintOutcome = ComplaintOutcome.none;
    const drawn = customer.slot * this.drawWidth;
    const d = this.draws.values;
    if (score < r.complaintBelow && complains(r, score, d[drawn + Draw.complains]!)) complaint = recoveryOutcome(r, d[drawn + Draw.complaintOutcome]!);
    if (score !== this.lastScore) {
      this.lastScore = score;
      this.lastRepurchase = repurchaseProbability(r, this.curve, score, ComplaintOutcome.none);
      this.lastLabel = loyaltyLabel(score);
      this.lastWordOfMouth = expectedPositiveWordOfMouth(r, score) - expectedNegativeWordOfMouth(r, score);
    }
    const repurchase = complaint === ComplaintOutcome.none ? this.lastRepurchase : repurchaseProbability(r, this.curve, score, complaint);
    const bucket = served ? this.bucketOf(perceived) : -1;
    const complained = complaint !== ComplaintOutcome.none;
    const label = this.lastLabel;
    const wordOfMouth = this.lastWordOfMouth;
    this.all.segments[customer.segment]!.addLeave(served, perceived, bucket, score, zone, slips, complained, repurchase, label, wordOfMouth);
    if (this.byPeriod.length > 0) {
      this.byPeriod[customer.period]!.segments[customer.segment]!.addLeave(served, perceived, bucket, score, zone, slips, complained, repurchase, label, wordOfMouth);
    }
  }

  collect(): LeverMetrics {
    const whole = this.all.values();
    return { ...whole, periods: this.byPeriod.length === 0 ? [whole] : this.byPeriod.map((scopes) => scopes.values()) };
  }

  /** Adds the perceived duration of `waited` at `station` to the customer's; returns it. */
  private feel(customer: Customer, station: number, waited: number): number {
    const v = this.record.values;
    const at = customer.slot * Field.width;
    const wait = this.waits[station]![customer.segment]!;
    const solo = customer.partySize === 1 ? 1 : 0;
    const unfamiliar = v[at + Field.familiarity]! < wait.firstTimeShare ? 1 : 0;
    // Math.pow(0, b) is exactly 0 for b > 0: customers served at once skip the costly call.
    const powered = waited === 0 && wait.exponent > 0 ? 0 : Math.pow(waited, wait.exponent);
    const felt = wait.factor * powered * wait.multiplier[solo]![unfamiliar]!;
    v[at + Field.perceived]! += felt;
    return felt;
  }

  /** The customer's lognormal tolerance factor from its uniform (NaN: no spread, factor 1). */
  private toleranceFactor(uniform: number): number {
    return uniform === uniform ? lognormalFactor(normalQuantile(uniform), this.toleranceSigma, this.toleranceVariance) : 1;
  }

  private bucketOf(value: number): number {
    if (value !== this.lastFelt) {
      this.lastFelt = value;
      this.lastFeltBucket = QuantileSketch.bucketOf(value);
    }
    return this.lastFeltBucket;
  }

  /**
   * The customer leaves the line of a station that reorders (to start, or giving up): its
   * slips there, added to its route's; -1 if it stood in no such line.
   */
  private leaveLine(slot: number, station: number): number {
    const v = this.record.values;
    const at = slot * Field.width;
    if (v[at + Field.inLine] !== 1) return -1;
    v[at + Field.inLine] = 0;
    const slipsHere = this.overtakes[station]!.laterStarted(v[at + Field.joinOrder]!);
    v[at + Field.slips]! += slipsHere;
    return slipsHere;
  }

  private periodAt(time: number): number {
    const periods = this.system.model.periods;
    let p = 0;
    while (p < periods.length - 1 && time >= periods[p]!.end) p++;
    return p;
  }
}
