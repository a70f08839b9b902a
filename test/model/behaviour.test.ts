import { describe, expect, it } from 'vitest';
import { Admission, admit, mustWait } from '../../src/model/behaviour.js';
import { StationState } from '../../src/model/stations.js';

function station(state: { capacity: number; busy: number; waiting: number; queueCapacity?: number }): StationState {
  const s = new StationState(0, { id: 'desk', servers: [state.capacity], queueCapacity: state.queueCapacity ?? Infinity, discipline: 'fifo' }, 1);
  s.busy = state.busy;
  (s.line as { size: number }).size = state.waiting; // only the count matters to these rules
  return s;
}

describe('the "choose" point: joining, balking, blocking', () => {
  it('a newcomer finding a free server and nobody waiting joins and need not wait', () => {
    const s = station({ capacity: 2, busy: 1, waiting: 0 });
    expect(mustWait(s)).toBe(false);
    expect(admit(s, 1)).toBe(Admission.join);
  });

  it('a newcomer finding every server busy must wait', () => {
    expect(mustWait(station({ capacity: 2, busy: 2, waiting: 0 }))).toBe(true);
  });

  it('while servers leave after a capacity drop (busy > capacity) the newcomer must wait behind everyone', () => {
    const s = station({ capacity: 1, busy: 3, waiting: 2 });
    expect(mustWait(s)).toBe(true);
    expect(admit(s, 2)).toBe(Admission.balk); // sees all 2 waiting
    expect(admit(s, 3)).toBe(Admission.join);
  });

  it('balks when balkAt or more are waiting ahead', () => {
    expect(admit(station({ capacity: 1, busy: 1, waiting: 3 }), 3)).toBe(Admission.balk);
    expect(admit(station({ capacity: 1, busy: 1, waiting: 2 }), 3)).toBe(Admission.join);
  });

  it('is blocked when all waiting places are taken, before any balking rule', () => {
    expect(admit(station({ capacity: 1, busy: 1, waiting: 2, queueCapacity: 2 }), 1)).toBe(Admission.block);
    expect(admit(station({ capacity: 1, busy: 1, waiting: 1, queueCapacity: 2 }), Infinity)).toBe(Admission.join);
  });

  it('with no waiting places, is blocked whenever it would have to wait', () => {
    expect(admit(station({ capacity: 1, busy: 1, waiting: 0, queueCapacity: 0 }), Infinity)).toBe(Admission.block);
    expect(admit(station({ capacity: 2, busy: 1, waiting: 0, queueCapacity: 0 }), Infinity)).toBe(Admission.join);
  });
});
