/**
 * A shard's result folder, `<out>/<slug>.shard-K-of-N/`: shard.json (this manifest) and one
 * rows file per model (run/row-file.ts). The manifest holds what `queuesim merge` needs to
 * rebuild the job and check the shards belong together: the command and the inputs that
 * shape its results (the text of every scenario file, the options), a hash of them, and
 * which replications of which model this shard ran.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { createRequire } from 'node:module';
import type { Shard } from '../run/shard.js';
import type { ScenarioText } from './scenario-texts.js';

const release = (createRequire(import.meta.url)('../../package.json') as { version: string }).version;
/** Stamped by scripts/build.mjs (buildId): a hash of the sources, the build script and the package files the command was built from. */
declare const QUEUESIM_BUILD: string | undefined;
/**
 * The code that writes or merges shards: the release and its build (semver build metadata),
 * so shards run by an image built from other sources under the same version number (a
 * cluster node that kept an older image) are refused, not merged. Run from the sources
 * (tests, tsx), the build is "source".
 */
export const version = `${release}+${typeof QUEUESIM_BUILD === 'string' ? QUEUESIM_BUILD : 'source'}`;

export const MANIFEST_FILE = 'shard.json';
const FORMAT = 'queuesim-shard/2';

/** What a sharded command was asked to do: everything its results depend on. */
export type JobInputs =
  | { command: 'run'; files: [ScenarioText]; reps?: number; seed?: number; place?: FilePlace }
  | { command: 'compare'; files: ScenarioText[]; set: string[]; name?: string; reps?: number; seed?: number }
  | { command: 'sweep'; files: [ScenarioText]; vary: string[]; name?: string; reps?: number; seed?: number };

/**
 * A file's place among the files of a `run` given several (index from 0): each file shards
 * as its own job, and the merge puts them back in the run's order, printing their summaries
 * as the run does (one JSON array).
 */
export interface FilePlace {
  index: number;
  of: number;
  /** Names the run the file was given in (a hash of all its files' inputs): runs merged together stay apart. */
  run: string;
}

/** One model of the job (a file of a run, a variant, a point of a sweep) and its part in this shard. */
export interface ShardModel {
  name: string;
  seed: number;
  /** All the model's replications, in every shard together. */
  replications: number;
  /** This shard's replications: [from, to). */
  from: number;
  to: number;
  /** Values per row (metrics/columns.ts). */
  width: number;
  /** Its rows file, in the shard folder. */
  rows: string;
  /** SHA-256 of the rows file as written: merge refuses a copy that differs (a flipped byte gives other results). */
  sha256: string;
}

export interface ShardManifest {
  format: typeof FORMAT;
  queuesim: string;
  /** Hash of the queuesim version and the inputs: shards of one job have the same. */
  job: string;
  /** The merged result's folder name under --out. */
  slug: string;
  shard: Shard;
  inputs: JobInputs;
  models: ShardModel[];
}

/** SHA-256 of a file, read as a stream (a rows file can be large). */
export async function fileHash(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** SHA-256 of the version and the inputs as JSON (their keys in the order the commands write them). */
export function jobHash(queuesim: string, inputs: JobInputs): string {
  return createHash('sha256').update(JSON.stringify({ queuesim, inputs })).digest('hex');
}

export function shardFolderName(slug: string, shard: Shard): string {
  return `${slug}.shard-${shard.index}-of-${shard.count}`;
}

export function manifestOf(slug: string, shard: Shard, inputs: JobInputs, models: ShardModel[]): ShardManifest {
  return { format: FORMAT, queuesim: version, job: jobHash(version, inputs), slug, shard, inputs, models };
}

/** The manifest read from shard.json, or what is wrong with it. */
export function parseManifest(text: string): ShardManifest | string {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return 'shard.json is not JSON';
  }
  const m = data as Partial<ShardManifest>;
  if (typeof m === 'object' && m !== null && typeof m.format === 'string' && /^queuesim-shard\/\d+$/.test(m.format) && m.format !== FORMAT) {
    return `shard.json is of another format (${m.format}; this queuesim merges ${FORMAT}): run the shards again with this queuesim`;
  }
  if (typeof m !== 'object' || m === null || m.format !== FORMAT) return `shard.json is not a queuesim shard manifest (${FORMAT})`;
  const wellFormed =
    typeof m.queuesim === 'string' &&
    typeof m.job === 'string' &&
    typeof m.slug === 'string' &&
    /^[a-z0-9-]+$/.test(m.slug) &&
    Number.isSafeInteger(m.shard?.count) &&
    Number.isSafeInteger(m.shard?.index) &&
    m.shard!.index >= 1 &&
    m.shard!.index <= m.shard!.count &&
    typeof m.inputs === 'object' &&
    Array.isArray(m.models) &&
    m.models.every((model) => Number.isSafeInteger(model.replications) && Number.isSafeInteger(model.from) && Number.isSafeInteger(model.to) && Number.isSafeInteger(model.width) && /^[\w.-]+$/.test(String(model.rows)) && /^[0-9a-f]{64}$/.test(String(model.sha256)));
  if (!wellFormed) return 'shard.json is damaged (a field is missing or of the wrong kind)';
  if (jobHash(m.queuesim!, m.inputs!) !== m.job) return 'shard.json was changed after it was written (its inputs do not match its job hash)';
  return m as ShardManifest;
}
