/**
 * The line of the lines per server and of tables: the same answers as an array used the
 * plain way (push, shift, pop, indexOf + splice), over random sequences of operations that
 * grow the ring, leave gaps and close them.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CustomerQueue } from '../../src/channels/customer-queue.js';
import { CustomerPool, type Customer } from '../../src/model/customer.js';

type Step = { op: 'push' } | { op: 'shift' } | { op: 'pop' } | { op: 'remove'; at: number } | { op: 'find'; size: number } | { op: 'drain' };

const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 6, arbitrary: fc.constant({ op: 'push' as const }) },
  { weight: 2, arbitrary: fc.constant({ op: 'shift' as const }) },
  { weight: 1, arbitrary: fc.constant({ op: 'pop' as const }) },
  { weight: 3, arbitrary: fc.record({ op: fc.constant('remove' as const), at: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('find' as const), size: fc.integer({ min: 1, max: 4 }) }) },
  { weight: 1, arbitrary: fc.constant({ op: 'drain' as const }) },
);

describe('a line that anyone may leave from the middle', () => {
  it('keeps joining order and answers as an array would, over random pushes, shifts, pops, removals and scans', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 400 }), (steps) => {
        const pool = new CustomerPool(1);
        const queue = new CustomerQueue(pool.addColumn('place'));
        const model: Customer[] = [];
        let size = 0;
        for (const s of steps) {
          switch (s.op) {
            case 'push': {
              const customer = pool.acquire();
              customer.partySize = 1 + (size++ % 4);
              queue.push(customer);
              model.push(customer);
              break;
            }
            case 'shift':
              expect(queue.shift()).toBe(model.shift());
              break;
            case 'pop':
              expect(queue.pop()).toBe(model.pop());
              break;
            case 'remove': {
              if (model.length === 0) break;
              const [customer] = model.splice(s.at % model.length, 1);
              expect(queue.remove(customer!)).toBe(true);
              expect(queue.remove(customer!)).toBe(false); // not twice
              pool.release(customer!);
              break;
            }
            case 'find':
              expect(queue.find((c) => c.partySize <= s.size)).toBe(model.find((c) => c.partySize <= s.size));
              break;
            case 'drain':
              expect(queue.drain()).toEqual(model.splice(0));
              break;
          }
          expect(queue.length).toBe(model.length);
          expect(queue.first()).toBe(model[0]);
        }
        expect([...queue]).toEqual(model);
      }),
      { numRuns: 300, seed: 7 },
    );
  });

  it('a customer of another line, or one not in line, is not removed', () => {
    const pool = new CustomerPool(1);
    const places = pool.addColumn('place');
    const [a, b] = [new CustomerQueue(places), new CustomerQueue(places)];
    const x = pool.acquire();
    const y = pool.acquire();
    a.push(x);
    b.push(y);
    expect(a.remove(y)).toBe(false);
    expect(b.remove(x)).toBe(false);
    expect(a.remove(x)).toBe(true);
    expect([a.length, b.length]).toEqual([0, 1]);
  });

  it('holds a long line with gaps in memory of its length, not of everyone who ever joined', () => {
    const pool = new CustomerPool(1);
    const queue = new CustomerQueue(pool.addColumn('place'));
    const first = pool.acquire();
    queue.push(first); // stays at the front all along
    // Blocks of ten join; the first nine of each give up once the tenth stands behind them, so
    // their places are gaps in the middle of the line, which neither end ever reaches. (Giving
    // up as the last in line leaves no gap: the tail moves back.)
    for (let block = 0; block < 10_000; block++) {
      const joined = Array.from({ length: 10 }, () => {
        const customer = pool.acquire();
        queue.push(customer);
        return customer;
      });
      for (const customer of joined.slice(0, 9)) {
        queue.remove(customer);
        pool.release(customer);
      }
    }
    expect(queue.length).toBe(10_001);
    expect(queue.first()).toBe(first);
    expect((queue as unknown as { items: unknown[] }).items.length).toBeLessThanOrEqual(4 * 16_384);
  });
});
