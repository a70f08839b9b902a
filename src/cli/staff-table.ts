/**
 * The staffing in the terminal: the plan per station and period (the Erlang starts and the
 * simulation-corrected plan), its staff time against peak staffing all day, the achieved
 * metric of every target with its CI beside the analytic baseline, and the search's steps.
 */
import { baselineFor } from '../baseline/baseline.js';
import { formulaLabel } from '../baseline/compare.js';
import { boundsOf, kindOf } from '../metrics/catalogue.js';
import { FewerMarks, fewerNote, formatEstimate, formatLike, periodWithWarmUp } from '../metrics/format.js';
import { warmUpNote, type StaffResult } from '../run/staff.js';
import { parseTarget } from '../run/targets.js';
import { staffTime, staffTimeText } from '../run/staff-time.js';
import { renderTable } from './format.js';

/** How the search ended, when it did not run to its end. */
function stopNote(result: StaffResult): string {
  if (result.stoppedBy === 'beyondReach') return ` — STOPPED: servers changed nothing of the targets missed at ${result.beyondReach.join(', ')}`;
  if (!result.converged) return ' — STOPPED before every target was met (raise --max-evaluations)';
  if (result.complete) return '';
  const notes = [
    ...(result.cutShort ? ['stopped before it had tried lowering every period: every target is met, but fewer servers may do (raise --max-evaluations)'] : []),
    ...(result.untried.length > 0 ? [`not tried with fewer servers (no CI there; give more --reps): ${result.untried.join(', ')}`] : []),
  ];
  return ` — ${notes.join('; ')}`;
}

export function renderStaffing(result: StaffResult, title: string): string {
  const { periods, stations } = result;
  const time = staffTime(result, result.model.unit);
  const evaluations = result.steps.at(-1)?.evaluation ?? 0;
  const lines = [
    title,
    `targets ${result.targets.join(', ')} at ${stations.join(', ')}, each period · ${result.replications} replications per evaluation · seed ${result.seed} · common random numbers`,
    `start: ${result.start === 'sipp' ? 'SIPP' : 'lag-SIPP'} (each period as a stationary Erlang queue), corrected by simulation in ${evaluations} evaluation${evaluations === 1 ? '' : 's'}${stopNote(result)}`,
    '',
  ];
  stations.forEach((station, k) => {
    const header = [station, ...periods.map((p) => p.name)];
    lines.push(
      renderTable(
        [header, ['SIPP', ...result.sipp[k]!.map(String)], ['lag-SIPP', ...result.lagSipp[k]!.map(String)], ['simulated', ...result.servers[k]!.map(String)]],
        header.map((_, i) => (i === 0 ? 'left' : 'right')),
      ),
      '',
    );
  });
  lines.push(staffTimeText(time), '');

  const metrics = [...new Set(result.targets.map((t) => t.split(/<=|>=/)[0]!))];
  const header = ['Station', 'period', 'servers', ...metrics.map((m) => `${m} (simulated)`), 'met', 'formula', ...metrics.map((m) => `${m} (formula)`)];
  const marks = new FewerMarks(result.replications);
  const body = stations.flatMap((station, k) => {
    const index = result.model.stations.findIndex((s) => s.id === station);
    return periods.map((period, p) => {
      const simulated = result.summary.periods?.[period.name]?.stations[station];
      const achieved = result.achieved.filter((a) => a.station === station && a.period === period.name);
      const baseline = baselineFor(result.model, index, p);
      return [
        station,
        periodWithWarmUp(period.name, period, result.model.warmup),
        String(result.servers[k]![p]),
        ...metrics.map((m) => {
          const { mean, half } = formatEstimate(simulated?.[m], kindOf(m), boundsOf(m));
          return mean + half + marks.of(simulated?.[m]);
        }),
        achieved.some((a) => a.met === null) ? 'not measured' : achieved.every((a) => a.met) ? 'yes' : 'NO',
        baseline.model ? formulaLabel(baseline) : '—',
        ...metrics.map((m) => formatLike(baseline.metrics[m], kindOf(m), simulated?.[m])),
      ];
    });
  });
  lines.push(
    'Achieved, simulated (mean ±95% CI half-width; met: the whole CI meets every target), beside the analytic baseline (stationary formula, an approximation):',
    renderTable([header, ...body], header.map((_, i) => (i < 2 || i === 3 + metrics.length || i === 4 + metrics.length ? 'left' : 'right')), { labels: 2 }), // station and period
    ...(marks.any ? [fewerNote] : []),
    ...[warmUpNote(result)].filter((note) => note !== undefined),
    '',
    'Search:',
    renderTable(
      [['evaluation', ...stations.map((s) => `${s} servers`), 'periods missing', 'step'], ...result.steps.map((s) => [String(s.evaluation), ...s.servers.map((row) => row.join(' ')), String(s.misses), s.action])],
      ['right', ...stations.map(() => 'left' as const), 'right', 'left'],
    ),
  );
  return lines.join('\n');
}

/**
 * Targets met where every replication gave the same value: the CI has no width, which is no
 * evidence when the value could vary (no customer of 30 gave up in any of 4 days, so a loss
 * target of 0.1% "holds"). Said once per target and value, naming the station periods;
 * undefined when there are none.
 */
export function noVariationNote(result: StaffResult): string | undefined {
  const groups = new Map<string, { target: string; value: string; where: string[]; n: number | undefined }>();
  for (const row of result.achieved) {
    const ci = row.estimate?.ci95;
    if (!row.met || !ci || ci[0] !== ci[1] || row.estimate?.mean === null || row.estimate?.mean === undefined) continue;
    const parsed = parseTarget(row.target);
    const metric = parsed.ok ? parsed.value.metric : row.target;
    const value = formatEstimate(row.estimate, kindOf(metric), boundsOf(metric)).mean;
    // Defined in only n of the replications (a mean wait where some lost everyone): the same value in each of those n.
    const n = row.estimate?.n;
    const key = `${row.target}\u0000${value}\u0000${n ?? ''}`;
    const group = groups.get(key) ?? { target: row.target, value, where: [], n };
    group.where.push(`${row.station} ${row.period}`);
    groups.set(key, group);
  }
  if (groups.size === 0) return undefined;
  const parts = [...groups.values()].map((g) =>
    g.n === undefined ? `${g.target} at ${g.where.join(', ')} (${g.value} in every one)` : `${g.target} at ${g.where.join(', ')} (${g.value} in each of the ${g.n} where it is defined)`,
  );
  const every = [...groups.values()].some((g) => g.n !== undefined) ? 'every replication that has it' : 'every replication';
  return `met with the same value in ${every}, so with a CI of no width: ${parts.join('; ')}. Where the model lets that vary, it is chance of ${result.replications} replications: more --reps will show it.`;
}
