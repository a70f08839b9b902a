/**
 * A progress bar on stderr for work that takes more than a moment. It appears only on a
 * terminal, only after a short delay, and erases itself when done, so piped output and
 * quick runs stay clean.
 */
const WIDTH = 28;
/** Redraw at most this often (ms), so thousands of quick steps cost nothing. */
const REDRAW_MS = 100;

/** What the bar writes to: stderr, or a stand-in in tests. */
export interface ProgressStream {
  isTTY?: boolean;
  write(text: string): unknown;
}

export interface ProgressOptions {
  enabled?: boolean;
  stream?: ProgressStream;
  /** Nothing is drawn until this long after the start (ms). */
  delayMs?: number;
  /** Clock in ms (for tests). */
  now?: () => number;
}

export class ProgressBar {
  private readonly started: number;
  private shown = false;
  private drawnAt = -Infinity;
  private readonly enabled: boolean;
  private readonly stream: ProgressStream;
  private readonly delayMs: number;
  private readonly now: () => number;

  constructor(
    private readonly label: string,
    options: ProgressOptions = {},
  ) {
    this.stream = options.stream ?? process.stderr;
    this.enabled = (options.enabled ?? true) && this.stream.isTTY === true;
    this.delayMs = options.delayMs ?? 400;
    this.now = options.now ?? Date.now;
    this.started = this.now();
  }

  update(done: number, total: number): void {
    if (!this.enabled) return;
    const elapsed = this.now() - this.started;
    if (!this.shown && elapsed < this.delayMs) return;
    if (done < total && elapsed - this.drawnAt < REDRAW_MS) return;
    this.shown = true;
    this.drawnAt = elapsed;
    const filled = Math.round((done / total) * WIDTH);
    const bar = '█'.repeat(filled) + '░'.repeat(WIDTH - filled);
    const left = done > 0 && done < total ? ` · ~${Math.ceil(((elapsed / done) * (total - done)) / 1000)} s left` : '';
    this.stream.write(`\r${bar} ${done}/${total} ${this.label} · ${(elapsed / 1000).toFixed(1)} s${left}\x1b[K`);
  }

  /** Erases the bar, if it was drawn. */
  done(): void {
    if (this.shown) this.stream.write('\r\x1b[K');
  }
}
