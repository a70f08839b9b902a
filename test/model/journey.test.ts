import { describe, expect, it } from 'vitest';
import { validateScenario } from '../../src/index.js';
import { MetricsCollector } from '../../src/metrics/collect.js';
import type { Customer } from '../../src/model/customer.js';
import type { JourneyObserver, Outcome, StationView } from '../../src/model/journey.js';
import { ServiceSystem } from '../../src/model/system.js';

/** Records every journey point it is shown, as text. */
class Recorder implements JourneyObserver {
  readonly seen: string[] = [];
  arrive(c: Customer, t: number) {
    this.seen.push(`arrive ${c.slot} ${t}`);
  }
  reach(c: Customer, s: StationView, t: number) {
    this.seen.push(`reach ${c.slot} ${s.index} ${t}`);
  }
  join(c: Customer, s: StationView, ahead: number, t: number) {
    this.seen.push(`join ${c.slot} ${s.index} ${ahead} ${t}`);
  }
  start(c: Customer, s: StationView, t: number, waited: number) {
    this.seen.push(`start ${c.slot} ${s.index} ${t} ${waited}`);
  }
  finish(c: Customer, s: StationView, t: number) {
    this.seen.push(`finish ${c.slot} ${s.index} ${t}`);
  }
  leave(c: Customer, outcome: Outcome, s: StationView | undefined, t: number) {
    this.seen.push(`leave ${c.slot} ${outcome} ${s?.index ?? -1} ${t}`);
  }
  stationChanged(s: StationView, t: number) {
    this.seen.push(`station ${s.index} ${t} ${s.waiting} ${s.busy} ${s.capacity}`);
  }
}

const loaded = validateScenario({
  name: 'Two desks',
  seed: 3,
  time: { horizon: 120 },
  stations: [
    { id: 'a', servers: 1, service: { dist: 'exponential', mean: 1 } },
    { id: 'b', servers: 1, queueCapacity: 2, service: { dist: 'exponential', mean: 1.2 } },
  ],
  segments: [{ id: 'all', arrivals: { rate: 0.9 }, route: ['a', 'b'], patience: { dist: 'exponential', mean: 3 }, balkAt: 3 }],
});
if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems));
const model = loaded.model;

describe('journey observers', () => {
  it('every observer is shown every point of every journey, in the same order', () => {
    const first = new Recorder();
    const second = new Recorder();
    new ServiceSystem(model, 3, 0, [first, second]).run();
    expect(first.seen.length).toBeGreaterThan(500);
    expect(second.seen).toEqual(first.seen);
    for (const point of ['arrive', 'reach', 'join', 'start', 'finish', 'leave', 'station']) {
      expect(first.seen.some((line) => line.startsWith(point))).toBe(true);
    }
  });

  it('an extra observer changes nothing that is measured', () => {
    const alone = new MetricsCollector(model);
    const alongside = new MetricsCollector(model);
    const systemAlone = new ServiceSystem(model, 3, 0, [alone]);
    const endAlone = systemAlone.run();
    const systemWithRecorder = new ServiceSystem(model, 3, 0, [new Recorder(), alongside]);
    const endWith = systemWithRecorder.run();
    expect(endWith).toBe(endAlone);
    expect(alongside.collect(endWith, systemWithRecorder.stations)).toEqual(alone.collect(endAlone, systemAlone.stations));
  });
});
