/**
 * Routes with choices: the router of a segment whose route has choice steps. At each step
 * the customer considers the stations open to its segment that it uses (access.ts) and picks
 * one: at random by the step's shares, the shortest line, or the least expected wait
 * (line-length.ts); ties go at random. A share of the segment skips an optional step.
 *
 * Every random number is drawn on arrival from the segment's own streams (one number per
 * step for the choice, one per optional step for skipping), so the router's answer is a
 * function of the customer and the stations' state: asking twice at one instant gives the
 * same station (the core asks when service ends and again on reaching the next station).
 * The choice is made when the customer reaches the step, seeing the lines as they are then.
 */
import type { Customer, CustomerColumn } from '../model/customer.js';
import type { Router } from '../model/policies.js';
import type { StationState } from '../model/stations.js';
import type { RandomStream } from '../random/streams.js';
import type { Access } from './access.js';
import { expectedWait, lineAhead } from './line-length.js';
import type { ChoiceStep } from './resolve.js';

export class ChoiceRouter implements Router {
  /** Positions (in step.slots) of the stations the customer uses at the step being decided. */
  private readonly usable: Int32Array;

  /**
   * @param route        station of each visit slot (model.ts, SegmentModel.route)
   * @param meanService  mean service time of each visit slot
   * @param draws        a column of two numbers per step: the choice's and the skip's
   */
  constructor(
    private readonly steps: readonly ChoiceStep[],
    private readonly route: readonly number[],
    private readonly meanService: readonly number[],
    private readonly stations: readonly StationState[],
    private readonly access: Access,
    private readonly draws: CustomerColumn,
    private readonly choiceStream: RandomStream,
    private readonly skipStream: RandomStream,
  ) {
    this.usable = new Int32Array(Math.max(1, ...steps.map((s) => s.slots.length)));
  }

  /** Draws the customer's numbers for every step, in route order. */
  arrive(customer: Customer): void {
    const values = this.draws.values;
    const at = customer.slot * this.draws.width;
    this.steps.forEach((step, s) => {
      if (step.slots.length > 1) values[at + 2 * s] = this.choiceStream.next();
      if (step.skip > 0) values[at + 2 * s + 1] = this.skipStream.next();
    });
  }

  station(customer: Customer): number {
    const steps = this.steps;
    const at = customer.slot * this.draws.width;
    while (customer.step < steps.length) {
      const step = steps[customer.step]!;
      if (step.skip > 0 && this.draws.values[at + 2 * customer.step + 1]! < step.skip) {
        customer.step++;
        continue;
      }
      const slot = this.choose(customer, step, this.draws.values[at + 2 * customer.step]!);
      customer.draw = slot;
      return this.route[slot]!;
    }
    return -1;
  }

  /** The visit slot the customer picks at `step`, with its choice number `u` in [0, 1). */
  private choose(customer: Customer, step: ChoiceStep, u: number): number {
    const usable = this.usable;
    let n = 0;
    for (let k = 0; k < step.slots.length; k++) if (this.access.uses(customer, this.route[step.slots[k]!]!)) usable[n++] = k;
    if (n === 0) throw new Error('channels: a customer has no station to go to (the checks should have refused this route)');
    if (n === 1) return step.slots[usable[0]!]!;
    return step.by === 'shares' ? this.byShares(step, n, u) : this.best(step, n, u);
  }

  /** At random by the shares of the usable stations (equal if they all have none). */
  private byShares(step: ChoiceStep, n: number, u: number): number {
    let total = 0;
    for (let i = 0; i < n; i++) total += step.weights[this.usable[i]!]!;
    if (total <= 0) return step.slots[this.usable[Math.floor(u * n)]!]!;
    let target = u * total;
    for (let i = 0; i < n; i++) {
      const k = this.usable[i]!;
      target -= step.weights[k]!;
      if (target < 0) return step.slots[k]!;
    }
    return step.slots[this.usable[n - 1]!]!;
  }

  /** The usable station with the shortest line or least expected wait; ties at random. */
  private best(step: ChoiceStep, n: number, u: number): number {
    let best = Infinity;
    let ties = 0;
    for (let i = 0; i < n; i++) {
      const score = this.score(step, this.usable[i]!);
      if (score < best) {
        best = score;
        ties = 1;
      } else if (score === best) ties++;
    }
    let pick = Math.floor(u * ties);
    for (let i = 0; i < n; i++) {
      const k = this.usable[i]!;
      if (this.score(step, k) === best && pick-- === 0) return step.slots[k]!;
    }
    throw new Error('channels: no best station');
  }

  private score(step: ChoiceStep, k: number): number {
    const slot = step.slots[k]!;
    const station = this.stations[this.route[slot]!]!;
    return step.by === 'shortestLine' ? lineAhead(station) : expectedWait(station, this.meanService[slot]!);
  }
}
