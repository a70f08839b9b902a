import { describe, expect, it } from 'vitest';
import { Simulator, type EventHandler } from '../../src/engine/simulator.js';

/** Records (now, kind, subject) of every event, and lets a test react to each one. */
function recorder(sim: Simulator, react: (kind: number, subject: number) => void = () => {}) {
  const log: [number, number, number][] = [];
  const handler: EventHandler = {
    onEvent(kind, subject) {
      log.push([sim.now, kind, subject]);
      react(kind, subject);
    },
  };
  return { log, handler };
}

describe('Simulator', () => {
  it('advances the clock to each event time, in order', () => {
    const sim = new Simulator();
    sim.schedule(3, 0, 1, 0);
    sim.schedule(1, 0, 1, 1);
    sim.schedule(2.5, 0, 1, 2);
    const { log, handler } = recorder(sim);
    sim.run(handler);
    expect(log).toEqual([
      [1, 1, 1],
      [2.5, 1, 2],
      [3, 1, 0],
    ]);
    expect(sim.now).toBe(3);
    expect(sim.eventsHandled).toBe(3);
    expect(sim.pending).toBe(0);
  });

  it('runs events scheduled by handlers, including ones at the current instant', () => {
    const sim = new Simulator();
    sim.schedule(1, 0, 0, 0);
    const { log, handler } = recorder(sim, (kind, subject) => {
      if (subject === 0) {
        sim.schedule(sim.now, 0, 0, 1); // same instant: still runs
        sim.schedule(sim.now + 2, 0, 0, 2);
      }
    });
    sim.run(handler);
    expect(log.map(([time, , subject]) => [time, subject])).toEqual([
      [1, 0],
      [1, 1],
      [3, 2],
    ]);
  });

  it('hands simultaneous events over by rank, then first scheduled first', () => {
    const sim = new Simulator();
    sim.schedule(5, 2, 20, 0);
    sim.schedule(5, 1, 10, 0);
    sim.schedule(5, 2, 21, 0);
    const { log, handler } = recorder(sim);
    sim.run(handler);
    expect(log.map(([, kind]) => kind)).toEqual([10, 20, 21]);
  });

  it('throws when scheduling before now', () => {
    const sim = new Simulator();
    sim.schedule(10, 0, 0, 0);
    let thrown: unknown;
    sim.run({
      onEvent() {
        try {
          sim.schedule(9.999, 0, 0, 1);
        } catch (error) {
          thrown = error;
        }
      },
    });
    expect(thrown).toBeInstanceOf(Error);
    expect(sim.pending).toBe(0);
  });

  it('throws when scheduling at a time that is not a number', () => {
    const sim = new Simulator();
    expect(() => sim.schedule(NaN, 0, 0, 0)).toThrow();
    expect(() => sim.schedule(-1, 0, 0, 0)).toThrow();
  });

  it('stop() ends the run after the current event, leaving later events pending', () => {
    const sim = new Simulator();
    for (let i = 1; i <= 5; i++) sim.schedule(i, 0, 0, i);
    const { log, handler } = recorder(sim, (_kind, subject) => {
      if (subject === 2) sim.stop();
    });
    sim.run(handler);
    expect(log.map(([, , subject]) => subject)).toEqual([1, 2]);
    expect(sim.now).toBe(2);
    expect(sim.pending).toBe(3);
  });

  it('a later run resumes after a stop', () => {
    const sim = new Simulator();
    for (let i = 1; i <= 3; i++) sim.schedule(i, 0, 0, i);
    const { log, handler } = recorder(sim, (_kind, subject) => {
      if (subject === 1) sim.stop();
    });
    sim.run(handler);
    sim.run(handler);
    expect(log.map(([, , subject]) => subject)).toEqual([1, 2, 3]);
  });

  it('cancel removes a pending event so it is never handled', () => {
    const sim = new Simulator();
    sim.schedule(1, 0, 0, 1);
    const handle = sim.schedule(2, 0, 0, 2);
    sim.schedule(3, 0, 0, 3);
    expect(sim.cancel(handle)).toBe(true);
    const { log, handler } = recorder(sim);
    sim.run(handler);
    expect(log.map(([, , subject]) => subject)).toEqual([1, 3]);
    expect(sim.cancel(handle)).toBe(false);
  });

  it('pendingNowBefore(rank) is true only for an event at the current instant with a lower rank', () => {
    const sim = new Simulator();
    const answers: Record<number, [boolean, boolean, boolean]> = {};
    sim.schedule(1, 3, 0, 0);
    sim.schedule(1, 1, 0, 1);
    sim.schedule(1, 5, 0, 2);
    sim.schedule(2, 0, 0, 3); // a lower rank, but later: never counts at t=1
    sim.run({
      onEvent(_kind, subject) {
        answers[subject] = [sim.pendingNowBefore(3), sim.pendingNowBefore(5), sim.pendingNowBefore(6)];
      },
    });
    // subject 1 (rank 1) runs first; rank 3 and rank 5 are still due at t=1.
    expect(answers[1]).toEqual([false, true, true]);
    // subject 0 (rank 3): only rank 5 is still due now.
    expect(answers[0]).toEqual([false, false, true]);
    // subject 2 (rank 5): nothing left at t=1; the rank-0 event at t=2 does not count.
    expect(answers[2]).toEqual([false, false, false]);
    expect(answers[3]).toEqual([false, false, false]);
  });

  it('pendingNowBefore is false when the calendar is empty', () => {
    const sim = new Simulator();
    expect(sim.pendingNowBefore(100)).toBe(false);
  });
});
