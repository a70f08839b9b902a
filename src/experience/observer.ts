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
} from './aftermath.js';
import { Information, type ExperienceConfig } from './config.js';
import { failureProbability } from './quality.js';
import { fairnessPenalty, lognormalFactor, quoteDisconfirmation, zoneScore } from './satisfaction.js';
import { QuantileSketch } from '../metrics/quantiles.js';
import { CustomerExperience, StationExperience } from './stats.js';

/** The experience's random streams, one per source. */
export interface ExperienceStreams {
  /** Per customer on arrival: first-time visitor, personal tolerance. */
  customers: RandomStream;
  /** Per service start: did it fail? */
  quality: RandomStream;
  /** Per dissatisfied customer leaving: complaint and its outcome. */
  aftermath: RandomStream;
}

/** Experience tallies for one set of scopes (the whole run, or one period). */
class Scopes {
  readonly segments: CustomerExperience[];
  readonly stations: StationExperience[];
  constructor(segments: number, stations: number) {
    this.segments = Array.from({ length: segments }, () => new CustomerExperience());
    this.stations = Array.from({ length: stations }, () => new StationExperience());
  }
  values(): { metrics: LeverMetrics['metrics']; segments: NonNullable<LeverMetrics['segments']>; stations: NonNullable<LeverMetrics['stations']> } {
    const system = new CustomerExperience();
    for (const segment of this.segments) system.merge(segment);
    const { perceivedWaitMean, perceivedWaitP90, ...rest } = system.values();
    return {
      metrics: { perceivedWaitMean: perceivedWaitMean!, perceivedWaitP90: perceivedWaitP90!, ...rest },
      segments: this.segments.map((s) => s.values()),
      stations: this.stations.map((s) => s.values()),
    };
  }
}

export class ExperienceObserver extends JourneyWatcher {
  private readonly all: Scopes;
  private readonly byPeriod: Scopes[];
  /** The scopes a customer of each period counts in: the whole run, and its period if several. */
  private readonly scopeLists: Scopes[][];
  private readonly curve: LoyaltyCurve;
  // Per-customer columns.
  private readonly perceived: CustomerColumn;
  /** Perceived wait at stations where a wait was quoted, and the quotes' total. */
  private readonly quotedPerceived: CustomerColumn;
  private readonly quote: CustomerColumn;
  private readonly quotedHere: CustomerColumn;
  private readonly slips: CustomerColumn;
  private readonly slipsHere: CustomerColumn;
  /** Perceived wait at the current station (set when service starts, read when it ends). */
  private readonly feltHere: CustomerColumn;
  private readonly joinOrder: CustomerColumn;
  private readonly failed: CustomerColumn;
  /** Uniform drawn on arrival: unfamiliar at a station if below its first-time share. */
  private readonly familiarity: CustomerColumn;
  private readonly tolerance: CustomerColumn;
  /** Stations that reorder: who waits there now (slots), and the next join order number. */
  private readonly waitingAt: number[][];
  private readonly joins: Float64Array;
  private readonly anyFirstTimers: boolean[];
  /** Whether any station quotes a wait (else the quote columns stay 0 and need no reset). */
  private readonly anyQuotes: boolean;
  /** σ and σ² of the lognormal tolerance factor (0: every customer has the segment's zone). */
  private readonly toleranceSigma: number;
  private readonly toleranceVariance: number;
  /** The last perceived wait whose sketch bucket was computed (station, then segment, see it twice). */
  private lastFelt = NaN;
  private lastFeltBucket = -1;

