/**
 * A test-side reference: the stationary law of a birth–death chain on 0..maxState,
 * p_n ∝ Π_{k<n} birth(k)/death(k+1), summed in logs. Independent of src/analytic, so
 * the closed forms there are judged against a direct numerical solution.
 */
export function birthDeathStationary(birth: (n: number) => number, death: (n: number) => number, maxState: number): number[] {
  const logTerms = [0];
  for (let n = 1; n <= maxState; n++) logTerms.push(logTerms[n - 1]! + Math.log(birth(n - 1)) - Math.log(death(n)));
  const top = logTerms.reduce((m, t) => Math.max(m, t), -Infinity);
  const weights = logTerms.map((t) => Math.exp(t - top));
  const total = weights.reduce((a, b) => a + b, 0);
  return weights.map((w) => w / total);
}
