/**
 * The difference between two variants run on common random numbers: replication r of each
 * saw the same simulated demand, so the per-replication differences d_r = b_r − a_r carry
 * only the effect of the change, and their Student-t CI (summariseValues) is the honest
 * interval of the difference: the paired-t interval with common random numbers, a standard
 * result of simulation output analysis [M] (Law, Simulation Modeling and Analysis, on
 * comparing alternative systems). For contrast, the Welch interval treats the two samples as
 * independent: it is what the difference would cost without common random numbers.
 */
import { summariseValues, type MetricSummary } from './summarise.js';
import { studentTQuantile } from './student-t.js';

export interface DifferenceSummary extends MetricSummary {
  /** The paired CI lies wholly above or below 0: the variants differ beyond the noise. */
  differs: boolean;
  /** Welch's 95% CI of the difference of the means, as if the runs were independent. */
  ci95Unpaired: [number, number] | null;
}

/**
 * Two values this close, relative to the larger, are one number computed along two paths
 * (sums in another order): about 5,000 times double precision, far below any simulated effect.
 */
const ROUNDING = 1e-12;

/** b − a, or 0 when they differ only by rounding (a star on 1.8e-15 would claim a difference there is not). */
function differenceOf(a: number, b: number): number {
  const d = b - a;
  return Math.abs(d) <= ROUNDING * Math.max(Math.abs(a), Math.abs(b)) ? 0 : d;
}

/** Summary of b − a, replication by replication (NaN where either is undefined). */
export function pairedDifference(a: readonly number[], b: readonly number[]): DifferenceSummary {
  if (a.length !== b.length) throw new Error(`paired samples must have the same replications (${a.length} and ${b.length})`);
  const differences = a.map((x, r) => (Number.isFinite(x) && Number.isFinite(b[r]!) ? differenceOf(x, b[r]!) : NaN));
  const summary = summariseValues(differences);
  const differs = summary.ci95 !== null && (summary.ci95[0] > 0 || summary.ci95[1] < 0);
  return { ...summary, differs, ci95Unpaired: welchInterval(a, b) };
}

/** Welch–Satterthwaite 95% interval of mean(b) − mean(a) for independent samples. */
export function welchInterval(a: readonly number[], b: readonly number[]): [number, number] | null {
  const sa = summariseValues(a);
  const sb = summariseValues(b);
  if (sa.mean === null || sb.mean === null || sa.sd === null || sb.sd === null) return null;
  const na = a.filter(Number.isFinite).length;
  const nb = b.filter(Number.isFinite).length;
  const va = (sa.sd * sa.sd) / na;
  const vb = (sb.sd * sb.sd) / nb;
  const difference = sb.mean - sa.mean;
  if (va + vb === 0) return [difference, difference];
  const df = (va + vb) ** 2 / (va ** 2 / (na - 1) + vb ** 2 / (nb - 1));
  const half = studentTQuantile(0.975, df) * Math.sqrt(va + vb);
  return [difference - half, difference + half];
}
