/**
 * The till: a journey observer that books, per period of arrival and segment, the revenue of
 * every served customer, the side revenue of every minute waited in a line, and the value of
 * every customer lost on the way (balked, reneged, blocked). Counts only customers who
 * arrived after the warm-up, like the core metrics. Constant memory: three numbers per
 * (period, segment).
 */
import type { Customer } from '../model/customer.js';
import { JourneyWatcher, Outcome, type StationView } from '../model/journey.js';

/**
 * What a customer record spends at `price`: the price for each member of its party (its
 * `partySize`, 1 without the parties lever). The one place a party's spend is computed.
 */
export function partySpend(price: number, customer: Customer): number {
  return price * customer.partySize;
}

export class Till extends JourneyWatcher {
  /** [period × segments + segment] */
  readonly revenue: Float64Array;
  readonly sideRevenue: Float64Array;
  readonly lostValue: Float64Array;

  /**
   * `prices[segment][period]`: the price charged; `lostCustomerValue`: the value of a lost
   * customer, or null for the price it would have paid.
   */
  constructor(
    private readonly segments: number,
    periods: number,
    private readonly prices: readonly (readonly number[])[],
    private readonly spendWhileWaiting: number,
    private readonly lostCustomerValue: number | null,
  ) {
    super();
    this.revenue = new Float64Array(periods * segments);
    this.sideRevenue = new Float64Array(periods * segments);
    this.lostValue = new Float64Array(periods * segments);
  }

  private cell(customer: Customer): number {
    return customer.period * this.segments + customer.segment;
  }

  override start(customer: Customer, _station: StationView, _time: number, waited: number): void {
    if (customer.counted && waited > 0) this.sideRevenue[this.cell(customer)]! += partySpend(this.spendWhileWaiting * waited, customer);
  }

  override leave(customer: Customer, outcome: Outcome, _station: StationView | undefined, time: number): void {
    if (!customer.counted) return;
    const cell = this.cell(customer);
    const price = this.prices[customer.segment]![customer.period]!;
    switch (outcome) {
      case Outcome.served:
        this.revenue[cell]! += partySpend(price, customer);
        return;
      case Outcome.reneged:
        // It waited in the line it left, and spent while it did.
        this.sideRevenue[cell]! += partySpend(this.spendWhileWaiting * (time - customer.joinedAt), customer);
        this.lostValue[cell]! += partySpend(this.lostCustomerValue ?? price, customer);
        return;
      case Outcome.balked:
      case Outcome.blocked:
        this.lostValue[cell]! += partySpend(this.lostCustomerValue ?? price, customer);
        return;
      case Outcome.inSystemAtEnd:
        // Neither served nor lost; one still in a line at closing (drain: false) spent while it waited.
        if (customer.ticket !== 0) this.sideRevenue[cell]! += partySpend(this.spendWhileWaiting * (time - customer.joinedAt), customer);
        return;
      default:
        // denied: compensated (deniedCost), nothing booked here.
        return;
    }
  }
}
