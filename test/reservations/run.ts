/** What the reservations tests need to run scenarios and summarise their values. */
export { runReplications } from '../../src/index.js';
export { summariseValues } from '../../src/metrics/summarise.js';
