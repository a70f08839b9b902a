/**
 * Party sizes (`partySize`): a customer record stands for a party that arrives, waits and is
 * served together, so balking, reneging and blocking act on the whole party. Each arrival's
 * size is drawn from its segment's own stream as it enters (nothing is drawn for a fixed
 * size), so the core's random numbers are untouched: a party of one is exactly today's
 * customer.
 */
import type { Customer } from '../model/customer.js';
import { JourneyWatcher } from '../model/journey.js';
import type { RandomStream } from '../random/streams.js';
import type { PartySizes } from './resolve.js';

export class PartyDraws extends JourneyWatcher {
  /**
   * @param parties  per segment
   * @param streams  per segment: its stream, or null when the size is fixed
   */
  constructor(
    private readonly parties: readonly PartySizes[],
    private readonly streams: readonly (RandomStream | null)[],
  ) {
    super();
  }

  override arrive(customer: Customer): void {
    const { sizes, cumulative } = this.parties[customer.segment]!;
    const stream = this.streams[customer.segment];
    if (stream === null || stream === undefined) {
      customer.partySize = sizes[0]!;
      return;
    }
    const u = stream.next();
    let i = 0;
    while (i < cumulative.length - 1 && u >= cumulative[i]!) i++;
    customer.partySize = sizes[i]!;
  }
}
