/**
 * Quantiles in fixed memory: a log-bucketed histogram in the manner of DDSketch (Masson,
 * Rim & Lee 2019). Each bucket spans at most a factor γ = (1+α)/(1-α) of values, and a
 * quantile is answered with the value whose relative distance to both ends of its bucket is
 * α, so it is within relative error α of the true sample quantile, whatever the number of
 * values. α = 0.25% here: well under the 1% asked for. Zeros (customers served at once) are
 * counted exactly.
 *
 * Buckets are laid out on a fast approximation of log2 (DDSketch's cubically interpolated
 * mapping: the float's exponent plus a cubic in its mantissa) instead of Math.log, which is
 * the costliest step per served customer. The approximation is monotone and exact at powers
 * of two; its slope differs from log2's by a few percent, which the bucket width allows for.
 */

const RELATIVE_ACCURACY = 0.0025;
const GAMMA = (1 + RELATIVE_ACCURACY) / (1 - RELATIVE_ACCURACY);
/** Values below this are treated as zero; above MAX_VALUE they share the top bucket. */
const MIN_VALUE = 1e-9;
const MAX_VALUE = 1e12;

// Cubic through (0, 0) and (1, 1) approximating log2(1 + m) on [0, 1) (DDSketch's constants).
const A = 6 / 35;
const B = -3 / 5;
const C = 10 / 7;
const cubic = (m: number) => ((A * m + B) * m + C) * m;

const scratch = new Float64Array(1);
const scratchWords = new Uint32Array(scratch.buffer);
const HIGH_WORD = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 1 : 0;

/**
 * 2^−e at index e + 1023, for every exponent of a normal double (x · 2^−e is exact), and one
 * more for the exponent of Infinity and NaN, which land in the top bucket as before.
 */
const INVERSE_POWERS = Float64Array.from({ length: 2048 }, (_, i) => 2 ** (1023 - i));

/**
 * ≈ log2(x) for a normal x > 0: the binary exponent plus the cubic of the mantissa. The
 * exponent is read from the float's bits; the mantissa (in [1, 2)) is x scaled by 2^−exponent,
 * exact, rather than written back into the bits, which would make the next read of the float
 * wait for the narrower write.
 */
export function approxLog2(x: number): number {
  scratch[0] = x;
  const exponent = ((scratchWords[HIGH_WORD]! >>> 20) & 0x7ff) - 1023;
  return exponent + cubic(x * INVERSE_POWERS[exponent + 1023]! - 1);
}

/** The x with approxLog2(x) = y (only needed to read quantiles out, so bisection will do). */
function approxExp2(y: number): number {
  const exponent = Math.floor(y);
  const fraction = y - exponent;
  let lo = 0;
  let hi = 1;
  for (let i = 0; i < 60; i++) {
    const mid = (lo + hi) / 2;
    if (cubic(mid) < fraction) lo = mid;
    else hi = mid;
  }
  return Math.pow(2, exponent) * (1 + (lo + hi) / 2);
}

/** Smallest ratio of the approximation's slope to log2's over a binade (≈ 0.990, at m = 0). */
const MIN_SLOPE_RATIO = (() => {
  let min = Infinity;
  for (let i = 0; i <= 10_000; i++) {
    const m = i / 10_000;
    min = Math.min(min, (3 * A * m * m + 2 * B * m + C) * (1 + m) * Math.LN2);
  }
  return min * (1 - 1e-9);
})();
/** Buckets per unit of approxLog2, so that no bucket spans more than a factor γ of values. */
const MULTIPLIER = 1 / (MIN_SLOPE_RATIO * Math.log2(GAMMA));
const MIN_INDEX = Math.ceil(approxLog2(MIN_VALUE) * MULTIPLIER);
const MAX_INDEX = Math.ceil(approxLog2(MAX_VALUE) * MULTIPLIER);
const BUCKETS = MAX_INDEX - MIN_INDEX + 1;

