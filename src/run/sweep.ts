/**
 * A sweep: one scenario over a grid of one or two parameters, every point on common random
 * numbers (the same seed and replication numbers), so the curves move with the parameter and
 * not with the noise. Each point is a variant of the scenario data, validated like a file.
 */
import type { Model } from '../model/model.js';
import type { MetricSummaries, MetricSummary, RunSummary } from '../metrics/summarise.js';
import { summariseValues } from '../metrics/summarise.js';
import { setKeyPath } from '../scenario/key-path.js';
import { isUnder, type ScenarioProblem } from '../scenario/problems.js';
import { buildVariant, keyPathMessage } from '../scenario/variants.js';
import { gridPoints, type Axis } from './grid.js';
import { sequentialRunner, type Runner } from './runner.js';
import { naming } from './settle.js';
import type { ReplicationResult } from './simulate.js';

export interface SweepPoint {
  /** The value of each axis, in axis order. */
  values: number[];
  model: Model;
}

export interface SweepOptions {
  seed?: number;
  replications?: number;
  runner?: Runner;
  onProgress?: (point: number, done: number, total: number) => void;
}

export interface SweptPoint {
  values: number[];
  summary: RunSummary;
  /** Customers lost per replication: balked + reneged + blocked + denied. */
  lost: MetricSummary;
}

export interface SweepResult {
  seed: number;
  replications: number;
  unit: string;
  axes: { path: string; values: number[] }[];
  points: SweptPoint[];
}

/** The grid's models, or every problem of every point (each named by its values). */
export function sweepModels(baseData: unknown, file: string, axes: readonly Axis[]): { ok: true; points: SweepPoint[] } | { ok: false; problems: ScenarioProblem[] } {
  // A key path the file does not have is the axis's problem, not each point's: said once.
  const paths = axes.flatMap((axis) => {
    const set = setKeyPath(structuredClone(baseData), axis.parts, axis.values[0]);
    return set.ok ? [] : [{ file, path: [], message: `--vary ${axis.path}: ${keyPathMessage(baseData, set)}` }];
  });
  if (paths.length > 0) return { ok: false, problems: paths };
  // So is a second axis that replaces the first's value (servers after servers.lunch) at every point.
  const overlap = replacedAxis(baseData, axes);
  if (overlap !== undefined) return { ok: false, problems: [{ file, path: [], message: overlap }] };
  const points: SweepPoint[] = [];
  const problems: PointProblem[] = [];
  const grid = gridPoints(axes);
  for (const [point, values] of grid.entries()) {
    const texts = axes.map((axis, i) => `${axis.path}=${values[i]}`);
    const built = buildVariant(baseData, file, { name: texts.join('; '), assignments: axes.map((axis, i) => ({ text: texts[i]!, parts: axis.parts, value: values[i] })) });
    if (built.ok) points.push({ values, model: built.model });
    else problems.push(...built.problems.map((problem) => ({ problem, texts, point })));
  }
  return problems.length > 0 ? { ok: false, problems: oncePerCause(problems, grid.length, file, axes) } : { ok: true, points };
}

/** A point's problem, with the point's assignments as its messages write them (`servers=4`). */
interface PointProblem {
  problem: ScenarioProblem;
  texts: readonly string[];
  /** The point's place in the grid. */
  point: number;
}

/** Why the second axis would throw the first's values away, if it would. */
function replacedAxis(baseData: unknown, axes: readonly Axis[]): string | undefined {
  if (axes.length < 2) return undefined;
  const data = structuredClone(baseData);
  const [first, second] = axes.map((axis) => setKeyPath(data, axis.parts, axis.values[0]));
  if (!first?.ok || !second?.ok) return undefined;
  return isUnder(first.value, second.value)
    ? `--vary ${axes[1]!.path} replaces what --vary ${axes[0]!.path} sets, at every point: give --vary ${axes[1]!.path} first (its value is then changed inside), or name two different keys`
    : undefined;
}

/**
 * Each problem once per cause. One that every point has, the same but for the point's values
 * (an unknown key: `--vary stations.counter.servrs=3..5`), is the axes' own: said once, of
 * the file. Otherwise the same message at the same key path (set by the same assignment, say
 * servers=19.5) recurs at every point of the other axis; its first point stands for them all,
 * so every bad value of a grid is named.
 */
function oncePerCause(problems: readonly PointProblem[], points: number, file: string, axes: readonly Axis[]): ScenarioProblem[] {
  // Each problem's message with the point's assignments written as the axes (servers=4 as --vary servers).
  const valueFree = problems.map(({ problem, texts }) => {
    let message = problem.message;
    texts.forEach((text, i) => (message = message.replaceAll(text, `--vary ${axes[i]!.path}`)));
    message = message.replace('(the variant sets --vary', '(with --vary'); // a problem beside the keys set
    return { key: `${JSON.stringify(problem.path)}|${message}`, message };
  });
  const everywhere = new Map<string, { first: PointProblem; message: string; points: Set<number> }>();
  problems.forEach((point, i) => {
    const { key, message } = valueFree[i]!;
    const group = everywhere.get(key);
    if (group === undefined) everywhere.set(key, { first: point, message, points: new Set([point.point]) });
    else group.points.add(point.point);
  });
  const seen = new Set<string>();
  return problems.flatMap((point, i) => {
    const group = everywhere.get(valueFree[i]!.key)!;
    if (group.points.size === points && points > 1) {
      if (group.first !== point) return [];
      const { line, path } = point.problem;
      return [{ file, path, ...(line === undefined ? {} : { line }), message: `${group.message}, at every point` }];
    }
    const key = `${JSON.stringify(point.problem.path)}|${point.problem.message}`;
    if (seen.has(key)) return [];
    seen.add(key);
    return [point.problem];
  });
}

/** Runs every point of the grid with the first point's seed and replications (common random numbers). */
export async function runSweep(axes: readonly Axis[], points: readonly SweepPoint[], options: SweepOptions = {}): Promise<SweepResult> {
  const first = points[0]!.model;
  const seed = options.seed ?? first.seed;
  const replications = options.replications ?? first.replications;
  const runner = options.runner ?? sequentialRunner;
  const swept: SweptPoint[] = [];
  for (const [i, point] of points.entries()) {
    const label = axes.map((axis, a) => `${axis.path}=${point.values[a]}`).join(', ');
    const output = await naming(`the point ${label}`, () => runner(point.model, { seed, replications, onProgress: (done, total) => options.onProgress?.(i, done, total) }));
    swept.push({ values: point.values, summary: output.summary, lost: summariseValues(output.replications.map(lostIn)) });
  }
  return { seed, replications, unit: first.unit, axes: axes.map((a) => ({ path: a.path, values: a.values })), points: swept };
}

/** Customers turned away or given up in one replication. */
export function lostIn(replication: ReplicationResult): number {
  const m = replication.metrics;
  return (m.balked ?? 0) + (m.reneged ?? 0) + (m.blocked ?? 0) + (m.denied ?? 0);
}

/** A point's system metrics with `lost` added, for tables and charts. */
export function pointMetrics(point: SweptPoint): MetricSummaries {
  return { ...point.summary.metrics, lost: point.lost };
}
