/**
 * Offered load of the infinite-server model M_t/M/∞ (Jennings, Mandelbaum, Massey &
 * Whitt 1996 [S]; models.md §6.4): m(t) = E[number in service] when nobody waits. It is
 * the load to staff for under time-varying demand (MOL: N(t) = ⌈m(t) + β√m(t)⌉, see
 * squareRootStaffing), and it lags and damps the arrival rate.
 *
 * With exponential service the load obeys dm/dt = λ(t) − μ·m(t), solved here exactly.
 */
import { requireNonNegative } from './checks.js';

export interface PiecewiseOfferedLoad {
  /** m at the period boundaries: entry i is m(i·L), n + 1 entries. */
  atBoundaries: number[];
  /** The time-average of m over each period, n entries (the load to staff period i for). */
  periodMeans: number[];
}

/**
 * m(t) for a piecewise-constant λ (rates[i] on [i·L, (i+1)·L)). On a period with rate λ_i
 * and start value m₀: m(s) = λ_i/μ + (m₀ − λ_i/μ)·e^(−μs), whose average over the period
 * is λ_i/μ + (m₀ − λ_i/μ)·(1 − e^(−μL))/(μL).
 *
 * `initial` is m(0): a number, 'stationary' (λ₀/μ, as if the first rate had held forever;
 * the default [A]) or 'periodic' (the value the day returns to, for a repeating day:
 * m(T) = m(0) has one solution because the map m₀ ↦ m(T) is linear with slope e^(−μT) < 1).
 */
export function piecewiseOfferedLoad(
  rates: readonly number[],
  periodLength: number,
  serviceRate: number,
  initial: number | 'stationary' | 'periodic' = 'stationary',
): PiecewiseOfferedLoad {
  requireNonNegative('period length', periodLength, false);
  requireNonNegative('service rate', serviceRate, false);
  rates.forEach((rate) => requireNonNegative('arrival rate', rate));
  const decay = Math.exp(-serviceRate * periodLength);
  const averaging = -Math.expm1(-serviceRate * periodLength) / (serviceRate * periodLength);
  const run = (start: number): PiecewiseOfferedLoad => {
    const atBoundaries = [start];
    const periodMeans: number[] = [];
    let m = start;
    for (const rate of rates) {
      const level = rate / serviceRate;
      periodMeans.push(level + (m - level) * averaging);
      m = level + (m - level) * decay;
      atBoundaries.push(m);
    }
    return { atBoundaries, periodMeans };
  };
  if (initial === 'periodic') {
    // m(T) = a + b·m(0) with b = e^(−μT): a is m(T) from m(0) = 0.
    const fromZero = run(0).atBoundaries[rates.length]!;
    return run(fromZero / (1 - decay ** rates.length));
  }
  if (initial === 'stationary') return run((rates[0] ?? 0) / serviceRate);
  requireNonNegative('initial load', initial);
  return run(initial);
}

/** A sinusoidal arrival rate λ(t) = mean·(1 + relativeAmplitude·sin(angularFrequency·t)). */
export interface SinusoidalRate {
  mean: number;
  relativeAmplitude: number;
  angularFrequency: number;
}

/**
 * m(t) for a sinusoidal λ and exponential service, in the periodic steady state (§6.4):
 * m(t) = λ̄/μ + λ̄r/(μ² + ω²)·(μ·sin ωt − ω·cos ωt).
 */
export function sinusoidalOfferedLoad(rate: SinusoidalRate, serviceRate: number, t: number): number {
  requireNonNegative('service rate', serviceRate, false);
  const { mean, relativeAmplitude: r, angularFrequency: omega } = rate;
  const scale = (mean * r) / (serviceRate * serviceRate + omega * omega);
  return mean / serviceRate + scale * (serviceRate * Math.sin(omega * t) - omega * Math.cos(omega * t));
}

export interface SinusoidalLoadShape {
  /** Mean load λ̄/μ. */
  mean: number;
  /** Amplitude λ̄r/√(μ² + ω²) (smaller than the PSA amplitude λ̄r/μ). */
  amplitude: number;
  /** Phase lag φ = atan(ω/μ): m(t) = mean + amplitude·sin(ωt − φ). */
  phaseLag: number;
  /** Time by which the load's peak trails the arrival rate's peak, φ/ω. */
  peakLag: number;
}

/** The same m(t) written as mean + amplitude·sin(ωt − phaseLag). */
export function sinusoidalLoadShape(rate: SinusoidalRate, serviceRate: number): SinusoidalLoadShape {
  requireNonNegative('service rate', serviceRate, false);
  const { mean, relativeAmplitude: r, angularFrequency: omega } = rate;
  const phaseLag = Math.atan2(omega, serviceRate);
  return {
    mean: mean / serviceRate,
    amplitude: (mean * r) / Math.hypot(serviceRate, omega),
    phaseLag,
    peakLag: omega === 0 ? 0 : phaseLag / omega,
  };
}
