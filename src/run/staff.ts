/**
 * The fewest servers per period and station that meet every target in simulation. It starts
 * from the period-by-period Erlang staffing (SIPP or lag-SIPP, staff-start.ts) and corrects it
 * by simulation, in the spirit of the iterative staffing algorithm (ISA; Feldman, Mandelbaum,
 * Massey & Whitt 2008 [S], models.md §6.4): simulate the current staffing, correct it where
 * the simulation and the target disagree, repeat until nothing changes. The rule is ours [A]:
 *
 *   raise    every period that misses a target gets one more server, all at once, until every
 *            target is met everywhere (lines carry over between periods, so SIPP under-staffs
 *            the period after a peak and over-staffs the one after a lull);
 *   lower    then one period at a time, the one met with the widest margin first, loses a
 *            server; the change is kept if every target is still met everywhere, else undone
 *            and that period left alone.
 *
 * A target is met where its whole 95% CI lies on the right side of it (targets.ts, `meets`):
 * a plan met only on the mean would miss about half the time on fresh random numbers where
 * its mean sits just inside the target. Every evaluation runs the same seed and replication
 * numbers (common random numbers), so two staffings are compared on the same simulated
 * demand. The result: every period meets every target with confidence, and no period can
 * lose a server and still do so.
 */
import { activeLevers } from '../levers/registry.js';
import type { MetricSummary, RunSummary } from '../metrics/summarise.js';
import type { Model } from '../model/model.js';
import { validateScenario } from '../scenario/load.js';
import type { KeyPath } from '../scenario/problems.js';
import { sequentialRunner, type Runner } from './runner.js';
import { naming } from './settle.js';
import { startStaffing } from './staff-start.js';
import { meets, meetsWithMargin, type Target } from './targets.js';

export interface StaffOptions {
  /** Station ids to staff (default all). */
  stations?: readonly string[];
  start?: 'sipp' | 'lag-sipp';
  seed?: number;
  replications?: number;
  /** Simulations at most (default 60). */
  maxEvaluations?: number;
  runner?: Runner;
  onEvaluation?: (evaluation: number) => void;
}

export interface StaffStep {
  evaluation: number;
  /** servers[station][period] of the staffed stations. */
  servers: number[][];
  /** (station, period) pairs missing some target. */
  misses: number;
  /** What the step did next: "start (sipp)", "raise 3", "lower counter 10:00 (kept)". */
  action: string;
}

export interface AchievedTarget {
  station: string;
  period: string;
  target: string;
  estimate: MetricSummary | undefined;
  /** null where the period lies wholly in the warm-up: nobody arriving then is counted, so nothing is measured. */
  met: boolean | null;
}

export interface StaffResult {
  stations: string[];
  periods: { name: string; start: number; end: number }[];
  targets: string[];
  start: 'sipp' | 'lag-sipp';
  sipp: number[][];
  lagSipp: number[][];
  servers: number[][];
  /** Every target met everywhere at the end. */
  converged: boolean;
  /**
   * The search ran to its end: every target met, and no period left that might lose a
   * server. False when maxEvaluations stopped it first, or when periods were never tried
   * (`untried`): then fewer servers may still do.
   */
  complete: boolean;
  /** maxEvaluations stopped the search while it was still lowering servers (every target met). */
  cutShort: boolean;
  /**
   * "station period" of each period the search could not try with a server less: a target's
   * metric there has no CI (it was defined in fewer than two replications).
   */
  untried: string[];
  /**
   * "station period" of each period still missing a target where a server more, in that
   * period and then in each later one, left every target it missed exactly as it was, so the
   * search stopped raising for it: something else sets those metrics there (the demand, for
   * served near the period's arrivals). converged is false.
   */
  beyondReach: string[];
  /**
   * Why a search that did not converge stopped: 'evaluations' (maxEvaluations, with periods
   * it could still raise) or 'beyondReach' (every period still missing is in beyondReach).
   */
  stoppedBy?: 'evaluations' | 'beyondReach';
  steps: StaffStep[];
  achieved: AchievedTarget[];
  /** The final staffing's results and model. */
  summary: RunSummary;
  model: Model;
  seed: number;
  replications: number;
}

/**
 * A staffing the search tried makes the scenario invalid (booked slots that take the servers
 * as their capacity, with a booking limit no count of bookings reaches at that capacity):
 * a problem of the scenario at `path`, named by the staffing (`what`), not a bug.
 */
