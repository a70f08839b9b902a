import { describe, expect, it } from 'vitest';
import { parseManifest } from '../../src/cli/shard-manifest.js';

describe('shard.json', () => {
  it('of an earlier format (before rows had a SHA-256) is told apart from a file that is no manifest', () => {
    expect(parseManifest(JSON.stringify({ format: 'queuesim-shard/1' }))).toBe(
      'shard.json is of another format (queuesim-shard/1; this queuesim merges queuesim-shard/2): run the shards again with this queuesim',
    );
    expect(parseManifest(JSON.stringify({ format: 'something else' }))).toBe('shard.json is not a queuesim shard manifest (queuesim-shard/2)');
    expect(parseManifest('not json')).toBe('shard.json is not JSON');
  });
});