  constructor(
    private readonly system: ServiceSystem,
    private readonly config: ExperienceConfig,
    private readonly streams: ExperienceStreams,
  ) {
    super();
    const { model } = system;
    this.all = new Scopes(model.segments.length, model.stations.length);
    this.byPeriod = model.periods.length > 1 ? model.periods.map(() => new Scopes(model.segments.length, model.stations.length)) : [];
    this.scopeLists = this.byPeriod.length === 0 ? [[this.all]] : this.byPeriod.map((period) => [this.all, period]);
    this.curve = resolveLoyaltyCurve(config.loyaltyCurve);
    const column = (name: string) => system.addColumn(`experience/${name}`);
    this.perceived = column('perceived');
    this.quotedPerceived = column('quotedPerceived');
    this.quote = column('quote');
    this.quotedHere = column('quotedHere');
    this.slips = column('slips');
    this.slipsHere = column('slipsHere');
    this.feltHere = column('feltHere');
    this.joinOrder = column('joinOrder');
    this.failed = column('failed');
    this.familiarity = column('familiarity');
    this.tolerance = column('tolerance');
    this.waitingAt = model.stations.map(() => []);
    this.joins = new Float64Array(model.stations.length);
    this.anyFirstTimers = model.segments.map((_, g) => config.waits.some((byStation) => byStation[g]!.firstTimeShare > 0));
    this.anyQuotes = config.waits.some((byStation) => byStation.some((w) => w.information === Information.quote));
    const cv = config.satisfaction.toleranceSpread;
    this.toleranceVariance = Math.log(1 + cv * cv);
    this.toleranceSigma = Math.sqrt(this.toleranceVariance);
  }

  override arrive(customer: Customer): void {
    const slot = customer.slot;
    this.perceived.values[slot] = 0;
    if (this.anyQuotes) {
      this.quotedPerceived.values[slot] = 0;
      this.quote.values[slot] = 0;
    }
    this.slips.values[slot] = 0;
    this.failed.values[slot] = 0;
    this.familiarity.values[slot] = this.anyFirstTimers[customer.segment] ? this.streams.customers.next() : 1;
    this.tolerance.values[slot] = this.toleranceSigma > 0 ? lognormalFactor(normalQuantile(this.streams.customers.next()), this.toleranceSigma, this.toleranceVariance) : 1;
  }

  override join(customer: Customer, station: StationView, ahead: number): void {
    const slot = customer.slot;
    const wait = this.config.waits[station.index]![customer.segment]!;
    this.quotedHere.values[slot] = 0;
    if (wait.information === Information.quote && station.busy >= station.capacity && station.capacity > 0) {
      this.quote.values[slot]! += (wait.quoteFactor * (ahead + 1)) / (station.capacity * wait.serviceRate);
      this.quotedHere.values[slot] = 1;
    }
    if (!this.system.stations[station.index]!.line.keepsOrder) {
      this.joinOrder.values[slot] = this.joins[station.index]!++;
      this.slipsHere.values[slot] = 0;
      this.waitingAt[station.index]!.push(slot);
    }
  }

  override start(customer: Customer, station: StationView, time: number, waited: number): void {
    const slot = customer.slot;
    const felt = this.feel(customer, station.index, waited);
    if (this.quotedHere.values[slot] === 1) this.quotedPerceived.values[slot]! += felt;
    const list = this.waitingAt[station.index]!;
    let slipsHere = 0;
    if (list.length > 0 || !this.system.stations[station.index]!.line.keepsOrder) {
      this.leaveWaitingList(list, slot);
      // Everyone still waiting here who joined before this customer has just been overtaken.
      const order = this.joinOrder.values[slot]!;
      for (const other of list) {
        if (this.joinOrder.values[other]! < order) {
          this.slips.values[other]!++;
          this.slipsHere.values[other]!++;
        }
      }
      slipsHere = this.slipsHere.values[slot]!;
    }
    let failed = false;
    if (this.config.quality.enabled) {
      const rho = this.config.plannedUtilisation[station.index]![this.periodAt(time)]!;
      failed = this.streams.quality.next() < failureProbability(this.config.quality, rho);
      if (failed) this.failed.values[slot] = 1;
    }
    this.feltHere.values[slot] = felt;
    this.slipsHere.values[slot] = slipsHere;
    if (failed && customer.counted) {
      for (const scopes of this.scopesOf(customer)) {
        scopes.stations[station.index]!.failures++;
        scopes.segments[customer.segment]!.failures++;
      }
    }
  }

  /** The station's tallies are fed as service ends, in the order the core's are (same sums, to the last bit). */
  override finish(customer: Customer, station: StationView): void {
    if (!customer.counted) return;
    const slot = customer.slot;
    const felt = this.feltHere.values[slot]!;
    for (const scopes of this.scopesOf(customer)) {
      const s = scopes.stations[station.index]!;
      s.served++;
      s.perceivedSum += felt;
      s.perceived.addBucket(this.bucketOf(felt));
      s.slips += this.slipsHere.values[slot]!;
    }
  }

