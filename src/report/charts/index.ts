/**
 * The chart registry: every chart the report can show, in the order it shows them. A new
 * feature adds its chart by adding its module here.
 */
import type { RunSummary } from '../../metrics/summarise.js';
import type { Chart, ChartBuilder } from './chart.js';
import { lossesChart } from './losses.js';
import { moneyChart } from './money.js';
import { perceivedWaitChart } from './perceived-wait.js';
import { reservationsChart } from './reservations.js';
import { satisfactionZonesChart } from './satisfaction-zones.js';
import { utilisationChart } from './utilisation.js';
import { waitDistributionChart } from './wait-distribution.js';
import { waitingOverDayChart } from './waiting-over-day.js';

export type { Chart, ChartBuilder } from './chart.js';

export const chartBuilders: readonly ChartBuilder[] = [
  utilisationChart,
  waitingOverDayChart,
  waitDistributionChart,
  lossesChart,
  perceivedWaitChart,
  satisfactionZonesChart,
  moneyChart,
  reservationsChart,
];

/** The charts whose data the results hold. */
export function chartsFor(summary: RunSummary): Chart[] {
  return chartBuilders.map((build) => build(summary)).filter((chart): chart is Chart => chart !== undefined);
}
