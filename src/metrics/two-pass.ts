/**
 * Mean and standard deviation of several columns of values, in two passes over the values:
 * the first sums them (sequentially, from 0, in replication order), the second sums squared
 * deviations from that mean. Both the in-memory summary and the streamed one (which reads
 * replications.csv back for the second pass) use it, so their results agree to the last bit;
 * a one-pass update (Welford) would round differently and change published results.
 * Non-finite values stand for "undefined in this replication" and are left out.
 */
import type { MetricSummary } from './summarise.js';
import { studentTQuantile } from './student-t.js';

export class TwoPassMoments {
  private readonly sums: Float64Array;
  private readonly counts: Float64Array;
  private readonly squares: Float64Array;
  private means: Float64Array | undefined;

  constructor(readonly columns: number) {
    this.sums = new Float64Array(columns);
    this.counts = new Float64Array(columns);
    this.squares = new Float64Array(columns);
  }

  /** First pass: one replication's values, in replication order. */
  add(values: ArrayLike<number>): void {
    if (this.means !== undefined) throw new Error('TwoPassMoments: add() after the second pass began');
    for (let c = 0; c < this.columns; c++) {
      const v = values[c]!;
      if (Number.isFinite(v)) {
        this.sums[c] = this.sums[c]! + v;
        this.counts[c]!++;
      }
    }
  }

  /** Column `c`'s mean after the first pass (NaN where it has no value): what the summary's mean is. */
  mean(c: number): number {
    return this.counts[c]! > 0 ? this.sums[c]! / this.counts[c]! : NaN;
  }

  /** Second pass: the same replications' values again, in the same order. */
  addDeviations(values: ArrayLike<number>): void {
    const means = (this.means ??= this.sums.map((sum, c) => sum / this.counts[c]!));
    for (let c = 0; c < this.columns; c++) {
      const v = values[c]!;
      if (Number.isFinite(v)) this.squares[c] = this.squares[c]! + (v - means[c]!) ** 2;
    }
  }

  /** The summary of column `c` after both passes, over `replications` replications. */
  summary(c: number, replications: number): MetricSummary {
    const n = this.counts[c]!;
    const result: MetricSummary = { mean: null, ci95: null, sd: null };
    if (n > 0) {
      const mean = this.sums[c]! / n;
      result.mean = mean;
      if (n > 1) {
        const sd = Math.sqrt(this.squares[c]! / (n - 1));
        const half = studentTQuantile(0.975, n - 1) * (sd / Math.sqrt(n));
        result.sd = sd;
        result.ci95 = [mean - half, mean + half];
      }
    }
    if (n < replications) result.n = n;
    return result;
  }
}
