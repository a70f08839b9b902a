/**
 * Demand accounting: where the base customers of each period went once prices changed.
 * Every base customer of period k is counted exactly once, as staying in k, shifted to
 * another period, or lost to price (not coming at all); every priced customer of k stayed,
 * shifted in from another period, or was gained from "not at all":
 *
 *   base_k   = stayed_k + shiftedOut_k + lostToPrice_k
 *   priced_k = stayed_k + shiftedIn_k  + gainedFromPrice_k,   Σ shiftedOut = Σ shiftedIn
 *
 * with stayed_k = min(base_k, priced_k). A choice model says only how many choose each
 * option, not who moved where; the flows follow the proportional rule: what an option lost
 * goes to the options that gained in proportion to their gains. For one price change of a
 * logit this is exactly the logit's own substitution (IIA: V17's 75% of the new off-peak
 * demand from the peak); for several at once it is the convention stated here [A].
 * Volume responses (and `fixed`) only lose or gain within each period.
 */

export interface DemandAccount {
  /** Expected customers per period at the reference prices. */
  base: number[];
  /** Expected customers per period at the charged prices. */
  priced: number[];
  stayed: number[];
  shiftedOut: number[];
  shiftedIn: number[];
  lostToPrice: number[];
  gainedFromPrice: number[];
  /** shifted[from][to]: expected customers moving from one period to another (0 on the diagonal). */
  shifted: number[][];
}

/**
 * The account of a segment whose demand per period moves from `base` to `priced`.
 * `substitutes`: whether the periods (and "not at all") are one choice, so customers move
 * between them; otherwise each period only loses or gains.
 */
export function accountDemand(base: readonly number[], priced: readonly number[], substitutes: boolean): DemandAccount {
  const periods = base.length;
  const stayed = base.map((b, k) => Math.min(b, priced[k]!));
  const out = base.map((b, k) => b - stayed[k]!);
  const into = priced.map((p, k) => p - stayed[k]!);
  const shifted = base.map(() => new Array<number>(periods).fill(0));
  if (!substitutes) {
    return { base: [...base], priced: [...priced], stayed, shiftedOut: zeros(periods), shiftedIn: zeros(periods), lostToPrice: out, gainedFromPrice: into, shifted };
  }
  // "Not at all" is the choice's last option: it gains what the periods lose in total, or loses what they gain.
  const totalChange = sum(priced) - sum(base);
  const noneOut = Math.max(0, totalChange);
  const noneIn = Math.max(0, -totalChange);
  const flow = sum(out) + noneOut;
  if (flow === 0) {
    return { base: [...base], priced: [...priced], stayed, shiftedOut: zeros(periods), shiftedIn: zeros(periods), lostToPrice: zeros(periods), gainedFromPrice: zeros(periods), shifted };
  }
  for (let from = 0; from < periods; from++) {
    for (let to = 0; to < periods; to++) if (from !== to) shifted[from]![to] = (out[from]! * into[to]!) / flow;
  }
  // What moves between periods: flow ≥ noneIn and flow ≥ noneOut in exact arithmetic, and
  // both are equal when every period loses (or every one gains). Sums taken in another
  // order then leave ±1e−17 of a customer, which would show as a shift that did not happen.
  const shifting = beyondRounding(flow - noneIn, flow);
  const shiftingIn = beyondRounding(flow - noneOut, flow);
  return {
    base: [...base],
    priced: [...priced],
    stayed,
    shiftedOut: out.map((o) => (o * shifting) / flow),
    shiftedIn: into.map((i) => (i * shiftingIn) / flow),
    lostToPrice: out.map((o) => (o * noneIn) / flow),
    gainedFromPrice: into.map((i) => (i * noneOut) / flow),
    shifted,
  };
}

/** `value`, or 0 when it is below the rounding of sums of size `scale` (and never negative). */
function beyondRounding(value: number, scale: number): number {
  return value > 1e-12 * scale ? value : 0;
}

function sum(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0);
}

function zeros(length: number): number[] {
  return new Array<number>(length).fill(0);
}
