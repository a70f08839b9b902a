/**
 * The proof that the journey is open: a toy lever written entirely here, outside
 * src/model/system.ts and the central scenario files, adds a scenario key, a per-customer
 * column, a join policy, an event kind and a metric, and shows in the results.
 *
 * The toy: "VIP guests". A share of each segment (`vipShare`, drawn from the lever's own
 * stream) are VIPs; a VIP never balks (the waiting places still apply); one time unit after
 * a VIP joins a line, a check counts the VIPs still waiting (`vipsKeptWaiting`).
 */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defineLever, type Lever } from '../../src/levers/lever.js';
import { defaultLevers } from '../../src/levers/registry.js';
import { metricsOf } from '../../src/metrics/catalogue.js';
import { summariseRun } from '../../src/metrics/summarise.js';
import type { Customer, CustomerColumn } from '../../src/model/customer.js';
import { Rank } from '../../src/model/events.js';
import { JourneyWatcher, type StationView } from '../../src/model/journey.js';
import { Admission, type JoinPolicy, type StationAtJoin } from '../../src/model/policies.js';
import type { ServiceSystem } from '../../src/model/system.js';
import type { RandomStream } from '../../src/random/streams.js';
import { simulate } from '../../src/run/simulate.js';
import { validateScenario } from '../../src/scenario/load.js';
import { modelOf as validModel } from '../model-of.js';

interface VipConfig {
  /** Per segment: the share of VIPs. */
  shares: number[];
}

/** Marks VIPs on arrival and counts, one time unit after a VIP joins a line, whether it still waits. */
class VipDesk extends JourneyWatcher {
  kind = -1;
  vips = 0;
  keptWaiting = 0;
  constructor(
    private readonly system: ServiceSystem,
    private readonly config: VipConfig,
    private readonly column: CustomerColumn,
    private readonly random: RandomStream,
  ) {
    super();
  }
  override arrive(customer: Customer): void {
    const vip = this.random.next() < this.config.shares[customer.segment]! ? 1 : 0;
    this.column.values[customer.slot] = vip;
    this.vips += vip;
  }
  override join(customer: Customer, _station: StationView, _ahead: number, time: number): void {
    if (this.column.values[customer.slot] === 1) this.system.schedule(time + 1, this.kind, customer.slot);
  }
  handle(slot: number): void {
    const customer = this.system.customerAt(slot);
    if (customer.active && customer.ticket !== 0) this.keptWaiting++;
  }
}

/** VIPs never balk; everyone else follows the policy the lever found in place. */
class VipsNeverBalk implements JoinPolicy {
  constructor(
    private readonly inner: JoinPolicy,
    private readonly column: CustomerColumn,
  ) {}
  decide(customer: Customer, station: StationAtJoin): Admission {
    const decision = this.inner.decide(customer, station);
    return decision === Admission.balk && this.column.values[customer.slot] === 1 ? Admission.join : decision;
  }
}

const vipLever = defineLever<VipConfig>({
  name: 'vip',
  keys: { segment: { vipShare: z.number().min(0).max(1).optional() } },
  check(data) {
    const segments = Array.isArray(data.segments) ? (data.segments as Record<string, unknown>[]) : [];
    return segments.flatMap((segment, i) =>
      segment.vipShare !== undefined && segment.balkAt === undefined ? [{ path: ['segments', i, 'vipShare'], message: 'vipShare needs balkAt: VIPs differ only in not balking' }] : [],
    );
  },
  resolve(data) {
    const shares = data.segments.map((s) => (typeof s.vipShare === 'number' ? s.vipShare : 0));
    return shares.some((s) => s > 0) ? { shares } : undefined;
  },
  metrics: [
    { name: 'vips', scopes: ['system'], kind: 'count', description: 'VIP customers who arrived' },
    { name: 'vipsKeptWaiting', scopes: ['system'], kind: 'count', description: 'VIPs still waiting one time unit after joining a line' },
  ],
  install(system, config, context) {
    const column = system.addColumn('vip');
    const desk = new VipDesk(system, config, column, context.stream('vip'));
    desk.kind = system.registerEvent('vip check', Rank.renege, desk);
    system.addObserver(desk);
    system.joinPolicies.forEach((policy, i) => (system.joinPolicies[i] = new VipsNeverBalk(policy, column)));
    return { collect: () => ({ metrics: { vips: desk.vips, vipsKeptWaiting: desk.keptWaiting } }) };
  },
});

const levers: readonly Lever[] = [...defaultLevers, vipLever];

const scenario = (vipShare?: number) => ({
  name: 'Busy desk',
  seed: 5,
  time: { horizon: 300 },
  stations: [{ id: 'desk', servers: 1, service: { dist: 'exponential', mean: 1 } }],
  segments: [{ id: 'guests', arrivals: { rate: 1.1 }, route: ['desk'], balkAt: 2, ...(vipShare === undefined ? {} : { vipShare }) }],
});
const modelOf = (data: unknown) => validModel(data, levers);

describe('a lever added from outside the core', () => {
  it('brings its scenario key: validated with the core keys, with its own consistency check', () => {
    expect(validateScenario(scenario(0.3)).ok).toBe(false); // the default levers do not know vipShare
    const bad = validateScenario({ ...scenario(), segments: [{ id: 'g', arrivals: { rate: 1 }, route: ['desk'], vipShare: 2 }] }, '(toy)', undefined, levers);
    expect(bad.ok).toBe(false);
    if (!bad.ok) {
      expect(bad.problems.map((p) => p.path.join('.'))).toEqual(['segments.0.vipShare', 'segments.0.vipShare']);
    }
  });

  it('shows its metric in the results, and changes the journey through its policy', () => {
    const model = modelOf(scenario(0.3));
    expect(model.levers.vip).toEqual({ shares: [0.3] });
    const withVips = simulate(model, 0, model.seed, levers);
    expect(withVips.metrics.vips).toBeGreaterThan(60);
    expect(withVips.metrics.vipsKeptWaiting).toBeGreaterThan(0);
    expect(withVips.metrics.vipsKeptWaiting).toBeLessThanOrEqual(withVips.metrics.vips!);
    const summary = summariseRun(model, model.seed, [withVips, simulate(model, 1, model.seed, levers)], levers);
    expect(summary.metrics.vips?.mean).toBeGreaterThan(0);
    expect(metricsOf(model, levers).map((m) => m.name)).toContain('vipsKeptWaiting');

    const plain = modelOf(scenario());
    const without = simulate(plain, 0, plain.seed, levers);
    expect(without.metrics.vips).toBeUndefined();
    // Same arrivals (the lever draws from its own stream), fewer balk: VIPs never do.
    expect(withVips.metrics.arrivals).toBe(without.metrics.arrivals);
    expect(withVips.metrics.balked).toBeLessThan(without.metrics.balked!);
  });

  it('leaves a scenario that does not use it exactly as the core runs it', () => {
    const model = modelOf(scenario());
    expect(model.levers).toEqual({});
    expect(simulate(model, 0, model.seed, levers)).toEqual(simulate(model, 0, model.seed, defaultLevers));
  });
});
