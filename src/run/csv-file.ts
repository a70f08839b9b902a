/**
 * replications.csv on disk, a row at a time: written as replications finish (buffered into
 * large writes) and read back in order for the summary's second pass. Neither side holds
 * more than a buffer of rows, whatever the number of replications.
 */
import { open, type FileHandle } from 'node:fs/promises';
import type { ResultColumn } from '../metrics/columns.js';
import { csvHeader, csvRow, parseCsvRow } from './csv.js';

/** Bytes of text gathered before one write to the file. */
const FLUSH_AT = 1 << 16;

export class CsvFileWriter {
  private pending = '';

  private constructor(
    private readonly file: FileHandle,
    private readonly columns: number,
  ) {}

  /** Creates (or truncates) `path` and writes the header line. */
  static async create(path: string, columns: readonly ResultColumn[]): Promise<CsvFileWriter> {
    const writer = new CsvFileWriter(await open(path, 'w'), columns.length);
    writer.pending = csvHeader(columns) + '\n';
    return writer;
  }

  /**
   * Appends replications first..first+count-1: count rows one after another, each starting
   * with its metric values (metrics/columns.ts; the series after them are not written).
   */
  async addRows(first: number, count: number, values: Float64Array): Promise<void> {
    const width = values.length / count;
    for (let i = 0; i < count; i++) this.pending += csvRow(first + i, values.subarray(i * width, i * width + this.columns)) + '\n';
    if (this.pending.length >= FLUSH_AT) await this.flush();
  }

  /** Writes what is buffered and closes the file. */
  async close(): Promise<void> {
    try {
      await this.flush();
    } finally {
      await this.file.close();
    }
  }

  private async flush(): Promise<void> {
    const text = this.pending;
    this.pending = '';
    if (text !== '') await this.file.writeFile(text);
  }
}

/**
 * Every data row of a replications.csv written for `columns`, in file order, as column values.
 * The array yielded is reused: read it before asking for the next row.
 */
export async function* readCsvRows(path: string, columns: readonly ResultColumn[]): AsyncGenerator<Float64Array> {
  const file = await open(path, 'r');
  const values = new Float64Array(columns.length);
  const buffer = Buffer.alloc(FLUSH_AT * 4);
  // The header is skipped by its length: a quoted id may hold a line break.
  let position = Buffer.byteLength(csvHeader(columns) + '\n');
  let rest = '';
  try {
    for (;;) {
      const { bytesRead } = await file.read(buffer, 0, buffer.length, position);
      if (bytesRead === 0) break;
      position += bytesRead;
      // Rows hold only ASCII digits, signs, dots, commas and "e": a chunk boundary cannot split a character.
      const lines = (rest + buffer.toString('latin1', 0, bytesRead)).split('\n');
      rest = lines.pop()!;
      for (const line of lines) {
        parseCsvRow(line, values);
        yield values;
      }
    }
    if (rest !== '') throw new Error('replications.csv: the last row has no line end');
  } finally {
    await file.close();
  }
}