  override leave(customer: Customer, outcome: Outcome, station: StationView | undefined, time: number): void {
    const slot = customer.slot;
    if (station !== undefined) {
      this.leaveWaitingList(this.waitingAt[station.index]!, slot);
      if (outcome === Outcome.reneged) this.feel(customer, station.index, time - customer.joinedAt);
    }
    if (!customer.counted || outcome === Outcome.inSystemAtEnd) return;
    const segment = this.config.segments[customer.segment]!;
    const p = this.config.satisfaction;
    const perceived = this.perceived.values[slot]!;
    const slips = this.slips.values[slot]!;
    let score: number;
    let zone: 0 | 1 | 2; // desired, within tolerance, below adequate
    if (outcome === Outcome.served) {
      const factor = this.tolerance.values[slot]!;
      const desired = segment.desired * factor;
      const adequate = segment.adequate * factor;
      score = zoneScore(perceived, desired, adequate, p.lossAversion) - fairnessPenalty(slips, p.slipPenalty, p.slipPenaltyCap);
      const quote = this.quote.values[slot]!;
      if (quote > 0) score += quoteDisconfirmation(this.quotedPerceived.values[slot]!, quote, p.quoteGainWeight, p.quoteLossWeight);
      score = score < 1 ? 1 : score > 5 ? 5 : score;
      if (this.failed.values[slot] === 1) score = Math.min(score, this.config.quality.satisfactionAfterFailure);
      zone = perceived <= desired ? 0 : perceived <= adequate ? 1 : 2;
    } else {
      score = p.lostScore;
      zone = 2;
    }
    const r = this.config.recovery;
    let complaint: ComplaintOutcome = ComplaintOutcome.none;
    if (score < r.complaintBelow && complains(r, score, this.streams.aftermath.next())) complaint = recoveryOutcome(r, this.streams.aftermath.next());
    const repurchase = repurchaseProbability(r, this.curve, score, complaint);
    const label = loyaltyLabel(score);
    const wordOfMouth = expectedPositiveWordOfMouth(r, score) - expectedNegativeWordOfMouth(r, score);
    for (const scopes of this.scopesOf(customer)) {
      const s = scopes.segments[customer.segment]!;
      if (outcome === Outcome.served) {
        s.served++;
        s.perceivedSum += perceived;
        s.perceived.addBucket(this.bucketOf(perceived));
      }
      s.left++;
      s.scoreSum += score;
      if (zone === 0) s.withinDesired++;
      if (zone <= 1) s.withinTolerance++;
      else s.belowAdequate++;
      s.slips += slips;
      if (complaint !== ComplaintOutcome.none) s.complaints++;
      s.repurchase += repurchase;
      if (label === LoyaltyLabel.apostle) s.apostles++;
      else if (label === LoyaltyLabel.terrorist) s.terrorists++;
      s.wordOfMouthNet += wordOfMouth;
    }
  }

  collect(): LeverMetrics {
    const whole = this.all.values();
    return { ...whole, periods: this.byPeriod.length === 0 ? [whole] : this.byPeriod.map((scopes) => scopes.values()) };
  }

  /** Adds the perceived duration of `waited` at `station` to the customer's; returns it. */
  private feel(customer: Customer, station: number, waited: number): number {
    const wait = this.config.waits[station]![customer.segment]!;
    const solo = customer.partySize === 1 ? 1 : 0;
    const unfamiliar = this.familiarity.values[customer.slot]! < wait.firstTimeShare ? 1 : 0;
    const felt = wait.factor * Math.pow(waited, wait.exponent) * wait.multiplier[solo]![unfamiliar]!;
    this.perceived.values[customer.slot]! += felt;
    return felt;
  }

  private bucketOf(value: number): number {
    if (value !== this.lastFelt) {
      this.lastFelt = value;
      this.lastFeltBucket = QuantileSketch.bucketOf(value);
    }
    return this.lastFeltBucket;
  }

  private leaveWaitingList(list: number[], slot: number): void {
    const at = list.indexOf(slot);
    if (at < 0) return;
    list[at] = list[list.length - 1]!;
    list.pop();
  }

  private scopesOf(customer: Customer): Scopes[] {
    return this.scopeLists[this.byPeriod.length === 0 ? 0 : customer.period]!;
  }

  private periodAt(time: number): number {
    const periods = this.system.model.periods;
    let p = 0;
    while (p < periods.length - 1 && time >= periods[p]!.end) p++;
    return p;
  }
}
