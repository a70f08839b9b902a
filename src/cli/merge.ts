/**
 * `queuesim merge DIR...`: the shard folders of a sharded run, compare or sweep (or folders
 * holding them) put back together. The shards of each job must all be there, once each,
 * and of one job (the same inputs and queuesim version); their rows are then read back in
 * replication order and go through the command's own code after its replications, so the
 * result folder and the printed output are exactly those of the single run.
 */
import { readdirSync } from 'node:fs';
import { readdir, readFile, realpath, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { RowFileMismatch } from '../run/row-file.js';
import { outputFolderReady } from './output.js';
import type { RunSummary } from '../metrics/summarise.js';
import { fileHash, MANIFEST_FILE, parseManifest, shardFolderName, version, type FilePlace, type ShardManifest } from './shard-manifest.js';
import { shardRows, type ShardFolder } from './shard-rows.js';

export interface MergeCommandOptions {
  out: string;
  json?: boolean;
  quiet?: boolean;
  report?: boolean;
}

/** A problem that stops the merge before anything is written: one line, exit 2. */
class MergeProblem extends Error {}

export async function mergeCommand(dirs: string[], options: MergeCommandOptions): Promise<number> {
  let jobs: ShardFolder[][];
  try {
    jobs = groupByJob(await readShards(dirs));
    checkRunFiles(jobs);
    await checkRowFiles(jobs);
    if (options.json) checkOneOutput(jobs);
  } catch (error) {
    if (!(error instanceof MergeProblem)) throw error;
    process.stderr.write(`error: ${error.message}; nothing was merged.\n`);
    return 2;
  }
  if (!(await outputFolderReady(options.out, 'merged', jobs.map((shards) => shards[0]!.manifest.slug)))) return 2;
  // The files of a run given several, in the run's order (each file shards as its own job);
  // the files of different runs merged together stay together, run by run.
  jobs.sort((a, b) => placeOf(a).run.localeCompare(placeOf(b).run) || placeOf(a).index - placeOf(b).index);
  const runs: RunSummary[] = [];
  for (const shards of jobs) {
    const merged = await mergeJob(shards, options);
    if (typeof merged !== 'number') runs.push(merged);
    else if (merged !== 0) return merged;
  }
  // As `run` prints them: one summary, or an array for a run of several files.
  if (options.json && runs.length > 0) {
    const several = runs.length > 1 || jobs.some((shards) => placeOf(shards).of > 1);
    process.stdout.write(JSON.stringify(several ? runs : runs[0], null, 2) + '\n');
  }
  return 0;
}

/**
 * A run of several files shards each file as its own job: all of them must be here, or the
 * merge would write the results of some of the files and print them as the whole run's.
 */
function checkRunFiles(jobs: readonly ShardFolder[][]): void {
  const runs = new Map<string, { of: number; files: Map<number, string> }>();
  for (const shards of jobs) {
    const place = placeOf(shards);
    if (place.of <= 1) continue;
    const run = runs.get(place.run) ?? { of: place.of, files: new Map<number, string>() };
    run.files.set(place.index, shards[0]!.manifest.inputs.files[0]?.path ?? shards[0]!.manifest.slug);
    runs.set(place.run, run);
  }
  for (const { of, files } of runs.values()) {
    const missing = Array.from({ length: of }, (_, i) => i).filter((i) => !files.has(i));
    if (missing.length === 0) continue;
    const here = [...files.entries()].sort((a, b) => a[0] - b[0]).map(([i, path]) => `file ${i + 1}, ${path}`);
    throw new MergeProblem(`a run of ${of} files is missing the shards of its ${missing.length === 1 ? 'file' : 'files'} ${missing.map((i) => i + 1).join(', ')} of ${of} (here: ${here.join('; ')})`);
  }
}

/**
 * --json prints one JSON value: the summaries of every run merged (one, or an array), or one
 * comparison's or sweep's results; a comparison or sweep beside any other job would print two.
 */
function checkOneOutput(jobs: readonly ShardFolder[][]): void {
  const outputs = new Set(jobs.map((shards) => (shards[0]!.manifest.inputs.command === 'run' ? 'runs' : shards[0]!.manifest.slug)));
  if (outputs.size > 1) {
    const named = jobs.map((shards) => `${shards[0]!.manifest.slug} (${shards[0]!.manifest.inputs.command})`);
    throw new MergeProblem(`--json prints one JSON value, and these shards hold a comparison or a sweep beside other jobs (${named.join(', ')}): merge each comparison or sweep on its own with --json, or merge without it`);
  }
}

function placeOf(shards: ShardFolder[]): FilePlace {
  const { inputs } = shards[0]!.manifest;
  return (inputs.command === 'run' ? inputs.place : undefined) ?? { index: 0, of: 1, run: '' };
}

/** Merges one job: a run's summary (its JSON is printed with the others'), or an exit code. */
async function mergeJob(shards: ShardFolder[], options: MergeCommandOptions): Promise<RunSummary | number> {
  const { inputs } = shards[0]!.manifest;
  const rows = shardRows(shards);
  try {
    switch (inputs.command) {
      case 'run':
        return await (await import('./run.js')).mergeRun(inputs, rows, options);
      case 'compare':
        return await (await import('./compare.js')).mergeCompare(inputs, rows, options);
      case 'sweep':
        return await (await import('./sweep.js')).mergeSweep(inputs, rows, options);
    }
  } catch (error) {
    if (!(error instanceof RowFileMismatch)) throw error;
    process.stderr.write(`error: ${error.message}; nothing was written for ${shards[0]!.manifest.slug}.\n`);
    return 2;
  }
}

/** Every shard folder named, or found directly inside a folder named, with its manifest. */
async function readShards(dirs: readonly string[]): Promise<ShardFolder[]> {
  const folders: string[] = [];
  for (const dir of dirs) {
    const kind = await stat(dir).catch(() => undefined);
    if (kind === undefined) throw new MergeProblem(`${dir} does not exist`);
    if (!kind.isDirectory()) throw new MergeProblem(`${dir} is not a folder`);
    if (await isShardFolder(dir)) {
      folders.push(dir);
      continue;
    }
    // Names, not entry types: a shard folder linked in from another node's disk counts too.
    const inside = (await readdir(dir))
      .filter((name) => !name.startsWith('.'))
      .map((name) => join(dir, name))
      .sort();
    const shards: string[] = [];
    for (const folder of inside) if (await isShardFolder(folder)) shards.push(folder);
    if (shards.length === 0) throw new MergeProblem(`${dir} holds no shard folder (one with ${MANIFEST_FILE}, written by --shard)`);
    folders.push(...shards);
  }
  // One shard folder reached twice (named, and inside a folder named; through a link) is read once.
  const seen = new Set<string>();
  const read: ShardFolder[] = [];
  for (const folder of folders) {
    const real = await realpath(folder);
    if (seen.has(real)) continue;
    seen.add(real);
    const manifest = parseManifest(await readFile(join(folder, MANIFEST_FILE), 'utf8'));
    if (typeof manifest === 'string') throw new MergeProblem(`${folder}: ${manifest}`);
    if (manifest.queuesim !== version) throw new MergeProblem(`${folder} was written by queuesim ${manifest.queuesim}; this is ${version}${otherBuild(manifest.queuesim)}`);
    read.push({ folder, manifest });
  }
  return read;
}

/**
 * Every rows file every manifest names is there, of the size and with the SHA-256 written, before anything is
 * merged: a folder copied in part stops the whole merge, not the job it belongs to after the
 * jobs before it were written.
 */
async function checkRowFiles(jobs: readonly ShardFolder[][]): Promise<void> {
  for (const { folder, manifest } of jobs.flat()) {
    for (const part of manifest.models) {
      const path = join(folder, part.rows);
      const size = (await stat(path).catch(() => undefined))?.size;
      const expected = (part.to - part.from) * part.width * 8;
      if (size === undefined) throw new MergeProblem(`${path} is missing (the rows of "${part.name}" in this shard): copy the shard folder whole`);
      if (size !== expected) throw new MergeProblem(`${path} holds ${size} bytes, not the ${part.to - part.from} rows of ${part.width} values (${expected} bytes) its manifest says: copy the shard folder whole`);
      if ((await fileHash(path)) !== part.sha256) throw new MergeProblem(`${path} is not the file the shard wrote (its SHA-256 differs from the manifest's): damaged in the copy? copy the shard folder again`);
    }
  }
}

/** What makes two shards' jobs differ, in words: the version, an option, or a scenario file's path or text. */
export function jobDifference(a: ShardManifest, b: ShardManifest): string {
  if (a.queuesim !== b.queuesim) return `written by queuesim ${a.queuesim} and ${b.queuesim}`;
  const [x, y] = [a.inputs as Record<string, unknown>, b.inputs as Record<string, unknown>];
  const differences: string[] = [];
  for (const key of [...new Set([...Object.keys(x), ...Object.keys(y)])]) {
    if (key === 'files') continue;
    if (JSON.stringify(x[key]) !== JSON.stringify(y[key])) differences.push(inputDifference(key, x[key], y[key]));
  }
  const [fx, fy] = [a.inputs.files, b.inputs.files];
  if (fx.length !== fy.length) differences.push(`${fx.length} and ${fy.length} scenario files`);
  else {
    fx.forEach((file, i) => {
      const other = fy[i]!;
      if (file.path !== other.path) differences.push(`the scenario named as ${file.path} and as ${other.path}`);
      else if (file.text !== other.text) differences.push(`the text of ${file.path} (edited between the shards; a comment counts)`);
    });
  }
  return differences.length > 0 ? `their inputs differ: ${differences.join('; ')}` : 'their inputs differ';
}

/** One input that differs, in words: a file's place among a run's files, or an option (not given: the file's own). */
function inputDifference(key: string, a: unknown, b: unknown): string {
  if (key === 'place') {
    const place = (p: unknown) => (p === undefined ? 'a run of that file alone' : `file ${(p as FilePlace).index + 1} of a run of ${(p as FilePlace).of} files`);
    return `${place(a)} and ${place(b)}`;
  }
  const value = (v: unknown) => (v === undefined ? (key === 'seed' || key === 'reps' ? "the file's own" : 'not given') : JSON.stringify(v));
  return `${key} ${value(a)} and ${value(b)}`;
}

/** Words for shards of this release built from other sources (after "+": the build). */
function otherBuild(theirs: string): string {
  const release = (v: string) => v.split('+')[0];
  return release(theirs) === release(version)
    ? ', the same version built from other sources: the shards and the merge must all run one build (one image); merge with the build that ran the shards, or run the shards that differ again'
    : ': merge with the queuesim that ran the shards';
}

/**
 * Where a missing shard's staging folder (.NAME.partial-…) is left beside the shards found: a
 * shard killed while it wrote (SIGKILL, out of memory), which removes its own otherwise.
 */
function halfWritten(found: readonly ShardFolder[], missing: readonly string[]): string {
  const left: string[] = [];
  for (const dir of new Set(found.map((shard) => dirname(shard.folder)))) {
    let names: string[];
    try {
      names = readdirSync(dir);
    } catch {
      continue;
    }
    for (const name of names) if (missing.some((shard) => name.startsWith(`.${shard}.partial-`))) left.push(join(dir, name));
  }
  return left.length > 0 ? `; ${left.join(', ')} ${left.length === 1 ? 'is what is' : 'are what is'} left of a shard stopped while it wrote (killed?): remove it and run that shard again` : '';
}

async function isShardFolder(dir: string): Promise<boolean> {
  return (await stat(join(dir, MANIFEST_FILE)).catch(() => undefined))?.isFile() === true;
}

/**
 * The shards by job (the result folder they merge into), each job's in shard order; throws
 * unless every job has shards 1..N of one split, once each, all of the same inputs.
 */
function groupByJob(shards: readonly ShardFolder[]): ShardFolder[][] {
  const bySlug = new Map<string, ShardFolder[]>();
  for (const shard of shards) bySlug.set(shard.manifest.slug, [...(bySlug.get(shard.manifest.slug) ?? []), shard]);
  const jobs: ShardFolder[][] = [];
  for (const [slug, group] of bySlug) {
    const [first] = group;
    for (const other of group) {
      if (other.manifest.job !== first!.manifest.job) {
        throw new MergeProblem(`${first!.folder} and ${other.folder} are shards of different jobs (${jobDifference(first!.manifest, other.manifest)}); merge the shards of one run`);
      }
      if (other.manifest.shard.count !== first!.manifest.shard.count) {
        throw new MergeProblem(`${first!.folder} and ${other.folder} split the job differently (into ${first!.manifest.shard.count} and ${other.manifest.shard.count} shards): the shard folders of an earlier split are still there; move away the ones of the split you do not want`);
      }
      const names = (shard: ShardFolder) => JSON.stringify(shard.manifest.models.map((m) => m.name));
      if (names(other) !== names(first!)) {
        throw new MergeProblem(`${first!.folder} and ${other.folder} list different models (${first!.manifest.models.length} and ${other.manifest.models.length}) for one job: a shard.json edited by hand? run the shard again`);
      }
    }
    const count = first!.manifest.shard.count;
    const byIndex = new Map<number, ShardFolder>();
    for (const shard of group) {
      const { index } = shard.manifest.shard;
      const twice = byIndex.get(index);
      if (twice !== undefined) throw new MergeProblem(`shard ${index} of ${count} of ${slug} is given twice (${twice.folder} and ${shard.folder})`);
      byIndex.set(index, shard);
    }
    const missing = Array.from({ length: count }, (_, i) => i + 1).filter((index) => !byIndex.has(index));
    if (missing.length > 0) {
      const names = missing.map((index) => shardFolderName(slug, { index, count }));
      throw new MergeProblem(`${slug} is missing ${missing.length === 1 ? 'shard' : 'shards'} ${missing.join(', ')} of ${count} (${names.join(', ')})${halfWritten(group, names)}`);
    }
    jobs.push(Array.from({ length: count }, (_, i) => byIndex.get(i + 1)!));
  }
  return jobs;
}
