/**
 * A progress bar on stderr for work that takes more than a moment. It appears only on a
 * terminal, only after a short delay, and erases itself when done, so piped output and
 * quick runs stay clean.
 */
import { displayWidth, fitToWidth } from './format.js';

const WIDTH = 28;
/** The least room kept for the label ("replications · Bank b…") before the bar gives way. */
const LEAST_LABEL = 16;
/** Redraw at most this often (ms), so thousands of quick steps cost nothing. */
const REDRAW_MS = 100;

/** What the bar writes to: stderr, or a stand-in in tests. */
export interface ProgressStream {
  isTTY?: boolean;
  /** The terminal's width; the line is cut to fit, since a wrapped line cannot be redrawn in place. */
  columns?: number;
  write(text: string): unknown;
}

export interface ProgressOptions {
  enabled?: boolean;
  stream?: ProgressStream;
  /** Nothing is drawn until this long after the start (ms). */
  delayMs?: number;
  /** Clock in ms (for tests). */
  now?: () => number;
  /**
   * `total` is a bound the work may stop well before (staff's --max-evaluations): the line
   * reads "8 of at most 60" and gives no time left.
   */
  atMost?: boolean;
}

export class ProgressBar {
  private readonly started: number;
  private shown = false;
  private drawnAt = -Infinity;
  private readonly enabled: boolean;
  private readonly stream: ProgressStream;
  private readonly delayMs: number;
  private readonly now: () => number;
  private readonly atMost: boolean;

  constructor(
    private readonly label: string,
    options: ProgressOptions = {},
  ) {
    this.stream = options.stream ?? process.stderr;
    this.enabled = (options.enabled ?? true) && this.stream.isTTY === true;
    this.delayMs = options.delayMs ?? 400;
    this.now = options.now ?? Date.now;
    this.atMost = options.atMost ?? false;
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
    const left = !this.atMost && done > 0 && done < total ? ` · ~${Math.ceil(((elapsed / done) * (total - done)) / 1000)} s left` : '';
    const count = this.atMost ? `${done} of at most ${total}` : `${done}/${total}`;
    // Some terminals report 0 columns: read as unknown. A narrow one keeps the count, not the bar.
    const columns = this.stream.columns !== undefined && this.stream.columns > 0 ? this.stream.columns : 80;
    // The label (what is counted, and the scenario's name) gives way first: the count and the
    // time left stay whole whenever they fit, and then the bar gives way.
    const tail = ` · ${(elapsed / 1000).toFixed(1)} s${left}`;
    const roomAfter = (head: string) => columns - 1 - displayWidth(head) - displayWidth(tail);
    const withBar = `${bar} ${count} `;
    const plain = `${count} `;
    // Cut, the label ends at a word, not at its separator ("replications…", not "replications ·…").
    const label = (room: number) => fitToWidth(this.label, room).replace(/[\s·]+…$/, '…');
    let line: string;
    if (columns >= 60 && roomAfter(withBar) >= LEAST_LABEL) line = `${withBar}${label(roomAfter(withBar))}${tail}`;
    else if (roomAfter(plain) >= 6) line = `${plain}${label(roomAfter(plain))}${tail}`;
    else {
      // No room for the label: then the time left, then the elapsed time give way; a count
      // that does not fit becomes a percentage rather than a number cut in the middle.
      const width = columns - 1;
      const elapsedOnly = ` · ${(elapsed / 1000).toFixed(1)} s`;
      const percent = `${Math.floor((100 * done) / total)}%`;
      line = [`${count}${tail}`, `${count}${elapsedOnly}`, count, `${percent}${elapsedOnly}`, percent].find((text) => displayWidth(text) <= width) ?? '';
    }
    this.stream.write(`\r${line}\x1b[K`);
  }

  /** Erases the bar, if it was drawn. */
  done(): void {
    if (this.shown) this.stream.write('\r\x1b[K');
  }
}
