/** The fixed route of a segment (`route` of station ids): stations visited in order, one slot per step. */
import type { Customer } from './customer.js';
import type { Router } from './policies.js';

export class FixedRoute implements Router {
  constructor(private readonly route: readonly number[]) {}
  station(customer: Customer): number {
    customer.draw = customer.step;
    return customer.step < this.route.length ? this.route[customer.step]! : -1;
  }
}
