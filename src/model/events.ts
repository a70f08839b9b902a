/**
 * The order of simultaneous events, in one table. At one instant events run by rank (lower
 * first), then in the order they were scheduled. Ranks and event kinds are separate: the
 * core and every lever register their kinds (system.registerEvent) with one of these ranks,
 * so a new kind never reorders the existing ones. A lever that needs a new place in the
 * order adds a rank here, with the reason.
 *
 *   serviceEnd   a finishing customer frees its server first,
 *   shiftChange  then the schedule changes (a server whose shift ends gets no new customer),
 *   dispatch     then the line is served,
 *   renege       then anyone still waiting may give up,
 *   move         then customers move on to their next station,
 *   arrival      then newcomers arrive (seeing every station as it is after all of that),
 *   close        and the doors close last.
 */
export const Rank = {
  serviceEnd: 10,
  shiftChange: 20,
  dispatch: 30,
  renege: 40,
  move: 50,
  arrival: 60,
  close: 70,
} as const;
export type Rank = (typeof Rank)[keyof typeof Rank];

/** Handles the events of one registered kind; `subject` is the number it was scheduled with. */
export interface EventHandlerOf {
  handle(subject: number): void;
}

/** A registered event kind. */
export interface EventKindInfo {
  readonly name: string;
  readonly rank: Rank;
  readonly handler: EventHandlerOf;
}
