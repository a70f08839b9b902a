/** Category labels along x: level while they fit the band each category gets, slanted when they would run together. */
import { describe, expect, it } from 'vitest';
import { labelAngle } from '../../src/report/charts/bars.js';
import { utilisationChart } from '../../src/report/charts/utilisation.js';
import { fixtureSummary } from './fixture.js';

describe('category labels', () => {
  it('slant when a label is wider than its band (review: "lunchafternoon" at 40 px a period)', () => {
    expect(labelAngle(['morning', 'lunch', 'afternoon'])).toBe(0); // 72 px each by default
    expect(labelAngle(['morning', 'lunch', 'afternoon'], 40)).toBe(-30);
    expect(labelAngle(['am', 'pm'], 40)).toBe(0);
    expect(labelAngle(['a rather long period name'])).toBe(-30);
  });

  it('the utilisation chart gives its band: one station by period at 40 px a bar slants "afternoon"', () => {
    const summary = fixtureSummary();
    const [first] = Object.keys(summary.stations);
    summary.stations = { [first!]: summary.stations[first!]! };
    for (const period of Object.values(summary.periods ?? {})) period.stations = { [first!]: period.stations[first!]! };
    const spec = utilisationChart(summary)!.spec as unknown as { width: { step: number }; layer: { encoding: { x: { axis: { labelAngle: number } } } }[] };
    const labels = Object.keys(summary.periods ?? {});
    expect(spec.layer[0]!.encoding.x.axis.labelAngle).toBe(labelAngle(labels, spec.width.step));
  });
});
