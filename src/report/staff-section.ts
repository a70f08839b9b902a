/**
 * The staffing in the report: the plan per station and period (SIPP, lag-SIPP, and the
 * simulation-corrected plan), and each target's simulated value with its CI, met or not.
 */
import { boundsOf, kindOf } from '../metrics/catalogue.js';
import { formatEstimate, periodWithWarmUp } from '../metrics/format.js';
import { warmUpNote, type StaffResult } from '../run/staff.js';
import { staffTime, staffTimeText } from '../run/staff-time.js';
import { html, type Markup } from './markup.js';

/** How the search ended, when it did not run to its end. */
function stopText(result: StaffResult): string {
  if (result.stoppedBy === 'beyondReach') return `; stopped: servers, in the period and in each later one, changed nothing of the targets missed at ${result.beyondReach.join(', ')}, where something else sets those metrics`;
  if (!result.converged) return '; stopped before every target was met';
  if (result.complete) return '';
  const cut = result.cutShort ? '; stopped before it had tried lowering every period' : '';
  const untried = result.untried.length > 0 ? `; ${result.untried.join(', ')} could not be tried with fewer servers (a target's metric there has no CI)` : '';
  return `${cut}${untried}, so fewer servers may do`;
}

export function staffingSection(result: StaffResult): Markup {
  const time = staffTime(result, result.model.unit);
  const plans = result.stations.map(
    (station, k) => html`<div class="table"><table class="staffing">
<thead><tr><th scope="col">${station}</th>${result.periods.map((p) => html`<th scope="col">${p.name}</th>`)}</tr></thead>
<tbody>
<tr><th scope="row">SIPP</th>${result.sipp[k]!.map((n) => html`<td>${n}</td>`)}</tr>
<tr><th scope="row">lag-SIPP</th>${result.lagSipp[k]!.map((n) => html`<td>${n}</td>`)}</tr>
<tr><th scope="row">simulated</th>${result.servers[k]!.map((n) => html`<td><strong>${n}</strong></td>`)}</tr>
</tbody></table></div>`,
  );
  const rows = result.achieved.map((a) => {
    const metric = a.target.split(/<=|>=/)[0]!;
    const { mean, interval } = formatEstimate(a.estimate, kindOf(metric), boundsOf(metric));
    const label = periodWithWarmUp(a.period, result.periods.find((p) => p.name === a.period)!, result.model.warmup);
    const verdict = a.met === null ? 'not measured' : a.met ? 'met' : 'missed';
    return html`<tr><th scope="row">${a.station}</th><td>${label}</td><td>${a.target}</td><td>${mean}<small>${interval}</small></td><td>${verdict}</td></tr>\n`;
  });
  const note = warmUpNote(result);
  return html`<section id="staffing"><h2>Staffing</h2>
<p>The fewest servers per period found by simulation, starting from ${result.start === 'sipp' ? 'SIPP' : 'lag-SIPP'} (each period as a stationary Erlang queue) and correcting where a target was missed or met with room to spare; a target is met where the whole 95% CI of the simulated metric lies on its right side (${result.steps.length} evaluations on common random numbers${stopText(result)}). This report shows the final plan.</p>
${plans}
<p>${staffTimeText(time)}.</p>
<div class="table"><table class="achieved"><thead><tr><th scope="col">station</th><th scope="col">period</th><th scope="col">target</th><th scope="col">simulated</th><th scope="col">met</th></tr></thead>
<tbody>${rows}</tbody></table></div>
${note === undefined ? '' : html`<p>${note}</p>`}
</section>`;
}
