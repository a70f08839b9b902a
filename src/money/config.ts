/** The money lever's part of the model (`model.levers.money`): plain data, fully resolved. */
export interface MoneyConfig {
  /** Per period: the price without pricing (all zeros by default); null when pricing sets the prices. */
  prices: number[] | null;
  /** Per station: cost of one scheduled server per time unit. */
  staffCost: number[];
  /** Per station: cost of one time unit of overtime. */
  overtimeCost: number[];
  /** Per replication. */
  fixedCost: number;
  /** Side revenue per time unit waited in a line. */
  spendWhileWaiting: number;
  /** Value of a lost customer; null: the price the customer would have paid. */
  lostCustomerValue: number | null;
}