export class StaffingInvalid extends Error {
  constructor(
    readonly what: string,
    readonly path: KeyPath,
    message: string,
  ) {
    super(message);
    this.name = 'StaffingInvalid';
  }
}

const copy = (servers: number[][]) => servers.map((row) => [...row]);

/** Scenario data with the staffed stations' servers replaced, period by period. */
export function withStaffing(data: unknown, model: Model, stations: readonly number[], servers: readonly number[][]): unknown {
  const out = structuredClone(data) as { stations: Record<string, unknown>[] };
  const named = model.periods.length > 1 || (model.periods[0]?.name ?? 'all') !== 'all';
  stations.forEach((station, k) => {
    const row = servers[k]!;
    out.stations[station]!.servers = named ? Object.fromEntries(model.periods.map((p, i) => [p.name, row[i]!])) : row[0]!;
  });
  return out;
}

/** Stations whose servers a lever owns (seating's tables), by id, with what they are: staffing does not change them. */
export function ownedServers(model: Model): Map<string, string> {
  const owned = new Map<string, string>();
  for (const lever of activeLevers(model)) {
    for (const { station, what } of lever.ownedServers?.(model.levers[lever.name], model) ?? []) owned.set(model.stations[station]!.id, what);
  }
  return owned;
}

export async function staff(data: unknown, model: Model, targets: readonly Target[], options: StaffOptions = {}): Promise<StaffResult> {
  const owned = ownedServers(model);
  const ids = [...new Set(options.stations ?? model.stations.map((s) => s.id).filter((id) => !owned.has(id)))];
  const stations = ids.map((id) => model.stations.findIndex((s) => s.id === id));
  if (stations.some((i) => i < 0)) throw new Error(`unknown station in ${ids.join(', ')}`);
  if (ids.some((id) => owned.has(id))) throw new Error(`stations whose servers a lever owns cannot be staffed: ${ids.filter((id) => owned.has(id)).map((id) => `${id} (${owned.get(id)})`).join(', ')}`);
  if (ids.length === 0) throw new Error('no station to staff: a lever owns the servers of every station');
  const starts = stations.map((i) => startStaffing(model, i, targets));
  const start = options.start ?? 'sipp';
  const seed = options.seed ?? model.seed;
  const replications = options.replications ?? model.replications;
  // Lowering needs a CI on the right side of every target; one replication has none.
  if (replications < 2) throw new Error(`staff needs at least 2 replications per evaluation, got ${replications}`);
  const maxEvaluations = options.maxEvaluations ?? 60;
  const runner = options.runner ?? sequentialRunner;
  const periods = model.periods.map((p) => ({ name: p.name, start: p.start, end: p.end }));

  let evaluations = 0;
  const evaluate = async (servers: number[][]) => {
    const tried = stations.map((station, k) => `${model.stations[station]!.id} ${servers[k]!.join('/')}`).join(', ');
    const loaded = validateScenario(withStaffing(data, model, stations, servers));
    if (!loaded.ok) {
      const [first, ...others] = loaded.problems;
      throw new StaffingInvalid(`the staffing tried (${tried})`, first!.path, `${first!.message}${others.length > 0 ? ` (and ${others.length} more problem${others.length === 1 ? '' : 's'})` : ''}`);
    }
    evaluations++;
    options.onEvaluation?.(evaluations);
    const { summary } = await naming(`the staffing tried (${tried})`, () => runner(loaded.model, { seed, replications }));
    return { summary, model: loaded.model };
  };
  const estimateAt = (summary: RunSummary, k: number, p: number, metric: string) =>
    summary.periods?.[periods[p]!.name]?.stations[model.stations[stations[k]!]!.id]?.[metric];
  /** Whether any customer reached the station in the period (in any replication). */
  const reachedAt = (summary: RunSummary, k: number, p: number) => (estimateAt(summary, k, p, 'arrivals')?.mean ?? 0) > 0;
  const meetsAt = (t: Target, summary: RunSummary, k: number, p: number) => meets(t, estimateAt(summary, k, p, t.metric), reachedAt(summary, k, p));
  const missing = (summary: RunSummary) => {
    const out: [number, number][] = [];
    stations.forEach((_, k) => periods.forEach((__, p) => {
      if (targets.some((t) => !meetsAt(t, summary, k, p))) out.push([k, p]);
    }));
    return out;
  };
  /** Smallest relative distance of the CI from any target: how much room a period has. */
  const margin = (summary: RunSummary, k: number, p: number) =>
    Math.min(
      ...targets.map((t) => {
        const e = estimateAt(summary, k, p, t.metric);
        if (!meetsWithMargin(t, e, reachedAt(summary, k, p))) return -Infinity;
        if (e?.ci95 == null) return Infinity;
        const room = t.atMost ? t.value - e.ci95[1] : e.ci95[0] - t.value;
        return room / Math.max(Math.abs(t.value), 1e-9);
      }),
    );

  let servers = copy(start === 'sipp' ? starts.map((s) => s.sipp) : starts.map((s) => s.lagSipp));
  const steps: StaffStep[] = [];
  let current = await evaluate(servers);
  let misses = missing(current.summary);
  steps.push({ evaluation: evaluations, servers: copy(servers), misses: misses.length, action: `start (${start})` });

  // Raise: every missing period at once, until all targets are met. Metrics are counted by
  // the period a customer arrived in, and at a station later on the route those customers may
  // wait in a later period: where a server more left a period's missed metrics exactly as they
  // were (on common random numbers "did not move" is exact), its misses raise the next period
  // from then on, and so on to the end of the day. A period nothing moves is beyond reach
  // (the demand bounds served): it is not raised again. A server that moved nothing it was
  // added for is taken back.
  const beyond = new Set<string>();
  /** How many periods later than its own a missing period's server goes. */
  const later = new Map<string, number>();
  /** Servers taken back after the last evaluation (they moved nothing): `current` is then of one staffing before. */
  let takenBack: [number, number][] = [];
  for (;;) {
    while (misses.length > 0 && evaluations < maxEvaluations) {
      const raising = misses.filter(([k, p]) => !beyond.has(`${k}:${p}`));
      if (raising.length === 0) break;
      const before = current.summary;
      /** Each period raised, and the missing periods it was raised for. */
      const raised = new Map<string, { k: number; q: number; for: string[] }>();
      for (const [k, p] of raising) {
        const q = p + (later.get(`${k}:${p}`) ?? 0);
        const entry = raised.get(`${k}:${q}`) ?? { k, q, for: [] };
        if (entry.for.length === 0) servers[k]![q]!++;
        entry.for.push(`${k}:${p}`);
        raised.set(`${k}:${q}`, entry);
      }
      current = await evaluate(servers);
      takenBack = [];
      misses = missing(current.summary);
      const unmoved = new Set<string>();
      for (const [k, p] of raising) {
        const missed = targets.filter((t) => !meetsAt(t, current.summary, k, p));
        if (missed.length === 0 || !missed.every((t) => sameEstimate(estimateAt(before, k, p, t.metric), estimateAt(current.summary, k, p, t.metric)))) continue;
        unmoved.add(`${k}:${p}`);
        const next = (later.get(`${k}:${p}`) ?? 0) + 1;
        if (p + next < periods.length) later.set(`${k}:${p}`, next);
        else beyond.add(`${k}:${p}`);
      }
      steps.push({ evaluation: evaluations, servers: copy(servers), misses: misses.length, action: `raised ${misses.length === 0 ? 'to meet every target' : 'where missed'}` });
      // A server that moved nothing it was added for goes again (the next evaluation includes that).
      for (const { k, q, for: requesters } of raised.values()) {
        if (requesters.every((key) => unmoved.has(key))) {
          servers[k]![q]!--;
          takenBack.push([k, q]);
        }
      }
    }
    // Raising has stopped with servers taken back since the last evaluation: the plan written
    // must be one evaluated. With an evaluation left, the staffing without them (and raising
    // goes on if that leaves a period to raise); else the one evaluated last, with them.
    if (takenBack.length === 0) break;
    if (evaluations >= maxEvaluations) {
      for (const [k, q] of takenBack) servers[k]![q]!++;
      break;
    }
    current = await evaluate(servers);
    takenBack = [];
    misses = missing(current.summary);
    steps.push({ evaluation: evaluations, servers: copy(servers), misses: misses.length, action: 'took back servers that changed nothing' });
    if (misses.every(([k, p]) => beyond.has(`${k}:${p}`))) break;
  }

  // Lower: one period at a time, widest margin first, kept only if every target still holds.
  const settled = new Set<string>();
  let complete = false;
  while (misses.length === 0) {
    const candidates = stations
      .flatMap((_, k) => periods.map((__, p) => ({ k, p, room: margin(current.summary, k, p) })))
      .filter(({ k, p, room }) => room > -Infinity && servers[k]![p]! > 1 && !settled.has(`${k}:${p}`))
      .sort((a, b) => b.room - a.room);
    const next = candidates[0];
    if (next === undefined) {
      complete = true;
      break;
    }
    if (evaluations >= maxEvaluations) break;
    const trial = copy(servers);
    trial[next.k]![next.p]!--;
    const tried = await evaluate(trial);
    const trialMisses = missing(tried.summary);
    const where = `${model.stations[stations[next.k]!]!.id} ${periods[next.p]!.name}`;
    if (trialMisses.length === 0) {
      servers = trial;
      current = tried;
      steps.push({ evaluation: evaluations, servers: copy(servers), misses: 0, action: `lowered ${where}: kept` });
    } else {
      settled.add(`${next.k}:${next.p}`);
      // Where it missed: often the period after (its line carries over), not the one lowered.
      const at = trialMisses.map(([k, p]) => (stations.length > 1 ? `${model.stations[stations[k]!]!.id} ${periods[p]!.name}` : periods[p]!.name));
      steps.push({ evaluation: evaluations, servers: copy(trial), misses: trialMisses.length, action: `lowered ${where}: missed at ${at.join(', ')}, undone` });
    }
  }

  // Periods the margin could not judge (no CI) were never candidates: the search did not try them.
  const untried = misses.length > 0 ? [] : stations.flatMap((i, k) =>
    periods.flatMap((period, p) => {
      const unjudged = targets.some((t) => {
        const e = estimateAt(current.summary, k, p, t.metric);
        return e !== undefined && e.mean !== null && e.ci95 === null;
      });
      return unjudged && servers[k]![p]! > 1 && !settled.has(`${k}:${p}`) ? [`${model.stations[i]!.id} ${period.name}`] : [];
    }),
  );

  const achieved: AchievedTarget[] = stations.flatMap((i, k) =>
    periods.flatMap((period, p) =>
      targets.map((t) => {
        const estimate = estimateAt(current.summary, k, p, t.metric);
        const met = model.warmup >= period.end ? null : meetsAt(t, current.summary, k, p);
        return { station: model.stations[i]!.id, period: period.name, target: t.text, estimate, met };
      }),
    ),
  );
  return {
    stations: stations.map((i) => model.stations[i]!.id),
    periods,
    targets: targets.map((t) => t.text),
    start,
    sipp: starts.map((s) => s.sipp),
    lagSipp: starts.map((s) => s.lagSipp),
    servers,
    converged: misses.length === 0,
    complete: complete && untried.length === 0,
    cutShort: misses.length === 0 && !complete,
    untried,
    ...(misses.length === 0 ? {} : { stoppedBy: misses.every(([k, p]) => beyond.has(`${k}:${p}`)) ? ('beyondReach' as const) : ('evaluations' as const) }),
    beyondReach: misses
      .filter(([k, p]) => beyond.has(`${k}:${p}`))
      .sort((a, b) => a[0] - b[0] || a[1] - b[1]) // by station, then in the day's order
      .map(([k, p]) => `${model.stations[stations[k]!]!.id} ${periods[p]!.name}`),
    steps,
    achieved,
    summary: current.summary,
    model: current.model,
    seed,
    replications,
  };
}

