/**
 * `queuesim staff base.yaml --target "waitP80<=5" [--target ...] [--station id]`: the fewest
 * servers per period and station meeting every target in simulation (run/staff.ts). Prints
 * the plan, its staff time against peak staffing, the achieved metrics beside the analytic
 * baseline, and the search; writes out/<slug>/ (staff.json, staffing.csv, staffed.yaml,
 * summary.json of the final plan, report.html and charts/).
 */
import { join } from 'node:path';
import { stringify } from 'yaml';
import { analyticBaseline } from '../baseline/baseline.js';
import type { Model } from '../model/model.js';
import type { ReservationsConfig } from '../reservations/config.js';
import type { Runner } from '../run/runner.js';
import { interruptedAfterWriting, withWorkers } from './workers.js';
import type { Interruption } from './interrupt.js';
import { RunInterrupted } from '../run/pool.js';
import { SHARD_VARIABLES } from '../run/shard.js';
import { ownedServers, staff, withStaffing, type StaffResult } from '../run/staff.js';
import { staffTime } from '../run/staff-time.js';
import { checkTarget, checkTargetAt, parseTarget, type Target } from '../run/targets.js';
import { csvField } from '../run/csv.js';
import { hint } from '../scenario/problems.js';
import { outputFolderReady, slugOf, writeResultFolder } from './output.js';
import { ProgressBar } from './progress.js';
import { reportProblems } from './scenario-files.js';
import { loadScenarioData } from './scenario-texts.js';
import { noVariationNote, renderStaffing } from './staff-table.js';
import { usageError } from './usage.js';

export interface StaffCommandOptions {
  target?: string[];
  station?: string[];
  start?: string;
  maxEvaluations?: number;
  name?: string;
  reps?: number;
  seed?: number;
  out: string;
  json?: boolean;
  quiet?: boolean;
  report?: boolean;
  /** Worker threads; default: every core. */
  workers?: number;
}

function staffingCsv(result: StaffResult): string {
  const header = ['station', 'period', 'start', 'end', 'sipp', 'lagSipp', 'servers', ...result.targets.flatMap((t) => [`${t}:mean`, `${t}:ci95Lo`, `${t}:ci95Hi`, `${t}:met`])];
  const number = (v: number | null | undefined) => (v === null || v === undefined || !Number.isFinite(v) ? '' : String(v));
  const rows = result.stations.flatMap((station, k) =>
    result.periods.map((period, p) => {
      const achieved = result.targets.flatMap((t) => {
        const a = result.achieved.find((x) => x.station === station && x.period === period.name && x.target === t)!;
        return [number(a.estimate?.mean), number(a.estimate?.ci95?.[0]), number(a.estimate?.ci95?.[1]), a.met === null ? '' : String(a.met)];
      });
      return [station, period.name, String(period.start), String(period.end), String(result.sipp[k]![p]), String(result.lagSipp[k]![p]), String(result.servers[k]![p]), ...achieved].map(csvField).join(',');
    }),
  );
  return [header.map(csvField).join(','), ...rows].join('\n') + '\n';
}

/** A path as one word for a POSIX shell: as it is when plain, else in single quotes. */
function shellWord(text: string): string {
  return /^[\w./:@%+=,-]+$/.test(text) ? text : `'${text.replaceAll("'", `'\\''`)}'`;
}

/** Periods the search stopped raising, and why, in words. */
function beyondText(periods: readonly string[]): string {
  return `a server more, in the period and then in each later one, changed nothing of the targets missed at ${periods.join(', ')}, so the search stopped raising for ${periods.length === 1 ? 'it' : 'them'}: something else sets those metrics there (the demand bounds served); ease those targets`;
}

/**
 * The comment atop staffed.yaml. A search that stopped before every target was met leaves the
 * staffing it had reached, which is no plan: the file says so, and where it misses.
 */
function staffedHeader(file: string, result: StaffResult): string {
  const ran = `seed ${result.seed} and ${result.replications} replications as the search ran`;
  if (result.converged) return `# ${file} with the staffing found by queuesim staff (${result.targets.join(', ')}), ${ran}`;
  const missed = result.achieved.filter((a) => a.met === false).map((a) => `${a.target} at ${a.station} ${a.period}`);
  return [
    `# ${file} with the staffing queuesim staff had reached when it stopped, ${ran}.`,
    `# NOT A PLAN: it misses ${missed.join(', ')} (targets ${result.targets.join(', ')}); see staff.json.`,
  ].join('\n');
}

