import { describe, expect, it } from 'vitest';
import { StationTimeIntegrals, Tally } from '../../src/metrics/accumulators.js';

describe('Tally', () => {
  it('counts observations and gives their mean', () => {
    const tally = new Tally();
    [2, 4, 9].forEach((v) => tally.add(v));
    expect(tally.count).toBe(3);
    expect(tally.mean).toBe(5);
  });

  it('has a NaN mean when nothing was observed', () => {
    expect(new Tally().mean).toBeNaN();
  });
});

describe('StationTimeIntegrals', () => {
  it('integrates the state reported just before each change (piecewise constant)', () => {
    const t = new StationTimeIntegrals(0, 100);
    t.advance(10, 0, 1, 2); // [0, 10): 0 waiting, 1 busy, 2 on duty
    t.advance(15, 3, 2, 2); // [10, 15): 3 waiting, 2 busy
    t.advance(20, 1, 2, 2); // [15, 20)
    expect(t.waitingArea).toBe(0 * 10 + 3 * 5 + 1 * 5);
    expect(t.busyArea).toBe(10 + 10 + 10);
    expect(t.availableArea).toBe(40);
    expect(t.overtimeArea).toBe(0);
  });

  it('ignores everything before the start of the measured window (the warm-up)', () => {
    const t = new StationTimeIntegrals(10, 100);
    t.advance(4, 5, 1, 1); // entirely before 10
    t.advance(16, 2, 1, 1); // the state 2 waiting held on [4, 16): counts on [10, 16) only
    expect(t.waitingArea).toBe(12);
    expect(t.busyArea).toBe(6);
  });

  it('ignores a report at the same instant as the last one (changes at an instant take no time)', () => {
    const t = new StationTimeIntegrals(0, 100);
    t.advance(5, 1, 1, 1);
    t.advance(5, 99, 99, 99);
    expect(t.waitingArea).toBe(5);
    expect(t.busyArea).toBe(5);
  });

  it('counts busy servers beyond capacity as available and as overtime', () => {
    const t = new StationTimeIntegrals(0, 100);
    t.advance(10, 0, 1, 1);
    t.advance(13, 0, 2, 1); // one server finishing past its shift for 3
    expect(t.availableArea).toBe(10 + 6);
    expect(t.overtimeArea).toBe(3);
  });

  it('counts all busy time after closing as overtime', () => {
    const t = new StationTimeIntegrals(0, 30);
    t.advance(25, 0, 2, 2);
    t.advance(35, 0, 2, 2); // [25, 30): within the schedule; [30, 35): after closing
    expect(t.overtimeArea).toBe(2 * 5);
    expect(t.busyArea).toBe(2 * 35);
  });
});
