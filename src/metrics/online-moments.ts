/**
 * Mean and Student-t 95% CI of many quantities at once, in one pass (Welford's update), for
 * the series over the day: their values are not kept in replications.csv, so there is no
 * second pass to read them back from. Every way of running (in memory, streamed, on N
 * threads, merged from shards) feeds the same values in replication order, so every way
 * gives the same bits.
 */
import { studentTQuantile } from './student-t.js';

export class OnlineMoments {
  private readonly counts: Float64Array;
  private readonly means: Float64Array;
  /** Sums of squared deviations from the running mean. */
  private readonly squares: Float64Array;

  constructor(readonly size: number) {
    this.counts = new Float64Array(size);
    this.means = new Float64Array(size);
    this.squares = new Float64Array(size);
  }

  /** One replication's values, in replication order; non-finite values are left out. */
  add(values: ArrayLike<number>): void {
    for (let i = 0; i < this.size; i++) {
      const v = values[i]!;
      if (!Number.isFinite(v)) continue;
      const n = ++this.counts[i]!;
      const delta = v - this.means[i]!;
      this.means[i]! += delta / n;
      this.squares[i]! += delta * (v - this.means[i]!);
    }
  }

  /** The mean of quantity i (NaN without values). */
  mean(i: number): number {
    return this.counts[i]! > 0 ? this.means[i]! : NaN;
  }

  /** The 95% CI of the mean of quantity i; [mean, mean] with fewer than two values. */
  interval(i: number): [number, number] {
    const n = this.counts[i]!;
    const mean = this.mean(i);
    if (n < 2) return [mean, mean];
    const half = studentTQuantile(0.975, n - 1) * Math.sqrt(this.squares[i]! / (n - 1) / n);
    return [mean - half, mean + half];
  }
}
