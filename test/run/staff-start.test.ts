/** The Erlang start of staff (SIPP, lag-SIPP), period by period: the rules staff-start.ts documents. */
import { describe, expect, it } from 'vitest';
import { fewestServers } from '../../src/analytic/staffing.js';
import { erlangStaffing, startStaffing, type StationDemand } from '../../src/run/staff-start.js';
import { parseTarget, type Target } from '../../src/run/targets.js';
import { modelOf } from '../model-of.js';

const target = (text: string): Target => {
  const parsed = parseTarget(text);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.value;
};
const demand = (serviceMean: number, patienceRate = 0): StationDemand => ({ rates: [], serviceMean, patienceRate });

describe('the Erlang start of staff', () => {
  it('gives a target with no formula the fewest stable servers: more than the offered load, even a whole one', () => {
    // A = 2: two servers are exactly loaded (no steady state), so three.
    expect(erlangStaffing(2, demand(1), [target('served>=1')])).toBe(3);
    expect(erlangStaffing(1.5, demand(1), [target('served>=1')])).toBe(2);
  });

  it('staffs a utilisation target to the servers that bring it down to the bound, the bound itself included', () => {
    // 2.1 / 0.7 is 3.0000000000000004 in floating point; three servers are 70% busy, which meets ≤ 70%.
    expect(erlangStaffing(2.1, demand(1), [target('utilisation<=70%')])).toBe(3);
    expect(erlangStaffing(2.2, demand(1), [target('utilisation<=70%')])).toBe(4);
  });

  it('staffs an abandonment target with Erlang A at the station\'s patience rate θ = 1 / mean patience', () => {
    const model = modelOf({
      name: 'patient',
      time: { horizon: 120, periods: [{ name: 'a', start: 0 }, { name: 'b', start: 60 }] },
      stations: [{ id: 'desk', servers: 1, service: { dist: 'exponential', mean: 4 } }],
      segments: [{ id: 's', arrivals: { rate: { a: 1, b: 2 } }, route: ['desk'], patience: { dist: 'exponential', mean: 5 } }],
    });
    const { sipp } = startStaffing(model, 0, [target('abandonmentRate<=5%')]);
    expect(sipp).toEqual([1, 2].map((rate) => fewestServers(rate, 1 / 4, { kind: 'abandonment', patienceRate: 1 / 5, atMost: 0.05 })));
    expect(sipp[1]).toBeGreaterThan(sipp[0]!);
  });

  it('lag-SIPP reads the first period\'s rate before the day: its first period is staffed as SIPP staffs it', () => {
    // 30-minute services lag the day by 30 minutes; the first period's window [−30, 30) is all its own demand.
    const model = modelOf({
      name: 'lagged',
      time: { horizon: 120, periods: [{ name: 'a', start: 0 }, { name: 'b', start: 60 }] },
      stations: [{ id: 'desk', servers: 1, service: { dist: 'exponential', mean: 30 } }],
      segments: [{ id: 's', arrivals: { rate: { a: 0.2, b: 0.1 } }, route: ['desk'] }],
    });
    const { sipp, lagSipp } = startStaffing(model, 0, [target('waitP80<=5')]);
    expect(lagSipp[0]).toBe(sipp[0]);
    // The second period's window [30, 90) is half the first period's demand, half its own.
    expect(lagSipp[1]).toBe(erlangStaffing(0.15, demand(30), [target('waitP80<=5')]));
    expect(lagSipp[1]).toBeGreaterThan(sipp[1]!);
  });
});
