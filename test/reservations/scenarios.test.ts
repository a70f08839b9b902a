/**
 * The two bundled stories: a restaurant whose overbooking ends in denial at the door, and a
 * clinic whose overbooking turns into waiting and overtime.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadScenario, runReplications } from '../../src/index.js';
import { projectRoot } from '../cli/cli.js';
import { reservationsOf } from './scenario.js';

function run(file: string, replications: number) {
  const path = join(projectRoot, 'scenarios', file);
  const loaded = loadScenario(readFileSync(path, 'utf8'), path);
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems));
  return { model: loaded.model, ...runReplications(loaded.model, { replications }) };
}

describe('scenarios/restaurant-saturday.yaml', () => {
  const { model, summary } = run('restaurant-saturday.yaml', 100);
  const config = reservationsOf(model);

  it('books two seatings of 16 of its 20 tables past capacity, for 15% no-shows and 5% cancellations', () => {
    expect(config.slots.map((s) => [s.time, s.capacity, s.bookable])).toEqual([
      [30, 20, 16],
      [180, 20, 16],
    ]);
    expect(config.noShowProbability).toBe(0.15);
    expect(config.slots.every((s) => s.bookingLimit > s.bookable)).toBe(true);
    expect(summary.metrics.noShows!.mean! / (summary.metrics.bookings!.mean! - summary.metrics.cancellations!.mean!)).toBeCloseTo(0.15, 1);
  });

  it('some evenings end in denial at the door, at the compensation cost; walk-ins share the tables', () => {
    expect(summary.segments.booked!.denied!.mean).toBeGreaterThan(0);
    expect(summary.metrics.deniedCost!.mean).toBeCloseTo(120 * summary.segments.booked!.denied!.mean!, 9);
    expect(summary.metrics.walkInsServed!.mean).toBeGreaterThan(0);
    expect(summary.periods!.secondSeating!.metrics.bookingLimit!.mean).toBe(config.slots[1]!.bookingLimit);
  });
});

describe('scenarios/clinic-morning.yaml', () => {
  const { model, summary } = run('clinic-morning.yaml', 100);

  it('books ⌈12 / 0.92⌉ = 14 patients into a 12-patient session, Bailey–Welch', () => {
    const slot = reservationsOf(model).slots[0]!;
    expect(slot.bookingLimit).toBe(14);
    expect(slot.appointmentTimes.slice(0, 3)).toEqual([0, 0, 180 / 14]);
  });

  it('turns overbooking into waiting and overtime, never into denial', () => {
    expect(summary.metrics.denied!.mean).toBe(0);
    expect(summary.metrics.reservedWaitMean!.ci95![0]).toBeGreaterThan(5);
    expect(summary.metrics.overtime!.ci95![0]).toBeGreaterThan(5);
  });
});