function staffJson(title: string, result: StaffResult): string {
  const { summary: _s, model, ...rest } = result;
  return JSON.stringify({ name: title, scenario: model.name, ...(model.warmup > 0 ? { warmup: model.warmup } : {}), ...rest, staffTime: staffTime(result, model.unit) }, null, 2) + '\n';
}

export async function staffCommand(file: string, options: StaffCommandOptions): Promise<number> {
  // --shard and --shards are refused by the option parser; the environment's count is not an option.
  if (process.env[SHARD_VARIABLES.count]) {
    process.stderr.write(`error: staff cannot run as shards (${SHARD_VARIABLES.count} is set): each step of its search depends on the last. Unset it, or shard a compare or sweep instead.\n`);
    return 2;
  }
  return withWorkers(options.workers, (runner, interruption) => staffWith(runner, file, options, interruption));
}

async function staffWith(runner: Runner, file: string, options: StaffCommandOptions, interruption: Interruption): Promise<number> {
  const targetTexts = options.target ?? [];
  if (targetTexts.length === 0) return usage('give at least one --target, e.g. --target "waitP80<=5" (80% served within 5 time units).');
  const start = options.start ?? 'sipp';
  if (start !== 'sipp' && start !== 'lag-sipp') return usage(`--start must be sipp or lag-sipp, got "${start}".`);
  const base = await loadScenarioData(file);
  if (!base.ok) {
    reportProblems(base.problems);
    return 2;
  }
  const targets: Target[] = [];
  for (const text of targetTexts) {
    const parsed = parseTarget(text);
    if (!parsed.ok) return usage(`--target ${parsed.message}`);
    const problem = checkTarget(parsed.value, base.model);
    if (problem !== undefined) return usage(`--target ${problem}`);
    targets.push(parsed.value);
  }
  const ids = base.model.stations.map((s) => s.id);
  // A station named twice is staffed once.
  const requested = options.station === undefined ? undefined : [...new Set(options.station)];
  // Stations whose servers a lever owns (seating's tables) keep them.
  const owned = ownedServers(base.model);
  const ownedIds = [...owned.keys()];
  const notStaffed = (station: string) => `${station} has ${owned.get(station)}, which staff does not change`;
  for (const station of requested ?? []) {
    if (!ids.includes(station)) return usage(`--station "${station}" is not a station of ${file}${hint(station, ids)}; it has ${ids.join(', ')}.`);
    if (owned.has(station)) return usage(`--station ${notStaffed(station)}.`);
  }
  if (requested === undefined && ownedIds.length === ids.length) return usage(`no station of ${file} can be staffed: ${ownedIds.map(notStaffed).join('; ')}.`);
  if (requested === undefined && ownedIds.length > 0) process.stderr.write(`note: ${ownedIds.map(notStaffed).join('; ')}: staffing the other stations.\n`);
  const toStaff = requested ?? ids.filter((id) => !owned.has(id));
  for (const target of targets) {
    for (const id of toStaff) {
      const problem = checkTargetAt(target, base.model, ids.indexOf(id));
      if (problem !== undefined) return usage(`--target ${problem}.`);
    }
  }
  const booked = bookedByServers(base.model);
  if (booked !== undefined && toStaff.includes(booked)) {
    process.stderr.write(
      `note: the slots booked at ${booked} take its servers as their capacity (reservations.slots.capacity is not given): a plan with other servers also takes other bookings; give slots.capacity to keep the bookings as they are.\n`,
    );
  }
  const replications = options.reps ?? base.model.replications;
  if (replications < 2) {
    return usage(`staff needs at least 2 replications per evaluation, got ${replications}${options.reps === undefined ? ` (replications in ${file})` : ''}: a target is met only where the whole 95% CI lies on its right side, and one replication has no CI. Give --reps 2 or more.`);
  }
  const title = options.name ?? `Staff ${base.model.name}`;
  if (!(await outputFolderReady(options.out, 'run', [slugOf(title)]))) return 2;
  const maxEvaluations = options.maxEvaluations ?? 60;
  const progress = new ProgressBar(`evaluations · ${title}`, { enabled: !options.quiet && !options.json, atMost: true });
  let result: StaffResult;
  try {
    result = await staff(base.data, base.model, targets, {
      stations: requested,
      start,
      seed: options.seed,
      replications: options.reps,
      maxEvaluations,
      runner,
      onEvaluation: (n) => progress.update(n, maxEvaluations),
    });
  } finally {
    progress.done();
  }
  if (interruption.signal.aborted) throw new RunInterrupted(); // before the report, which takes a while
  const stationIndices = result.stations.map((id) => ids.indexOf(id));
  // With the seed and replications the search ran, so that `queuesim run staffed.yaml` gives the plan's results;
  // named apart, so that its results go to a folder of their own, not over the scenario's.
  const staffed = {
    ...(withStaffing(base.data, base.model, stationIndices, result.servers) as Record<string, unknown>),
    name: base.model.name.endsWith(' (staffed)') ? base.model.name : `${base.model.name} (staffed)`, // a plan staffed again keeps one mark
    seed: result.seed,
    replications: result.replications,
  };
  let report = {};
  if (options.report !== false) {
    const reportModule = await import('../report/index.js');
    const { staffingSection } = await import('../report/staff-section.js');
    report = await reportModule.buildReport(result.summary, { sections: [staffingSection(result), reportModule.baselineSection(analyticBaseline(result.model), result.summary)] });
  }
  const json = staffJson(title, result);
  // Quoted as YAML 1.1 would need ("09:00" is a number there): the file reads the same in any YAML reader.
  const folder = await writeResultFolder(options.out, slugOf(title), {
    'staff.json': json,
    'staffing.csv': staffingCsv(result),
    'staffed.yaml': `${staffedHeader(file, result)}\n${stringify(staffed, { version: '1.1' })}`,
    'summary.json': JSON.stringify(result.summary, null, 2) + '\n',
    ...report,
  }, interruption);
  const stopped = interruptedAfterWriting(interruption, folder);
  if (stopped !== undefined) return stopped;
  if (options.json) process.stdout.write(json);
  else if (!options.quiet) {
    const reportLine = 'report.html' in report ? `Report:  ${join(folder, 'report.html')}\n` : '';
    // The search kept what passed on its own numbers: the plan is worth a run on others.
    const other = result.seed < Number.MAX_SAFE_INTEGER ? result.seed + 1 : result.seed - 1;
    // Its results beside the search's, where --out put them.
    const out = options.out === 'out' ? '' : ` --out ${shellWord(options.out)}`;
    const check = result.converged ? `Check it on other random numbers: queuesim run ${shellWord(join(folder, 'staffed.yaml'))} --seed ${other} --reps ${2 * result.replications}${out}\n` : '';
    process.stdout.write(`${renderStaffing(result, title)}\n\nWritten: ${folder}/staff.json, staffing.csv, staffed.yaml, summary.json\n${reportLine}${check}`);
  }
  const flat = noVariationNote(result);
  if (flat !== undefined && !options.quiet && !options.json) process.stderr.write(`note: ${flat}\n`);
  if (result.converged) {
    if (result.untried.length > 0) {
      process.stderr.write(`note: ${result.untried.join(', ')} could not be tried with fewer servers: a target's metric there has no CI (defined in fewer than 2 replications), so fewer servers may do (give more --reps).\n`);
    }
    if (result.cutShort) {
      process.stderr.write(`note: stopped after ${maxEvaluations} evaluation${maxEvaluations === 1 ? '' : 's'} before it had tried lowering every period: every target is met, but fewer servers may do (raise --max-evaluations).\n`);
    }
    return 0;
  }
  // The search is written (how far it got), but the plan is not an answer: a script must see that.
  if (result.stoppedBy === 'beyondReach') {
    process.stderr.write(`error: ${beyondText(result.beyondReach)}; the search so far is in ${folder}.\n`);
    return 1;
  }
  if (result.beyondReach.length > 0) process.stderr.write(`note: ${beyondText(result.beyondReach)}.\n`);
  process.stderr.write(`error: stopped after ${maxEvaluations} evaluation${maxEvaluations === 1 ? '' : 's'} before every target was met (raise --max-evaluations, or ease the targets); the search so far is in ${folder}.\n`);
  return 1;
}

/** The booked station, when its slots' capacity follows its servers (no slots.capacity). */
function bookedByServers(model: Model): string | undefined {
  const reservations = model.levers.reservations as ReservationsConfig | undefined;
  return reservations?.capacityFromServers ? model.stations[reservations.station]!.id : undefined;
}

function usage(message: string): number {
  return usageError('staff', message);
}
