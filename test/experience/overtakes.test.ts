/**
 * Slips by a Fenwick tree over join orders: the same counts as the plain rule (at each start,
 * one slip for everyone still waiting who joined earlier), over random joins, starts in any
 * order and customers giving up.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Overtakes } from '../../src/experience/overtakes.js';

describe('overtakes at a station whose line does not keep the joining order', () => {
  it('count, for whoever starts or gives up, the later joiners who started first', () => {
    const step = fc.oneof(fc.constant({ op: 'join' as const }), fc.record({ op: fc.constantFrom('start' as const, 'leave' as const), pick: fc.nat() }));
    fc.assert(
      fc.property(fc.array(step, { maxLength: 3000 }), (steps) => {
        const overtakes = new Overtakes();
        const waiting: { order: number; slips: number }[] = [];
        for (const s of steps) {
          if (s.op === 'join') {
            waiting.push({ order: overtakes.join(), slips: 0 });
            continue;
          }
          if (waiting.length === 0) continue;
          const [who] = waiting.splice(s.pick % waiting.length, 1);
          expect(overtakes.laterStarted(who!.order)).toBe(who!.slips);
          if (s.op === 'start') {
            overtakes.start(who!.order);
            for (const other of waiting) if (other.order < who!.order) other.slips++;
          }
        }
      }),
      { numRuns: 100, seed: 11 },
    );
  });
});
