import { describe, expect, it } from 'vitest';
import { constantElasticityDemand, linearElasticityDemand, numericalElasticity } from '../../src/pricing/demand.js';

describe('single-period demand (models.md §5.1, V18)', () => {
  it('constant elasticity ε = −0.8: a 20% discount multiplies demand by 1.195441', () => {
    expect(constantElasticityDemand(1, 8, 10, -0.8)).toBeCloseTo(1.195441, 6);
  });

  it('linear with point elasticity −0.8: a 20% discount multiplies demand by 1.16', () => {
    expect(linearElasticityDemand(1, 8, 10, -0.8)).toBeCloseTo(1.16, 12);
  });

  it('linear demand is truncated at 0', () => {
    expect(linearElasticityDemand(100, 30, 10, -0.8)).toBe(0);
  });

  it('both give Q0 at p0, and their numerical elasticity there is ε', () => {
    expect(constantElasticityDemand(50, 10, 10, -0.8)).toBe(50);
    expect(linearElasticityDemand(50, 10, 10, -0.8)).toBe(50);
    expect(numericalElasticity(([p]) => constantElasticityDemand(50, p!, 10, -0.8), [10], 0, 1e-7)).toBeCloseTo(-0.8, 6);
    expect(numericalElasticity(([p]) => linearElasticityDemand(50, p!, 10, -0.8), [10], 0)).toBeCloseTo(-0.8, 10);
  });
});
