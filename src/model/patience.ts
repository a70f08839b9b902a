/**
 * Patience: how long a customer waits in a line before giving up (`patience` in a segment).
 * Draws are made on arrival, one per visit slot of the route (a fresh draw for each queue joined),
 * from the segment's own stream, so reneging never shifts any other random number.
 */
import type { Sampler } from '../random/distributions.js';
import type { RandomStream } from '../random/streams.js';
import type { Customer, CustomerColumn } from './customer.js';
import type { PatiencePolicy } from './policies.js';

/** Customers who never give up. */
export const endlessPatience: PatiencePolicy = {
  arrive() {},
  patience: () => Infinity,
};

export class DrawnPatience implements PatiencePolicy {
  /**
   * @param steps  visit slots of the segment's route (its steps, on a plain route)
   * @param draws  a column of `steps` (or more) numbers per customer
   */
  constructor(
    private readonly sampler: Sampler,
    private readonly stream: RandomStream,
    private readonly steps: number,
    private readonly draws: CustomerColumn,
  ) {}

  arrive(customer: Customer): void {
    const values = this.draws.values;
    const at = customer.slot * this.draws.width;
    for (let step = 0; step < this.steps; step++) values[at + step] = this.sampler.sample(this.stream);
  }

  patience(customer: Customer): number {
    return this.draws.values[customer.slot * this.draws.width + customer.draw]!;
  }
}
