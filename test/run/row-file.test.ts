import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readRowBlocks, RowFileMismatch, RowFileWriter } from '../../src/run/row-file.js';
import { tempDir } from '../cli/cli.js';

async function readAll(path: string, width: number, rows: number): Promise<number[]> {
  const values: number[] = [];
  for await (const block of readRowBlocks(path, width, rows)) values.push(...block.values);
  return values;
}

describe('a shard’s rows file', () => {
  it('gives back every double bit for bit (NaN, −0, subnormals, infinities), as little-endian 64-bit floats', async () => {
    const path = join(tempDir(), 'rows.f64');
    const writer = await RowFileWriter.create(path, 3);
    const values = [1 / 3, NaN, -0, 5e-324, Infinity, -1.7976931348623157e308];
    await writer.addRows(1, new Float64Array(values.slice(0, 3)));
    await writer.addRows(1, new Float64Array(values.slice(3)));
    await writer.close();
    const back = await readAll(path, 3, 2);
    expect(back.map((v) => Object.is(v, -0) ? '-0' : String(v))).toEqual(values.map((v) => Object.is(v, -0) ? '-0' : String(v)));
    expect(readFileSync(path).readDoubleLE(0)).toBe(1 / 3);
  });

  it('reads large files in blocks, in order', async () => {
    const path = join(tempDir(), 'rows.f64');
    const width = 1000;
    const rows = 300;
    const writer = await RowFileWriter.create(path, width);
    const all = Float64Array.from({ length: width * rows }, (_, i) => i);
    await writer.addRows(rows, all);
    await writer.close();
    const blocks: number[] = [];
    for await (const block of readRowBlocks(path, width, rows)) {
      expect(block.values[0]).toBe(block.at * width);
      blocks.push(block.count);
    }
    expect(blocks.length).toBeGreaterThan(1);
    expect(blocks.reduce((a, b) => a + b)).toBe(rows);
  });

  it('refuses a file that does not hold the rows its manifest says', async () => {
    const path = join(tempDir(), 'rows.f64');
    writeFileSync(path, Buffer.alloc(8 * 5));
    await expect(readAll(path, 3, 2)).rejects.toBeInstanceOf(RowFileMismatch);
  });
});
