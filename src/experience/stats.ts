/** Constant-memory tallies of the experience, for one scope (a segment, a station, a period's). */
import type { MetricValues } from '../metrics/catalogue.js';
import { QuantileSketch } from '../metrics/quantiles.js';

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

  values(): MetricValues {
    return {
      perceivedWaitMean: ratio(this.perceivedSum, this.served),
      perceivedWaitP90: this.perceived.quantile(0.9),
      slipsMean: ratio(this.slips, this.served),
      serviceFailures: this.failures,
    };
  }
}
