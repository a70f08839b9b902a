/**
 * The defaults of the money lever, each with its tag ([A] assumption, [D] derived; see
 * shared/models.md). This is the only place these numbers are written down.
 */
export const moneyDefaults = {
  /** Revenue per served customer without pricing: 0, so a cost-only view needs no price. */
  price: 0,
  /** Staff cost per server-hour: 0 unless given. */
  staffCostPerHour: 0,
  /** Overtime costs time and a half: 1.5 × the staff cost per server-hour [A]. */
  overtimeFactor: 1.5,
  /** Fixed cost per replication (rent, equipment): 0 unless given. */
  fixedCost: 0,
  /** Side revenue per time unit waited (complementary services, §5.4; e.g. 0.1 × spend per minute [A]): 0 unless given. */
  spendWhileWaiting: 0,
} as const;
