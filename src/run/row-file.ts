/**
 * A shard's rows on disk: every replication's whole row (metrics/columns.ts: the metric
 * values, then the series) as little-endian 64-bit floats, row after row, with no header.
 * Binary rather than CSV so the series travel too and every double comes back bit for bit.
 */
import { endianness } from 'node:os';
import { open, type FileHandle } from 'node:fs/promises';

const BIG_ENDIAN = endianness() === 'BE';
/** Rows gathered before one write, and read in one go. */
const BLOCK_BYTES = 1 << 20;

/** The bytes of `values` as little-endian doubles (a copy on a big-endian machine). */
function littleEndian(values: Float64Array): Buffer {
  const bytes = Buffer.from(values.buffer, values.byteOffset, values.byteLength);
  return BIG_ENDIAN ? Buffer.from(bytes).swap64() : bytes;
}

export class RowFileWriter {
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  rows = 0;

  private constructor(
    private readonly file: FileHandle,
    private readonly width: number,
  ) {}

  static async create(path: string, width: number): Promise<RowFileWriter> {
    return new RowFileWriter(await open(path, 'w'), width);
  }

  /** Appends `count` rows, one after the other in `values`. */
  async addRows(count: number, values: Float64Array): Promise<void> {
    if (values.length !== count * this.width) throw new Error(`RowFileWriter: ${values.length} values are not ${count} rows of ${this.width}`);
    const bytes = littleEndian(values);
    this.pending.push(Buffer.from(bytes));
    this.pendingBytes += bytes.length;
    this.rows += count;
    if (this.pendingBytes >= BLOCK_BYTES) await this.flush();
  }

  async close(): Promise<void> {
    try {
      await this.flush();
    } finally {
      await this.file.close();
    }
  }

  private async flush(): Promise<void> {
    const bytes = Buffer.concat(this.pending);
    this.pending = [];
    this.pendingBytes = 0;
    if (bytes.length > 0) await this.file.writeFile(bytes);
  }
}

/**
 * The rows of a file written for rows of `width` values, in blocks: (index of the block's
 * first row in the file, rows in the block, their values). Throws when the file does not
 * hold exactly `rows` rows.
 */
export async function* readRowBlocks(path: string, width: number, rows: number): AsyncGenerator<{ at: number; count: number; values: Float64Array }> {
  const file = await open(path, 'r');
  try {
    const size = (await file.stat()).size;
    if (size !== rows * width * 8) throw new RowFileMismatch(`${path} holds ${size} bytes, not the ${rows} rows of ${width} values (${rows * width * 8} bytes) its manifest says`);
    const perBlock = Math.max(1, Math.floor(BLOCK_BYTES / (width * 8)));
    for (let at = 0; at < rows; at += perBlock) {
      const count = Math.min(perBlock, rows - at);
      const values = new Float64Array(count * width);
      const bytes = Buffer.from(values.buffer);
      const { bytesRead } = await file.read(bytes, 0, bytes.length, at * width * 8);
      if (bytesRead !== bytes.length) throw new RowFileMismatch(`${path} ended early`);
      if (BIG_ENDIAN) bytes.swap64();
      yield { at, count, values };
    }
  } finally {
    await file.close();
  }
}

/** A rows file that is not what its manifest says (truncated, or of another job). */
export class RowFileMismatch extends Error {}
