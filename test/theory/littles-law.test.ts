/**
 * Little's law, L = λ·W, per station and for the whole system, on a model with no closed
 * form: a two-station tandem (reception → teller) plus an express segment that visits the
 * teller only, with arrival rates that alternate every 500 time units (80 periods).
 *
 * L = λW is a sample-path identity, so it is checked per replication, not against theory:
 *   L = queueLengthMean (time-average number waiting over [warmup, horizon]),
 *   λ = arrivals / (horizon − warmup) (customers who reached that station),
 *   W = waitMean (mean wait in that line of the customers served there).
 * The two sides differ only by edge terms: customers already waiting at the warm-up, and
 * customers still inside at the horizon (counted in λ, missing from W). Those are of order
 * (customers present) × (their wait) / (measured time) ≈ 10⁻³ here, while the CI half-width
 * of L itself is a few percent. Hence two tolerances derived from that:
 *   - across replications: |mean(L − λW)| <= 10% of the CI half-width of L — a bias that
 *     would matter statistically would show up at 10× below the level any CI could see;
 *   - each replication: |L − λW| <= 2% of L (a single replication's edge terms would need
 *     dozens of customers with waits of dozens of time units at the horizon to reach that).
 * The same identity for servers: mean busy servers (servers × utilisation) = λ·E[S], with
 * E[S] = timeInSystemMean − waitMean at the station (line plus service, minus line).
 *
 * Seed 601, 20 replications of 40 000 time units after a warm-up of 1 000.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { MetricSummary, RunOutput } from '../../src/index.js';
import { runScenario } from './expect-in-ci.js';

const horizon = 41_000;
const warmup = 1_000;
const span = horizon - warmup;
const periodLength = 500;
const periods = Array.from({ length: horizon / periodLength }, (_, i) => ({ name: `p${i}`, start: i * periodLength }));
const walkInRate = Object.fromEntries(periods.map((p, i) => [p.name, i % 2 === 0 ? 0.5 : 0.8]));
const servers = { reception: 2, teller: 1 } as const;

type Scope = RunOutput['replications'][number]['metrics'];

interface LittleSides {
  L: number;
  lambdaW: number;
  busy: number | null;
  lambdaS: number | null;
}

function sides(m: Scope, serverCount: number | null): LittleSides {
  const lambda = m.arrivals! / span;
  return {
    L: m.queueLengthMean!,
    lambdaW: lambda * m.waitMean!,
    busy: serverCount === null ? null : serverCount * m.utilisation!,
    lambdaS: serverCount === null ? null : lambda * (m.timeInSystemMean! - m.waitMean!),
  };
}

function mean(xs: readonly number[]): number {
  return xs.reduce((a, b) => a + b, 0) / xs.length;
}

function halfWidth(m: MetricSummary | undefined): number {
  const [lo, hi] = m!.ci95!;
  return (hi - lo) / 2;
}

describe("Little's law on a tandem with time-varying arrivals (seed 601, 20 × 40 000 time units)", () => {
  let run: RunOutput;
  beforeAll(() => {
    run = runScenario({
      name: 'theory Little tandem',
      seed: 601,
      replications: 20,
      time: { horizon, warmup, drain: false, periods },
      stations: [
        { id: 'reception', servers: servers.reception, service: { dist: 'exponential', mean: 1.5 } },
        { id: 'teller', servers: servers.teller, service: { dist: 'uniform', min: 0.2, max: 1.4 } },
      ],
      segments: [
        { id: 'walkIn', arrivals: { rate: walkInRate }, route: ['reception', 'teller'] },
        { id: 'express', arrivals: { rate: 0.3 }, route: ['teller'] },
      ],
    });
  });

  const scopes = [
    { label: 'station reception', pick: (r: RunOutput['replications'][number]) => r.stations[0]!, summary: (o: RunOutput) => o.summary.stations.reception!, servers: servers.reception },
    { label: 'station teller', pick: (r: RunOutput['replications'][number]) => r.stations[1]!, summary: (o: RunOutput) => o.summary.stations.teller!, servers: servers.teller },
    { label: 'whole system', pick: (r: RunOutput['replications'][number]) => r.metrics, summary: (o: RunOutput) => o.summary.metrics, servers: null },
  ];

  it.each(scopes)('$label: queueLengthMean = (arrivals / measured time) × waitMean', ({ label, pick, summary, servers: c }) => {
    const all = run.replications.map((r) => sides(pick(r), c));
    all.forEach(({ L, lambdaW }, r) => {
      expect(Math.abs(L - lambdaW), `${label}, replication ${r}: L = ${L}, λW = ${lambdaW}`).toBeLessThanOrEqual(0.02 * L);
    });
    const gap = mean(all.map((s) => s.L - s.lambdaW));
    const half = halfWidth(summary(run).queueLengthMean);
    const [lo, hi] = summary(run).queueLengthMean!.ci95!;
    const line =
      `${label}: mean L = ${mean(all.map((s) => s.L)).toPrecision(7)} (95% CI [${lo.toPrecision(7)}, ${hi.toPrecision(7)}]), ` +
      `mean λW = ${mean(all.map((s) => s.lambdaW)).toPrecision(7)}, mean(L − λW) = ${gap.toExponential(3)}, allowed ±${(0.1 * half).toExponential(3)}`;
    if (process.env.THEORY_REPORT) console.log(`[theory] Little ${line}`);
    expect(Math.abs(gap), `mean(L − λW) must be below 10% of the CI half-width of L — ${line}`).toBeLessThanOrEqual(0.1 * half);
  });

  it.each(scopes.filter((s) => s.servers !== null))(
    '$label: mean busy servers (servers × utilisation) = arrival rate × mean service time',
    ({ label, pick, summary, servers: c }) => {
      const all = run.replications.map((r) => sides(pick(r), c));
      all.forEach(({ busy, lambdaS }, r) => {
        expect(Math.abs(busy! - lambdaS!), `${label}, replication ${r}: busy = ${busy}, λE[S] = ${lambdaS}`).toBeLessThanOrEqual(0.02 * busy!);
      });
      const gap = mean(all.map((s) => s.busy! - s.lambdaS!));
      const half = c! * halfWidth(summary(run).utilisation);
      if (process.env.THEORY_REPORT) console.log(`[theory] Little busy ${label}: mean(busy − λE[S]) = ${gap.toExponential(3)}, CI half-width of busy = ${half.toExponential(3)}`);
      expect(Math.abs(gap), `mean(busy − λE[S]) = ${gap}; CI half-width of busy servers ${half}`).toBeLessThanOrEqual(0.1 * half);
    },
  );
});
