import { describe, expect, it } from 'vitest';
import { jobDifference } from '../../src/cli/merge.js';
import { parseManifest, type ShardManifest } from '../../src/cli/shard-manifest.js';

describe('shard.json', () => {
  it('of an earlier format (before rows had a SHA-256) is told apart from a file that is no manifest', () => {
    expect(parseManifest(JSON.stringify({ format: 'queuesim-shard/1' }))).toBe(
      'shard.json is of another format (queuesim-shard/1; this queuesim merges queuesim-shard/2): run the shards again with this queuesim',
    );
    expect(parseManifest(JSON.stringify({ format: 'something else' }))).toBe('shard.json is not a queuesim shard manifest (queuesim-shard/2)');
    expect(parseManifest('not json')).toBe('shard.json is not JSON');
  });
});

describe('shards of different jobs', () => {
  const manifest = (inputs: Record<string, unknown>, queuesim = '0.1.0') => ({ queuesim, inputs }) as unknown as ShardManifest;
  const file = (text: string, path = 'bank.yaml') => ({ path, text });
  it('say which input differs: the version, an option, or a scenario file’s path or text', () => {
    const base = { command: 'sweep', files: [file('a: 1')], vary: ['x=1,2'], seed: 42 };
    expect(jobDifference(manifest(base), manifest(base, '0.2.0'))).toBe('written by queuesim 0.1.0 and 0.2.0');
    expect(jobDifference(manifest(base), manifest({ ...base, seed: 7 }))).toBe('their inputs differ: seed 42 and 7');
    expect(jobDifference(manifest(base), manifest({ ...base, reps: 9 }))).toBe("their inputs differ: reps the file's own and 9");
    const run = { command: 'run', files: [file('a: 1')] };
    expect(jobDifference(manifest(run), manifest({ ...run, place: { index: 0, of: 3, run: 'abc' } }))).toBe('their inputs differ: a run of that file alone and file 1 of a run of 3 files');
    expect(jobDifference(manifest(base), manifest({ ...base, files: [file('a: 1 # edited')] }))).toBe('their inputs differ: the text of bank.yaml (edited between the shards; a comment counts)');
    expect(jobDifference(manifest(base), manifest({ ...base, files: [file('a: 1', './bank.yaml')] }))).toBe('their inputs differ: the scenario named as bank.yaml and as ./bank.yaml');
  });
});