/** The same estimate to the last bit (mean and CI), or both undefined. */
function sameEstimate(a: MetricSummary | undefined, b: MetricSummary | undefined): boolean {
  return a?.mean === b?.mean && a?.ci95?.[0] === b?.ci95?.[0] && a?.ci95?.[1] === b?.ci95?.[1];
}

/**
 * The periods wholly inside the warm-up, said once: nobody arriving in them is counted, so
 * no target is measured there, and what the search does with them (the lowering loop tries
 * them first: their margin is unbounded). Undefined when none.
 */
export function warmUpNote(result: Pick<StaffResult, 'periods' | 'model'>): string | undefined {
  const inside = result.periods.filter((period) => result.model.warmup >= period.end).map((period) => period.name);
  if (inside.length === 0) return undefined;
  const them = inside.length === 1 ? `${inside[0]} lies` : `${inside.join(', ')} lie`;
  return `${them} in the warm-up (to ${result.model.warmup}): nobody arriving then is counted, so no target is measured there; the search lowers ${inside.length === 1 ? 'it' : 'them'} first, a server at a time down to 1, for as long as the periods after still meet every target.`;
}

/** Server-time of a staffing: Σ servers × period length, in the scenario's time unit. */
export function serverTime(servers: readonly number[], periods: readonly { start: number; end: number }[]): number {
  return servers.reduce((sum, n, p) => sum + n * (periods[p]!.end - periods[p]!.start), 0);
}
