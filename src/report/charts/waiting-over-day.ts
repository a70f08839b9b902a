/**
 * Number waiting at each station over the day: the mean over replications with its 95% band,
 * against the servers on duty as a step line (from the schedule when the results give it,
 * else from the series itself). One panel per station.
 */
import type { RunSummary } from '../../metrics/summarise.js';
import { chart, timeUnit, type Chart } from './chart.js';

const waitingLabel = 'waiting (mean, 95% band)';
/** With one replication there is no band. */
const waitingAloneLabel = 'waiting (mean)';
const serversLabel = 'servers on duty';

interface Row {
  station: string;
  series: string;
  time: number;
  mean?: number;
  lo?: number;
  hi?: number;
  servers?: number;
}

/** Step points of the scheduled servers: one at each period start, one at the last end. */
function scheduleRows(summary: RunSummary, station: string): Row[] | undefined {
  const entries = summary.schedule?.[station];
  if (!entries || entries.length === 0) return undefined;
  const sorted = [...entries].sort((a, b) => a.start - b.start);
  const last = sorted[sorted.length - 1]!;
  return [
    ...sorted.map((e) => ({ station, series: serversLabel, time: e.start, servers: e.servers })),
    { station, series: serversLabel, time: last.end, servers: last.servers },
  ];
}

export function waitingOverDayChart(summary: RunSummary): Chart | undefined {
  const series = summary.series;
  if (!series || series.time.length === 0 || Object.keys(series.stations).length === 0) return undefined;
  const stations = Object.keys(series.stations);
  // A band needs two replications or more; with one, the series is drawn alone and says so.
  const banded = summary.replications >= 2;
  const waiting = banded ? waitingLabel : waitingAloneLabel;
  const rows: Row[] = stations.flatMap((station) => {
    const { waiting: counts, servers } = series.stations[station]!;
    const band: Row[] = series.time.map((time, i) => ({
      station,
      series: waiting,
      time,
      mean: counts.mean[i]!,
      ...(banded ? { lo: Math.max(0, counts.lo[i]!), hi: counts.hi[i]! } : {}), // a count: its band is cut at 0, as the tables cut CIs
    }));
    const steps = scheduleRows(summary, station) ?? series.time.map((time, i): Row => ({ station, series: serversLabel, time, servers: servers[i]! }));
    return [...band, ...steps];
  });
  const units = timeUnit(summary);
  const x = { field: 'time', type: 'quantitative', title: `time from opening (${units})`, scale: { nice: false } };
  const color = { field: 'series', type: 'nominal', title: null, scale: { domain: [waiting, serversLabel], range: ['#4c78a8', '#222'] } };
  // The same field and title as the colour, so the one legend shows the servers' line dashed, as drawn.
  const dash = { field: 'series', type: 'nominal', title: null, scale: { domain: [waiting, serversLabel], range: [[1, 0], [5, 3]] } };
  const only = (label: string) => [{ filter: { field: 'series', equal: label } }];
  return chart(
    'waiting-over-day',
    'Number waiting over the day, against the servers on duty',
    banded
      ? 'The blue line is the mean number waiting at each time over the replications, the shaded band its 95% confidence band; the black steps are the servers on duty. Waiting climbs where demand outruns the servers.'
      : 'The blue line is the number waiting at each time in the one replication run; the black steps are the servers on duty. Waiting climbs where demand outruns the servers.',
    {
      data: { values: rows },
      // One panel per station, each with its own y (a station of 20 tables beside one of 2
      // tills); panels rather than a facet so compare can give each station's panel one
      // domain in every variant (shared-scales.ts).
      vconcat: stations.map((station) => ({
        title: { text: station, anchor: 'start', fontSize: 13, fontWeight: 'normal' },
        transform: [{ filter: { field: 'station', equal: station } }],
        width: 520,
        height: 150,
        layer: [
          ...(banded
            ? [
                {
                  transform: only(waiting),
                  mark: { type: 'area', opacity: 0.25, color: '#4c78a8' },
                  encoding: { x, y: { field: 'lo', type: 'quantitative', title: 'customers / servers' }, y2: { field: 'hi' } },
                },
              ]
            : []),
          {
            transform: only(waiting),
            mark: { type: 'line', strokeWidth: 2 },
            encoding: {
              x,
              y: { field: 'mean', type: 'quantitative', title: 'customers / servers' },
              color,
              strokeDash: dash,
              tooltip: [
                { field: 'time', title: `time (${units})`, format: ',.4~g' },
                { field: 'mean', title: banded ? 'mean waiting' : 'waiting', format: ',.3~g' },
                ...(banded ? [{ field: 'lo', title: '95% band from', format: ',.3~g' }, { field: 'hi', title: '95% band to', format: ',.3~g' }] : []),
              ],
            },
          },
          {
            transform: only(serversLabel),
            mark: { type: 'line', interpolate: 'step-after', strokeWidth: 1.5 },
            encoding: { x, y: { field: 'servers', type: 'quantitative' }, color, strokeDash: dash },
          },
        ],
      })),
      resolve: { scale: { x: 'shared', y: 'independent' } },
    },
  );
}
