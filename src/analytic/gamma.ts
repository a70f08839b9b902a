/**
 * The log-gamma function and the regularised incomplete gamma functions P(a, x) and
 * Q(a, x) = 1 − P(a, x), which the Erlang-A formulas (models.md §3.1), Poisson tails and
 * the normal distribution build on.
 *
 * Method: Numerical Recipes §6.2. The power series converges fast for x < a + 1, the
 * continued fraction (modified Lentz) for x ≥ a + 1; each is the accurate one for the
 * *smaller* of P and Q, and the other follows by 1 − (·). Both carry the common prefactor
 * e^(−x)·x^a / Γ(a) as a logarithm, so the log versions stay finite where P or Q
 * themselves would underflow (Erlang-A with a = Nμ/θ in the thousands, normal tails).
 */

const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];

/** ln Γ(x) for x > 0 (Lanczos, g = 7, n = 9: about 15 significant digits). */
export function logGamma(x: number): number {
  if (!(x > 0)) throw new RangeError(`logGamma needs x > 0, got ${x}`);
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  const z = x - 1;
  let sum = LANCZOS[0]!;
  for (let i = 1; i < LANCZOS.length; i++) sum += LANCZOS[i]! / (z + i);
  const t = z + 7.5;
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(sum);
}

const EPSILON = 1e-16;
const TINY = 1e-300;
/** Both expansions need O(√a) terms near x ≈ a; this bound is far above that for a ≤ 10⁸. */
const MAX_ITERATIONS = 1_000_000;

function checkArguments(a: number, x: number): void {
  if (!(a > 0) || !Number.isFinite(a)) throw new RangeError(`incomplete gamma needs a > 0, got ${a}`);
  if (!(x >= 0)) throw new RangeError(`incomplete gamma needs x >= 0, got ${x}`);
}

/** ln of e^(−x)·x^a / Γ(a), the prefactor shared by the series and the continued fraction. */
function logPrefactor(a: number, x: number): number {
  return -x + a * Math.log(x) - logGamma(a);
}

/**
 * Σ_{n≥0} x^n / ((a+1)…(a+n)) = a·e^x·x^(−a)·γ(a, x), so P(a, x) = prefactor · series / a.
 * A sum of positive terms: full relative precision, used directly where x < a + 1.
 */
export function lowerGammaSeries(a: number, x: number): number {
  checkArguments(a, x);
  return lowerSeries(a, x);
}

function lowerSeries(a: number, x: number): number {
  let term = 1;
  let sum = 1;
  for (let n = 1; n <= MAX_ITERATIONS; n++) {
    term *= x / (a + n);
    sum += term;
    if (term < sum * EPSILON) return sum;
  }
  throw new Error(`incomplete gamma series did not converge for a = ${a}, x = ${x}`);
}

/** The continued fraction for Q(a, x) = prefactor · fraction (x ≥ a + 1). */
function upperContinuedFraction(a: number, x: number): number {
  let b = x + 1 - a;
  let c = 1 / TINY;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i <= MAX_ITERATIONS; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < TINY) d = TINY;
    c = b + an / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < EPSILON) return h;
  }
  throw new Error(`incomplete gamma continued fraction did not converge for a = ${a}, x = ${x}`);
}

/** ln P(a, x), finite even where P(a, x) underflows (x ≪ a). */
export function logRegularizedGammaP(a: number, x: number): number {
  checkArguments(a, x);
  if (x === 0) return -Infinity;
  if (x < a + 1) return logPrefactor(a, x) + Math.log(lowerSeries(a, x) / a);
  return Math.log1p(-Math.exp(logPrefactor(a, x)) * upperContinuedFraction(a, x));
}

/** ln Q(a, x), finite even where Q(a, x) underflows (x ≫ a). */
export function logRegularizedGammaQ(a: number, x: number): number {
  checkArguments(a, x);
  if (x === 0) return 0;
  if (x < a + 1) return Math.log1p(-Math.exp(logPrefactor(a, x)) * (lowerSeries(a, x) / a));
  return logPrefactor(a, x) + Math.log(upperContinuedFraction(a, x));
}

/** Regularised lower incomplete gamma P(a, x) = γ(a, x) / Γ(a). */
export function regularizedGammaP(a: number, x: number): number {
  return Math.exp(logRegularizedGammaP(a, x));
}

/** Regularised upper incomplete gamma Q(a, x) = Γ(a, x) / Γ(a) = 1 − P(a, x). */
export function regularizedGammaQ(a: number, x: number): number {
  return Math.exp(logRegularizedGammaQ(a, x));
}
