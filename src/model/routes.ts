/** The fixed route of a segment (`route` in the scenario): stations visited in order. */
import type { Customer } from './customer.js';
import type { Router } from './policies.js';

export class FixedRoute implements Router {
  constructor(private readonly route: readonly number[]) {}
  station(customer: Customer): number {
    return customer.step < this.route.length ? this.route[customer.step]! : -1;
  }
}
