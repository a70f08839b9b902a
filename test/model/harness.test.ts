import { describe, expect, it } from 'vitest';
import { buildModel, runWithArrivals } from './harness.js';

describe('the test harness', () => {
  it('injected arrivals come on top of a segment’s Poisson arrivals, without starting a second Poisson chain', () => {
    const model = buildModel({
      horizon: 200,
      stations: [{ id: 'desk', servers: 50 }],
      segments: [{ id: 'walkIn', route: ['desk'], service: 1, rates: 0.5 }],
    });
    const alone = runWithArrivals(model, []);
    const withThree = runWithArrivals(model, [
      [10, 0],
      [20, 0],
      [30, 0],
    ]);
    expect(alone.metrics.arrivals).toBeGreaterThan(50);
    expect(withThree.metrics.arrivals).toBe(alone.metrics.arrivals! + 3);
  });
});
