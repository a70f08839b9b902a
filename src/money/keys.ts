/**
 * The scenario keys of the money lever: a top-level `money` (price without pricing, staff and
 * overtime cost per server-hour, fixed cost, side revenue while waiting, the value of a lost
 * customer) and a `money` in each station for its own staff costs. Defaults: defaults.ts.
 */
import { z } from 'zod';
import { nonNegative } from '../scenario/numbers.js';
import { moneyDefaults as d } from './defaults.js';

const price = z.number().nonnegative({ error: 'a price must be 0 or more' });

/**
 * Staff costs, at the top level (defaults below) or in a station, where a key left out is the
 * top level's: a station's keys carry no default of their own in the JSON Schema.
 */
function staffKeys(where: 'scenario' | 'station') {
  const top = where === 'scenario';
  return {
    staffCostPerHour: nonNegative('staffCostPerHour')
      .optional()
      .meta({
        description: `Cost of one scheduled server for one hour; the schedule is the station's servers per period. ${top ? `Default ${d.staffCostPerHour}.` : 'Default: the top-level money key.'}`,
        ...(top ? { default: d.staffCostPerHour } : {}),
      }),
    overtimeCostPerHour: nonNegative('overtimeCostPerHour')
      .optional()
      .meta({
        description: `Cost of one hour of overtime (server-time beyond the schedule, the metric overtime). ${top ? `Default ${d.overtimeFactor} × staffCostPerHour [A].` : `Default: the top-level money key, or ${d.overtimeFactor} × this station's staffCostPerHour [A].`}`,
      }),
  };
}

export const StationMoneySchema = z.strictObject(staffKeys('station')).meta({ description: "This station's staff costs, when they differ from the top-level money keys." });

export const MoneySchema = z
  .strictObject({
    price: z
      .union([price, z.record(z.string(), price)])
      .optional()
      .meta({ description: `Revenue per served customer (per party member), a number or per period, when the scenario has no pricing (with pricing, its prices are used); default ${d.price}.`, default: d.price }),
    ...staffKeys('scenario'),
    fixedCost: nonNegative('fixedCost').optional().meta({ description: `Fixed cost per replication (the simulated day), default ${d.fixedCost}.`, default: d.fixedCost }),
    spendWhileWaiting: nonNegative('spendWhileWaiting')
      .optional()
      .meta({ description: `Side revenue per time unit a customer waits in a line, per person of a party (complementary services, §5.4), default ${d.spendWhileWaiting}.`, default: d.spendWhileWaiting }),
    lostCustomerValue: nonNegative('lostCustomerValue')
      .optional()
      .meta({ description: 'Value of each lost customer (balked, reneged, blocked, lost to price) in lostRevenue; default: the price the customer would have paid.' }),
  })
  .meta({ description: 'The money view: revenue, side revenue, staff and overtime cost, fixed cost, lost revenue and profit of every run.' });

export type MoneyKeys = z.infer<typeof MoneySchema>;
export type StationMoneyKeys = z.infer<typeof StationMoneySchema>;
