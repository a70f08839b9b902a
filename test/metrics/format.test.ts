import { describe, expect, it } from 'vitest';
import { formatDifference, formatEstimate, formatMetric } from '../../src/metrics/format.js';
import { summariseValues } from '../../src/metrics/summarise.js';

describe('formatting a paired difference', () => {
  it('signs its mean and both ends of its CI; a zero mean reads 0.00, not -0.00', () => {
    expect(formatDifference(summariseValues([0.4, 0.6, 0.5, 0.5]), 'count')).toMatchObject({ mean: '+0.50' });
    expect(formatDifference(summariseValues([-0.001, 0.001, 0]), 'count').mean).toMatch(/^0\.0+$/);
  });

  it('a CI bound that would round to zero shows its first significant digit, on its side, so an interval that excludes 0 never reads as if it touched it', () => {
    // Mean −0.13, upper bound about −0.004: it shows as −0.004, not 0.00 or −0.00.
    const d = summariseValues(Array.from({ length: 30 }, (_, i) => -0.13 + (i % 2 === 0 ? 0.3375 : -0.3375)));
    expect(d.ci95![1]).toBeLessThan(0);
    expect(d.ci95![1]).toBeGreaterThan(-0.005);
    const text = formatDifference(d, 'count');
    expect(text.interval).toMatch(/^\[-0\.\d\d, -0\.00\d\]$/);
    expect(Number(text.interval.split(', ')[1]!.slice(0, -1))).toBeCloseTo(d.ci95![1], 3);
    // The same for a count whose CI is wide: [+0.4, +29], not [+0, +29].
    const wide = formatDifference({ mean: 14.7, sd: 1, ci95: [0.42, 29] }, 'count');
    expect(wide.interval).toBe('[+0.4, +29]');
    // Past six decimals, with an exponent: never all zeros.
    expect(formatDifference({ mean: 14.7, sd: 1, ci95: [4.2e-7, 29] }, 'count').interval).toBe('[+4e-7, +29]');
    expect(formatDifference({ mean: 2e-7, sd: 1e-7, ci95: [1e-7, 3e-7] }, 'count')).toMatchObject({ mean: '+2e-7', interval: '[+1e-7, +3e-7]' });
  });

  it('a tiny difference whose CI excludes 0 keeps its sign in the mean too', () => {
    const d = summariseValues([-1.4e-6, -1.5e-6, -1.6e-6, -1.5e-6]);
    const text = formatDifference(d, 'count');
    expect(text.mean).toBe('-0.000002');
    expect(text.interval).toMatch(/^\[-0\.00000\d, -0\.00000\d\]$/);
  });
});

describe('formatting an estimate', () => {
  it('writes a whole count without a CI (one replication) whole; other values without a CI keep their decimals', () => {
    expect(formatEstimate({ mean: 516, sd: null, ci95: null }, 'count')).toEqual({ mean: '516', interval: '—', half: '' });
    expect(formatEstimate({ mean: 16, sd: null, ci95: null }, 'count').mean).toBe('16');
    expect(formatEstimate({ mean: 2.5, sd: null, ci95: null }, 'count').mean).toBe('2.50'); // a count's mean over a period, say
    expect(formatEstimate({ mean: 16, sd: null, ci95: null }, 'time').mean).toBe('16.00');
    expect(formatEstimate({ mean: 516, sd: 0, ci95: [516, 516] }, 'count').mean).toBe('516.0'); // the same in every replication: a mean
  });

  it('shows a CI within the values its kind can take: counts and times from 0, shares to 100%, scores 1 to 5', () => {
    expect(formatEstimate({ mean: 0.5, sd: 1, ci95: [-0.1, 1.1] }, 'count').interval).toBe('0.00 – 1.10');
    expect(formatEstimate({ mean: 0.02, sd: 0.05, ci95: [-0.006, 0.028] }, 'time').interval).toBe('0.000 – 0.028');
    expect(formatEstimate({ mean: 0.995, sd: 0.01, ci95: [0.99, 1.002] }, 'share').interval).toBe('99.00% – 100.00%');
    expect(formatEstimate({ mean: 4.98, sd: 0.05, ci95: [4.95, 5.01] }, 'score').interval).toBe('4.950 – 5.000');
    // Money and plain numbers (a net word of mouth) can be negative: their CI is as it is.
    expect(formatEstimate({ mean: 5, sd: 10, ci95: [-3, 13] }, 'money').interval).toBe('-3.0 – 13.0');
    // By name: plain numbers that cannot be negative (a queue length, slips) from 0; a net word of mouth as computed.
    expect(formatMetric('queueLengthMean', { mean: 0.0039, sd: 0.005, ci95: [-0.0027, 0.0106] }).interval).toBe('0.0000 – 0.0106');
    expect(formatMetric('slipsMean', { mean: 0.01, sd: 0.02, ci95: [-0.01, 0.03] }).interval).toMatch(/^0\.0+ – 0\.03/);
    expect(formatMetric('wordOfMouthNet', { mean: 4, sd: 10, ci95: [-5, 13] }).interval).toBe('-5.0 – 13.0');
    // The ± half-width is the interval's own, uncut.
    expect(formatEstimate({ mean: 0.5, sd: 1, ci95: [-0.1, 1.1] }, 'count').half).toBe(' ±0.60');
  });
});
