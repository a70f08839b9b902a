import { describe, expect, it } from 'vitest';
import { amount, staffTime, staffTimeText } from '../../src/run/staff-time.js';

describe('staff time as text', () => {
  it('gives three significant digits, never rounding the whole part, without trailing zeros', () => {
    expect(amount(46)).toBe('46');
    expect(amount(72)).toBe('72');
    expect(amount(20 / 3)).toBe('6.67'); // 20 server-periods of 20 minutes
    expect(amount(46.5)).toBe('46.5');
    expect(amount(146.25)).toBe('146');
    expect(amount(2400)).toBe('2,400'); // grouped as the tables group
    expect(amount(1234567.89)).toBe('1,234,568');
    expect(amount(100 / 3600)).toBe('0.0278'); // a 100-second day, in hours
    expect(amount(0.5)).toBe('0.5');
    expect(amount(0)).toBe('0');
  });

  it('rounds away the binary noise of summed period lengths', () => {
    const sixths = [0, 20, 40, 60, 80, 100].map((start, i) => ({ name: `p${i + 1}`, start, end: start + 20 }));
    const day = staffTime({ servers: [[1, 1, 1, 1, 1, 1]], sipp: [[1, 1, 1, 1, 1, 1]], periods: sixths }, 'minute').day;
    expect(day).not.toBe(2); // 6 × (20/60) in floating point
    expect(amount(day)).toBe('2');
    expect(amount(7 * day)).toBe('14');
  });

  it('says the plan against SIPP and the peak in one sentence, for the terminal and the report', () => {
    const periods = [0, 20, 40, 60, 80, 100].map((start, i) => ({ name: `p${i + 1}`, start, end: start + 20 }));
    const time = staffTime({ servers: [[2, 3, 7, 5, 2, 1]], sipp: [[3, 4, 7, 6, 3, 3]], periods }, 'minute');
    expect(staffTimeText(time)).toBe('staff-hours: 6.67 (SIPP 8.67); peak staffing all day: 7 × 2 = 14');
    const seconds = staffTime({ servers: [[2]], sipp: [[2]], periods: [{ name: 'all', start: 0, end: 100 }] }, 'second');
    expect(staffTimeText(seconds)).toBe('staff-hours: 0.0556 (SIPP 0.0556); peak staffing all day: 2 × 0.0278 = 0.0556');
  });
});
