/**
 * A scenario with a quiet last period: in some replications nobody arrives in it, so its
 * waits are undefined there (metrics defined in only k of the replications: the tables'
 * "(k)", compare.csv's n and pairs).
 */
export const sparseScenario = {
  name: 'sparse',
  seed: 3,
  replications: 10,
  time: { horizon: 100, periods: [{ name: 'a', start: 0 }, { name: 'b', start: 90 }] },
  stations: [{ id: 'desk', servers: 1, service: { dist: 'exponential', mean: 3 } }],
  segments: [{ id: 'walk', arrivals: { rate: { a: 0.3, b: 0.05 } }, route: ['desk'] }],
};
