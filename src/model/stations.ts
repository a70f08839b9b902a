/**
 * A station's state during a run: servers on duty, servers busy, and the waiting line.
 * When the schedule lowers `capacity` below `busy`, the extra servers finish their customers
 * and then leave: with the shared line nobody new is started while busy >= capacity (a line
 * that tells servers apart starts customers only with its own servers on duty; see Line).
 */
import type { StationModel } from './model.js';
import type { Line, StationAtJoin } from './policies.js';
import { WaitingLine } from './waiting-line.js';

export class StationState implements StationAtJoin {
  capacity: number;
  busy = 0;
  /** The line; a lever may replace it before the run starts. */
  line: Line;
  readonly queueCapacity: number;
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
    this.line = new WaitingLine(spec.discipline === 'priority' ? priorityClasses : 1);
  }

  get waiting(): number {
    return this.line.size;
  }
}
