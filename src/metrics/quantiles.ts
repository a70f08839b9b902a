/**
 * Quantiles in fixed memory: a log-bucketed histogram in the manner of DDSketch (Masson,
 * Rim & Lee 2019). Bucket i holds values in (γ^(i-1), γ^i] with γ = (1+α)/(1-α); answering
 * with the bucket's midpoint 2γ^i/(γ+1) is within relative error α of the true sample
 * quantile. α = 0.25% here, so quantiles are accurate to well under 1% of the value,
 * whatever the number of values. Zeros (customers served at once) are counted exactly.
 */

const RELATIVE_ACCURACY = 0.0025;
const GAMMA = (1 + RELATIVE_ACCURACY) / (1 - RELATIVE_ACCURACY);
const LOG_GAMMA = Math.log(GAMMA);
/** Values below this are treated as zero; above MAX_VALUE they share the top bucket. */
const MIN_VALUE = 1e-9;
const MAX_VALUE = 1e12;
const MIN_INDEX = Math.ceil(Math.log(MIN_VALUE) / LOG_GAMMA);
const MAX_INDEX = Math.ceil(Math.log(MAX_VALUE) / LOG_GAMMA);
const BUCKETS = MAX_INDEX - MIN_INDEX + 1;

export class QuantileSketch {
  private readonly counts = new Float64Array(BUCKETS);
  private zeros = 0;
  private total = 0;
  private lowest = BUCKETS;
  private highest = -1;

  get count(): number {
    return this.total;
  }

  /** The bucket a value falls in (-1 for zero): compute once, add to several sketches. */
  static bucketOf(value: number): number {
    if (value < MIN_VALUE) return -1;
    const bucket = Math.ceil(Math.log(value) / LOG_GAMMA) - MIN_INDEX;
    return bucket < BUCKETS ? bucket : BUCKETS - 1;
  }

  add(value: number): void {
    this.addBucket(QuantileSketch.bucketOf(value));
  }

  /** Adds a value by its bucket (from `bucketOf`). */
  addBucket(bucket: number): void {
    this.total++;
    if (bucket < 0) {
      this.zeros++;
      return;
    }
    this.counts[bucket]!++;
    if (bucket < this.lowest) this.lowest = bucket;
    if (bucket > this.highest) this.highest = bucket;
  }

  /** Adds another sketch's values (sketches of the same accuracy merge exactly). */
  merge(other: QuantileSketch): void {
    if (other.total === 0) return;
    for (let bucket = other.lowest; bucket <= other.highest; bucket++) this.counts[bucket]! += other.counts[bucket]!;
    this.zeros += other.zeros;
    this.total += other.total;
    if (other.lowest < this.lowest) this.lowest = other.lowest;
    if (other.highest > this.highest) this.highest = other.highest;
  }

  /** The q-quantile (0 <= q <= 1) of the values added, or NaN if none were. */
  quantile(q: number): number {
    if (this.total === 0) return NaN;
    const rank = Math.floor(q * (this.total - 1)); // 0-based rank of the lower order statistic
    if (rank < this.zeros) return 0;
    let seen = this.zeros;
    for (let bucket = this.lowest; bucket <= this.highest; bucket++) {
      seen += this.counts[bucket]!;
      if (seen > rank) return (2 * Math.pow(GAMMA, bucket + MIN_INDEX)) / (GAMMA + 1);
    }
    return (2 * Math.pow(GAMMA, this.highest + MIN_INDEX)) / (GAMMA + 1);
  }
}

export const quantileRelativeAccuracy = RELATIVE_ACCURACY;
