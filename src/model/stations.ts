/**
 * A station's state during a run: servers on duty, servers busy, and the waiting line.
 * When the schedule lowers `capacity` below `busy`, the extra servers finish their customers
 * and then leave: nobody new is started while busy >= capacity.
 */
import type { StationModel } from './model.js';
import type { StationView } from './journey.js';
import { WaitingLine } from './waiting-line.js';

export class StationState implements StationView {
  capacity: number;
  busy = 0;
  readonly line: WaitingLine;
  readonly queueCapacity: number;
  /** Whether the line has a class per priority (discipline: priority). */
  private readonly prioritised: boolean;
  /** A dispatch event is already scheduled for the current instant. */
  dispatchPending = false;
  /** Last instant observers were told this station is about to change. */
  announcedAt = -Infinity;

  constructor(
    readonly index: number,
    readonly spec: StationModel,
    priorityClasses: number,
  ) {
    this.capacity = spec.servers[0]!;
    this.queueCapacity = spec.queueCapacity;
    this.prioritised = spec.discipline === 'priority';
    this.line = new WaitingLine(this.prioritised ? priorityClasses : 1);
  }

  get waiting(): number {
    return this.line.size;
  }

  /** The line class a segment of priority class `priorityClass` waits in. */
  classFor(priorityClass: number): number {
    return this.prioritised ? priorityClass : 0;
  }
}
