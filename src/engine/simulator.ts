/**
 * A clock over the event calendar. The simulator hands each event, in calendar order, to
 * one handler; what the kinds and subjects mean is the handler's business, never the
 * engine's (the engine knows nothing about customers or servers).
 */
import { EventCalendar, type EventHandle } from './calendar.js';

export type { EventHandle } from './calendar.js';

export interface EventHandler {
  onEvent(kind: number, subject: number): void;
}

/** Out of line, so that schedule stays small enough to be inlined where it is called. */
function tooEarly(time: number, now: number): never {
  throw new Error(`cannot schedule an event at ${time}, before now (${now})`);
}

export class Simulator {
  private readonly calendar = new EventCalendar(256);
  private stopped = false;
  /** Current simulated time. */
  now = 0;
  /** Events handled so far. */
  eventsHandled = 0;

  /** Schedules an event at absolute time `time` (not before now). */
  schedule(time: number, rank: number, kind: number, subject: number): EventHandle {
    if (!(time >= this.now)) tooEarly(time, this.now);
    return this.calendar.push(time, rank, kind, subject);
  }

  /** Schedules an event that will not be cancelled: as `schedule`, without a handle (and cheaper). */
  post(time: number, rank: number, kind: number, subject: number): void {
    if (!(time >= this.now)) tooEarly(time, this.now);
    this.calendar.post(time, rank, kind, subject);
  }

  cancel(handle: EventHandle): boolean {
    return this.calendar.cancel(handle);
  }

  /** Whether an event of a rank lower than `rank` is still pending at the current instant. */
  pendingNowBefore(rank: number): boolean {
    return this.calendar.hasDueBefore(this.now, rank);
  }

  get pending(): number {
    return this.calendar.size;
  }

  /** Ends `run` after the event being handled. */
  stop(): void {
    this.stopped = true;
  }

  /** Runs events in order until the calendar is empty or `stop` is called. */
  run(handler: EventHandler): void {
    const calendar = this.calendar;
    this.stopped = false;
    while (!this.stopped && calendar.pop()) {
      this.now = calendar.poppedTime;
      this.eventsHandled++;
      handler.onEvent(calendar.poppedKind, calendar.poppedSubject);
    }
  }
}
