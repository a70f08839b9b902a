/**
 * Ctrl-C (SIGINT) and SIGTERM during a command: the first asks the work to stop through an
 * AbortSignal, so it can terminate its threads and remove its staging folders before exiting
 * with 128 + the signal's number (130 for Ctrl-C). A second one exits at once, after the
 * synchronous clean-ups registered with onForce().
 */
import { constants } from 'node:os';

const HANDLED = ['SIGINT', 'SIGTERM'] as const;
type HandledSignal = (typeof HANDLED)[number];

export class Interruption {
  private readonly controller = new AbortController();
  private readonly cleanups = new Set<() => void>();
  private received: HandledSignal | undefined;
  private readonly handle = (signal: HandledSignal): void => {
    if (this.received === undefined) {
      this.received = signal;
      this.controller.abort();
      return;
    }
    for (const cleanup of this.cleanups) cleanup();
    process.stderr.write('\nqueuesim: stopped at once; nothing was written for the scenario being run.\n');
    process.exit(this.exitCode);
  };

  constructor() {
    for (const signal of HANDLED) process.on(signal, this.handle);
  }

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  /** 128 + the number of the signal received (130 for SIGINT). */
  get exitCode(): number {
    return 128 + constants.signals[this.received ?? 'SIGINT'];
  }

  /** Registers a synchronous clean-up for an immediate exit; returns its removal. */
  onForce(cleanup: () => void): () => void {
    this.cleanups.add(cleanup);
    return () => this.cleanups.delete(cleanup);
  }

  /** Stops listening: the signals' default behaviour returns. */
  dispose(): void {
    for (const signal of HANDLED) process.off(signal, this.handle);
  }
}
