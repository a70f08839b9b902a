import { describe, expect, it } from 'vitest';
import { numericalElasticity } from '../../src/pricing/demand.js';
import {
  calibrateMnl,
  calibrateNestedLogit,
  mnlCrossElasticity,
  mnlOwnElasticity,
  mnlShares,
  nestedLogitShares,
  type CalibrationInput,
} from '../../src/pricing/slot-choice.js';

// V17: slots {peak, off-peak}, base prices 10/10, shares 0.6/0.2 and none 0.2, ε_off = −0.8.
const PEAK = 0;
const OFF = 1;
const base: CalibrationInput = {
  prices: [10, 10],
  shares: { slots: [0.6, 0.2], none: 0.2 },
  ownElasticity: -0.8,
  calibrateOn: OFF,
};
const discounted = [10, 8];

describe('MNL calibration (models.md §5.2, V17)', () => {
  it('gives β_p = 0.1, α_P = 2.098612, α_O = 1.0', () => {
    const model = calibrateMnl(base);
    expect(model.betaPrice).toBeCloseTo(0.1, 12);
    expect(model.alpha[PEAK]).toBeCloseTo(2.098612, 6);
    expect(model.alpha[OFF]).toBeCloseTo(1.0, 12);
  });

  it('reproduces the base shares', () => {
    const shares = mnlShares(calibrateMnl(base), base.prices);
    expect(shares.slots[PEAK]).toBeCloseTo(0.6, 14);
    expect(shares.slots[OFF]).toBeCloseTo(0.2, 14);
    expect(shares.none).toBeCloseTo(0.2, 14);
  });

  it('rejects shares that do not sum to 1 and a non-negative elasticity', () => {
    expect(() => calibrateMnl({ ...base, shares: { slots: [0.6, 0.3], none: 0.2 } })).toThrow(RangeError);
    expect(() => calibrateMnl({ ...base, ownElasticity: 0.5 })).toThrow(RangeError);
  });
});

describe('MNL response to a 20% off-peak discount (V17)', () => {
  const model = calibrateMnl(base);
  const after = mnlShares(model, discounted);

  it('shares become 0.574558 / 0.233922 / 0.191519', () => {
    expect(after.slots[PEAK]).toBeCloseTo(0.574558, 6);
    expect(after.slots[OFF]).toBeCloseTo(0.233922, 6);
    expect(after.none).toBeCloseTo(0.191519, 6);
  });

  it('off-peak +16.96%, peak −4.24%', () => {
    expect((after.slots[OFF]! / 0.2 - 1) * 100).toBeCloseTo(16.96, 2);
    expect((after.slots[PEAK]! / 0.6 - 1) * 100).toBeCloseTo(-4.24, 2);
  });

  it('75.0% of the new off-peak demand comes from the peak (IIA: 0.6 / (0.6 + 0.2))', () => {
    expect(((0.6 - after.slots[PEAK]!) / (after.slots[OFF]! - 0.2)) * 100).toBeCloseTo(75.0, 1);
  });

  it('numerical own elasticity −0.79998 and cross elasticity +0.2 (forward difference, step 1e-4)', () => {
    const off = (prices: readonly number[]) => mnlShares(model, prices).slots[OFF]!;
    const peak = (prices: readonly number[]) => mnlShares(model, prices).slots[PEAK]!;
    expect(numericalElasticity(off, base.prices, OFF)).toBeCloseTo(-0.79998, 5);
    expect(numericalElasticity(peak, base.prices, OFF)).toBeCloseTo(0.2, 4);
    expect(mnlOwnElasticity(model.betaPrice, 10, 0.2)).toBeCloseTo(-0.8, 14);
    expect(mnlCrossElasticity(model.betaPrice, 10, 0.2)).toBeCloseTo(0.2, 14);
  });

  it('an off-peak promotion bonus δ = 0.2 acts like the 20% discount at β_p·p = 1 (§5.4)', () => {
    const promoted = mnlShares(model, base.prices, [0, 0.2]);
    expect(promoted.slots[OFF]).toBeCloseTo(after.slots[OFF]!, 14);
  });

  it('a longer expected wait at the peak (−β_w·E[W]) moves customers off it', () => {
    const waiting = mnlShares(model, base.prices, [-0.5, 0]);
    expect(waiting.slots[PEAK]).toBeLessThan(0.6);
    expect(waiting.slots[OFF]).toBeGreaterThan(0.2);
  });
});

describe('nested logit, nest {slots} vs {none}', () => {
  it('with nest parameter 1 it is MNL (shares and calibration)', () => {
    const model = calibrateMnl(base);
    const mnl = mnlShares(model, discounted, [0.1, -0.3]);
    const nested = nestedLogitShares(model, discounted, 1, [0.1, -0.3]);
    mnl.slots.forEach((s, k) => expect(nested.slots[k]).toBeCloseTo(s, 14));
    expect(nested.none).toBeCloseTo(mnl.none, 14);
    const calibrated = calibrateNestedLogit(base, 1);
    expect(calibrated.betaPrice).toBeCloseTo(model.betaPrice, 14);
    calibrated.alpha.forEach((a, k) => expect(a).toBeCloseTo(model.alpha[k]!, 14));
  });

  it('calibrated at nest parameter 0.5, it reproduces the base shares and the own elasticity −0.8', () => {
    const model = calibrateNestedLogit(base, 0.5);
    const shares = nestedLogitShares(model, base.prices, 0.5);
    expect(shares.slots[PEAK]).toBeCloseTo(0.6, 14);
    expect(shares.slots[OFF]).toBeCloseTo(0.2, 14);
    const off = (prices: readonly number[]) => nestedLogitShares(model, prices, 0.5).slots[OFF]!;
    expect(numericalElasticity(off, base.prices, OFF, 1e-7)).toBeCloseTo(-0.8, 5);
  });

  it('draws more of the new off-peak demand from the peak than MNL does (75%)', () => {
    const model = calibrateNestedLogit(base, 0.5);
    const after = nestedLogitShares(model, discounted, 0.5);
    const fromPeak = (0.6 - after.slots[PEAK]!) / (after.slots[OFF]! - 0.2);
    expect(fromPeak).toBeGreaterThan(0.8);
    expect(fromPeak).toBeLessThan(1);
  });

  it('rejects a nest parameter outside (0, 1]', () => {
    expect(() => nestedLogitShares(calibrateMnl(base), base.prices, 1.5)).toThrow(RangeError);
    expect(() => nestedLogitShares(calibrateMnl(base), base.prices, 0)).toThrow(RangeError);
  });

  it('stays finite for large utilities', () => {
    const shares = nestedLogitShares({ betaPrice: 0.1, alpha: [900, 899] }, [10, 10], 0.5);
    expect(shares.slots[PEAK]! + shares.slots[OFF]! + shares.none).toBeCloseTo(1, 14);
    expect(Number.isNaN(shares.none)).toBe(false);
  });
});

describe('every slot out of reach', () => {
  it('sends the whole market to not coming, without NaN', () => {
    const model = calibrateMnl({ prices: [10, 10], shares: { slots: [0.5, 0.3], none: 0.2 }, ownElasticity: -0.8, calibrateOn: 1 });
    for (const nest of [1, 0.5]) {
      const shares = nestedLogitShares(model, [10, 10], nest, [-Infinity, -Infinity]);
      expect(shares).toEqual({ slots: [0, 0], none: 1 });
      const one = nestedLogitShares(model, [10, 10], nest, [-Infinity, 0]);
      expect(one.slots[0]).toBe(0);
      expect(one.slots[1]! + one.none).toBeCloseTo(1, 12);
    }
  });
});
