/** Constant-memory tallies of the experience, for one scope (a segment, a station, a period's). */
import type { LeverMetrics } from '../levers/lever.js';
import type { MetricValues } from '../metrics/catalogue.js';
import { QuantileSketch } from '../metrics/quantiles.js';
import { LoyaltyLabel } from './aftermath.js';
import { WaitZone } from './satisfaction.js';

const ratio = (sum: number, count: number) => (count === 0 ? NaN : sum / count);

/** Customers who left (served or lost), by segment: perceived waits, scores and what follows. */
export class CustomerExperience {
  served = 0;
  perceivedSum = 0;
  readonly perceived = new QuantileSketch();
  /** Customers who left with an outcome: served, balked, reneged, blocked or denied. */
  left = 0;
  scoreSum = 0;
  withinDesired = 0;
  withinTolerance = 0;
  belowAdequate = 0;
  slips = 0;
  complaints = 0;
  failures = 0;
  repurchase = 0;
  apostles = 0;
  terrorists = 0;
  wordOfMouthNet = 0;

  /** A customer left with an outcome (`bucket`: its perceived wait's sketch bucket, if served). */
  addLeave(
    served: boolean,
    perceived: number,
    bucket: number,
    score: number,
    zone: WaitZone,
    slips: number,
    complained: boolean,
    repurchase: number,
    label: LoyaltyLabel,
    wordOfMouth: number,
  ): void {
    if (served) {
      this.served++;
      this.perceivedSum += perceived;
      this.perceived.addBucket(bucket);
    }
    this.left++;
    this.scoreSum += score;
    if (zone === WaitZone.desired) this.withinDesired++;
    if (zone <= WaitZone.tolerance) this.withinTolerance++;
    else this.belowAdequate++;
    this.slips += slips;
    if (complained) this.complaints++;
    this.repurchase += repurchase;
    if (label === LoyaltyLabel.apostle) this.apostles++;
    else if (label === LoyaltyLabel.terrorist) this.terrorists++;
    this.wordOfMouthNet += wordOfMouth;
  }

  merge(o: CustomerExperience): void {
    this.served += o.served;
    this.perceivedSum += o.perceivedSum;
    this.perceived.merge(o.perceived);
    this.left += o.left;
    this.scoreSum += o.scoreSum;
    this.withinDesired += o.withinDesired;
    this.withinTolerance += o.withinTolerance;
    this.belowAdequate += o.belowAdequate;
    this.slips += o.slips;
    this.complaints += o.complaints;
    this.failures += o.failures;
    this.repurchase += o.repurchase;
    this.apostles += o.apostles;
    this.terrorists += o.terrorists;
    this.wordOfMouthNet += o.wordOfMouthNet;
  }

  values(): MetricValues {
    return {
      perceivedWaitMean: ratio(this.perceivedSum, this.served),
      perceivedWaitP90: this.perceived.quantile(0.9),
      satisfactionMean: ratio(this.scoreSum, this.left),
      withinDesiredShare: ratio(this.withinDesired, this.left),
      withinToleranceShare: ratio(this.withinTolerance, this.left),
      belowAdequateShare: ratio(this.belowAdequate, this.left),
      slipsMean: ratio(this.slips, this.left),
      complaints: this.complaints,
      serviceFailures: this.failures,
      repurchaseRate: ratio(this.repurchase, this.left),
      apostleShare: ratio(this.apostles, this.left),
      terroristShare: ratio(this.terrorists, this.left),
      wordOfMouthNet: this.wordOfMouthNet,
    };
  }
}

/** One station's waits as customers felt them, over the customers whose service there ended. */
export class StationExperience {
  served = 0;
  perceivedSum = 0;
  readonly perceived = new QuantileSketch();
  slips = 0;
  failures = 0;

  /** A service here ended: its perceived wait (with the wait's sketch bucket) and slips here. */
  addService(felt: number, bucket: number, slips: number): void {
    this.served++;
    this.perceivedSum += felt;
    this.perceived.addBucket(bucket);
    this.slips += slips;
  }

  values(): MetricValues {
    return {
      perceivedWaitMean: ratio(this.perceivedSum, this.served),
      perceivedWaitP90: this.perceived.quantile(0.9),
      slipsMean: ratio(this.slips, this.served),
      serviceFailures: this.failures,
    };
  }
}

/** Experience tallies for one set of scopes (the whole run, or one period). */
export class ExperienceScopes {
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
