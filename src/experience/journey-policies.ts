/**
 * The experience's policies on the journey: balking that people actually do (models.md
 * §3.2–3.3) and patience that responds to information, apologies and the value of the
 * service (§1.3–1.4). Both wrap the policy they find, so the core's limits (waiting places,
 * `balkAt`) and drawn patience still apply.
 */
import type { Customer } from '../model/customer.js';
import type { StationView } from '../model/journey.js';
import { Admission, type JoinPolicy, type PatiencePolicy, type StationAtJoin } from '../model/policies.js';
import {
  discouragedJoinProbability,
  forecastWait,
  geometricJoinProbability,
  linearJoinProbability,
  logitJoinProbability,
  whittInformedJoinProbability,
} from './balking.js';
import type { ResolvedBalking, WaitSetting } from './config.js';

/**
 * A balking rule for one segment. It is asked only of a customer who would have to wait
 * (every server busy): one who can be served at once always joins. n counts the customers
 * at the station (served and waiting), k those waiting.
 */
export class BalkingRule implements JoinPolicy {
  constructor(
    private readonly inner: JoinPolicy,
    private readonly rule: ResolvedBalking,
    /** This segment's wait at each station (index = station). */
    private readonly waits: readonly WaitSetting[],
    private readonly patience: InformedPatience,
    /** The customer's uniform for this decision, drawn on its arrival (ExperienceObserver). */
    private readonly uniform: (customer: Customer) => number,
  ) {}

  decide(customer: Customer, station: StationAtJoin): Admission {
    const decision = this.inner.decide(customer, station);
    if (decision !== Admission.join || station.busy < station.capacity) return decision;
    const waiting = station.waiting;
    const inSystem = station.busy + waiting;
    const rule = this.rule;
    if (rule.rule === 'waitBased') {
      // The customer's own patience against the wait it expects: P(τ > Ŵ_k) over customers.
      const expected = forecastWait(waiting, station.capacity, this.waits[station.index]!.serviceRate);
      return this.patience.patience(customer, station) > expected ? Admission.join : Admission.balk;
    }
    let p: number;
    switch (rule.rule) {
      case 'discouraged':
        p = discouragedJoinProbability(inSystem);
        break;
      case 'linear':
        p = linearJoinProbability(inSystem, rule.maxInSystem);
        break;
      case 'geometric':
        p = geometricJoinProbability(waiting, rule.rate);
        break;
      case 'logit':
        p = logitJoinProbability(waiting, rule);
        break;
      case 'informed':
        p = whittInformedJoinProbability(waiting, station.capacity, this.waits[station.index]!.serviceRate, rule.abandonRate, rule.zeroToleranceShare);
        if (this.uniform(customer) >= p) return Admission.balk;
        this.patience.decidedOnJoining(customer);
        return Admission.join;
    }
    return this.uniform(customer) < p ? Admission.join : Admission.balk;
  }
}

/** Patience scaled by what the customer is told, an apology and the value of the service. */
export class InformedPatience implements PatiencePolicy {
  /**
   * The customer the informed rule (Whitt's model 2) has just let join: told the wait, it
   * decided then and never reneges. The line asks for its patience in the same step as the
   * rule decided, so one customer is remembered. A customer the rule was not asked about
   * (a booked customer the host let in) keeps its patience.
   */
  private decided: Customer | undefined;

  constructor(
    private readonly inner: PatiencePolicy,
    private readonly waits: readonly WaitSetting[],
  ) {}
  arrive(customer: Customer): void {
    if (this.decided === customer) this.decided = undefined; // a record starts a new customer
    this.inner.arrive(customer);
  }
  /** The informed rule let `customer` join, told its wait. */
  decidedOnJoining(customer: Customer): void {
    this.decided = customer;
  }
  patience(customer: Customer, station: StationView): number {
    if (this.decided === customer) {
      this.decided = undefined;
      return Infinity;
    }
    return this.inner.patience(customer, station) * this.waits[station.index]!.patienceMultiplier;
  }
}
