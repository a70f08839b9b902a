/**
 * How long customers are willing to wait, and what moves it (models.md §1.3–1.4, §3.2):
 * exponential patience calibrated to an observed abandonment share, the effect of telling
 * callers their position or apologising (Munichor & Rafaeli 2007 [S]), the value of the
 * service, and the customers behind (Zhou & Soman 2003 [S]).
 */
import { experienceDefaults as d } from './defaults.js';

/**
 * Mean of an exponential patience under which a share `abandonShare` of callers held for
 * `hold` give up: P(τ < hold) = 1 − e^(−hold/mean), so mean = hold/(−ln(1 − P)). For the
 * 108-s holds of Munichor & Rafaeli: 89.70 s (music, 70%), 97.41 s (apologies, 67%),
 * 242.00 s (position in queue, 36%) [D].
 */
export function calibratedPatienceMean(hold: number, abandonShare: number): number {
  if (!(abandonShare > 0 && abandonShare < 1)) throw new RangeError(`an abandonment share must lie in (0, 1), got ${abandonShare}`);
  return hold / -Math.log(1 - abandonShare);
}

/** What a waiting customer is told (§1.4). */
export const WaitInformation = { none: 0, apologies: 1, position: 2 } as const;
export type WaitInformation = (typeof WaitInformation)[keyof typeof WaitInformation];

/** Patience multiplier for the information given: none × 1, apologies × 1.09, position × 2.7 [D]. */
export function informationPatienceMultiplier(
  information: WaitInformation,
  apologies = d.apologyPatienceMultiplier.value,
  position = d.positionInfoPatienceMultiplier.value,
): number {
  return information === WaitInformation.position ? position : information === WaitInformation.apologies ? apologies : 1;
}

/** Value of the service (§1.3 #7, [A]): patience × (1 + v). */
export function patienceForValue(patienceMean: number, value: number): number {
  return patienceMean * (1 + value);
}

/**
 * Zhou & Soman (2003): more people behind, less reneging; hazard × e^(−c·n_behind), c = 0.05 [A].
 * An option of models.md §3.2 for analysis: the run does not apply it (patience is drawn once,
 * on joining; the core's reneging has no hazard that changes while the customer waits).
 */
export function renegingHazardFactor(behind: number, perPersonBehind = d.renegingPerPersonBehind.value): number {
  return Math.exp(-perPersonBehind * behind);
}
