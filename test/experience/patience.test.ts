import { describe, expect, it } from 'vitest';
import { experienceDefaults as d } from '../../src/experience/defaults.js';
import {
  calibratedPatienceMean,
  informationPatienceMultiplier,
  patienceForValue,
  renegingHazardFactor,
  WaitInformation,
} from '../../src/experience/patience.js';

describe('patience calibrated to Munichor & Rafaeli (2007), 108-s holds', () => {
  it.each([
    ['music only', 0.7, 89.7],
    ['apologies', 0.67, 97.41],
    ['position in queue', 0.36, 242.0],
  ])('V20: %s, %d abandoned ⇒ mean patience %d s', (_, share, seconds) => {
    expect(calibratedPatienceMean(108, share)).toBeCloseTo(seconds, 2);
  });

  it('the same in minutes from the defaults: 1.8 min hold', () => {
    expect(60 * calibratedPatienceMean(d.holdTime.value, d.abandonmentPositionInfo.value)).toBeCloseTo(242.0, 2);
  });

  it('the information multipliers 2.7 and 1.09 are the calibrated ratios, rounded', () => {
    const music = calibratedPatienceMean(108, 0.7);
    expect(calibratedPatienceMean(108, 0.36) / music).toBeCloseTo(2.7, 1);
    expect(calibratedPatienceMean(108, 0.67) / music).toBeCloseTo(1.09, 2);
  });

  it('refuses shares outside (0, 1)', () => {
    expect(() => calibratedPatienceMean(108, 1)).toThrow(RangeError);
    expect(() => calibratedPatienceMean(108, 0)).toThrow(RangeError);
  });
});

describe('what moves patience', () => {
  it('information: none × 1, apologies × 1.09, position × 2.7', () => {
    expect(informationPatienceMultiplier(WaitInformation.none)).toBe(1);
    expect(informationPatienceMultiplier(WaitInformation.apologies)).toBe(1.09);
    expect(informationPatienceMultiplier(WaitInformation.position)).toBe(2.7);
  });

  it('value of the service: × (1 + v)', () => {
    expect(patienceForValue(6, 0.5)).toBe(9);
  });

  it('people behind: reneging hazard × e^(−0.05·n_behind)', () => {
    expect(renegingHazardFactor(0)).toBe(1);
    expect(renegingHazardFactor(20)).toBeCloseTo(Math.exp(-1), 12);
  });
});
