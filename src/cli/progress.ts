/**
 * A progress bar on stderr for work that takes more than a moment. It appears only on a
 * terminal, only after a short delay, and erases itself when done, so piped output and
 * quick runs stay clean.
 */
const DELAY_MS = 400;
const WIDTH = 28;

export class ProgressBar {
  private readonly started = Date.now();
  private shown = false;
  private readonly enabled: boolean;

  constructor(
    private readonly label: string,
    enabled = true,
    private readonly stream: NodeJS.WriteStream = process.stderr,
  ) {
    this.enabled = enabled && stream.isTTY === true;
  }

  update(done: number, total: number): void {
    if (!this.enabled) return;
    const elapsed = Date.now() - this.started;
    if (!this.shown && elapsed < DELAY_MS) return;
    this.shown = true;
    const filled = Math.round((done / total) * WIDTH);
    const bar = '█'.repeat(filled) + '░'.repeat(WIDTH - filled);
    const eta = done > 0 && done < total ? ` · ~${Math.ceil(((elapsed / done) * (total - done)) / 1000)} s left` : '';
    this.stream.write(`\r${bar} ${done}/${total} ${this.label} · ${(elapsed / 1000).toFixed(1)} s${eta}\x1b[K`);
  }

  done(): void {
    if (this.shown) this.stream.write('\r\x1b[K');
  }
}