/** The value reported for a bucket: relative distance α to both of its ends. */
function representative(bucket: number): number {
  const index = bucket + MIN_INDEX;
  const lower = approxExp2((index - 1) / MULTIPLIER);
  const upper = approxExp2(index / MULTIPLIER);
  return (2 * lower * upper) / (lower + upper);
}

/**
 * Values a sketch keeps one by one (their buckets) before it counts them by bucket. Most
 * scopes of a replication (a station or segment in one period) see a few hundred customers,
 * whose waits spread over a thousand buckets or more: listing them costs less than
 * allocating and walking the counts, and the quantiles are the same buckets.
 */
const LISTED = 256;

export class QuantileSketch {
  /** The bucket of each non-zero value, while there are at most LISTED (then `counts` takes over). */
  private listed: number[] = [];
  /** The listed buckets in order, once a quantile is asked (null until then, or after another value). */
  private ordered: Int32Array | null = null;
  /** Past LISTED values: the count of every bucket (9,767 of them, 78 KB), as a run of many customers needs. */
  private counts: Float64Array | null = null;
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
    const bucket = Math.ceil(approxLog2(value) * MULTIPLIER) - MIN_INDEX;
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
    if (bucket < this.lowest) this.lowest = bucket;
    if (bucket > this.highest) this.highest = bucket;
    const counts = this.counts;
    if (counts !== null) counts[bucket]!++;
    else this.list(bucket);
  }

  /** Adds a bucket while the values are still listed (out of line: only the first LISTED values). */
  private list(bucket: number): void {
    if (this.listed.length < LISTED) {
      this.listed.push(bucket);
      this.ordered = null;
    } else {
      this.countListed();
      this.counts![bucket]!++;
    }
  }

  /** Adds another sketch's values (sketches of the same accuracy merge exactly). */
  merge(other: QuantileSketch): void {
    if (other.total === 0) return;
    this.zeros += other.zeros;
    this.total += other.total;
    if (other.highest < 0) return; // zeros only
    if (other.lowest < this.lowest) this.lowest = other.lowest;
    if (other.highest > this.highest) this.highest = other.highest;
    if (this.counts === null && other.counts === null && this.listed.length + other.listed.length <= LISTED) {
      for (const bucket of other.listed) this.listed.push(bucket);
      this.ordered = null;
      return;
    }
    if (this.counts === null) this.countListed();
    const counts = this.counts!;
    if (other.counts === null) {
      for (const bucket of other.listed) counts[bucket]!++;
    } else {
      for (let bucket = other.lowest; bucket <= other.highest; bucket++) counts[bucket]! += other.counts[bucket]!;
    }
  }

  /** The q-quantile (0 <= q <= 1) of the values added, or NaN if none were. */
  quantile(q: number): number {
    if (this.total === 0) return NaN;
    const rank = Math.floor(q * (this.total - 1)); // 0-based rank of the lower order statistic
    if (rank < this.zeros) return 0;
    const counts = this.counts;
    if (counts === null) {
      this.ordered ??= Int32Array.from(this.listed).sort(); // a typed array sorts numerically, natively
      return representative(this.ordered[Math.min(rank - this.zeros, this.ordered.length - 1)]!); // q > 1: the largest, as counted
    }
    let seen = this.zeros;
    for (let bucket = this.lowest; bucket <= this.highest; bucket++) {
      seen += counts[bucket]!;
      if (seen > rank) return representative(bucket);
    }
    return representative(this.highest);
  }

  /** From listing to counting: every bucket's count, the listed values counted. */
  private countListed(): void {
    const counts = new Float64Array(BUCKETS);
    for (const bucket of this.listed) counts[bucket]!++;
    this.counts = counts;
    this.listed = [];
    this.ordered = null;
  }
}

export const quantileRelativeAccuracy = RELATIVE_ACCURACY;
