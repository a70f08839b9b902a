/**
 * Channels, triage, lines per server and groups (issue 9) as four levers on the open journey,
 * each a feature a scenario may use alone, whose metrics appear only when it does:
 *
 *   channels     route steps that choose among stations (shares, shortest line, least
 *                expected wait), optional steps, stations open to some segments (triage,
 *                express lanes), self-service stations with an adoption share per segment;
 *   serverLines  a line in front of each server, with a join rule and optional jockeying;
 *   parties      party sizes: one customer record is a party that arrives, waits and is
 *                served together; people are counted next to parties;
 *   seating      tables of given sizes serving parties, pushed together or not.
 *
 * None of them draws from a core stream or changes a core policy of a scenario that does not
 * use it, so such a scenario's results stay byte for byte the same.
 */
import { defineLever } from '../levers/lever.js';
import type { MetricInfo } from '../metrics/catalogue.js';
import type { Customer } from '../model/customer.js';
import { JourneyWatcher } from '../model/journey.js';
import { Access } from './access.js';
import { checkChannels, checkSeating, checkServerLines } from './check.js';
import { ChoiceStepSchema, accessKeys, choiceStepStations, partyKeys, seatingKeys, serverLineKeys } from './keys.js';
import { seeLinesAsCustomersDo } from './line-view.js';
import { PartyDraws } from './parties.js';
import { PeopleCounter, peopleMetricNames } from './people.js';
import { resolveChannels, resolveParties, resolveSeating, resolveServerLines, type ChannelsConfig, type PartiesConfig, type SeatingConfig, type ServerLinesConfig } from './resolve.js';
import { ChoiceRouter } from './routing.js';
import { SeatUse } from './seat-use.js';
import { TableLine } from './seating.js';
import { ServerLines } from './server-lines.js';
import { choiceVisitShares } from './visits.js';

/** Draws each arrival's numbers for self-service and for its route's choices. */
class ChoiceDraws extends JourneyWatcher {
  constructor(
    private readonly access: Access,
    private readonly routers: readonly (ChoiceRouter | null)[],
  ) {
    super();
  }
  override arrive(customer: Customer): void {
    this.access.arrive(customer);
    this.routers[customer.segment]?.arrive(customer);
  }
}

export const channelsLever = defineLever<ChannelsConfig>({
  name: 'channels',
  keys: { routeStep: ChoiceStepSchema, station: accessKeys },
  routeStepStations: choiceStepStations,
  check: checkChannels,
  resolve: resolveChannels,
  visitShares: choiceVisitShares,
  install(system, config, context) {
    const { model } = context;
    const meetsSelfService = config.routes.map((steps, segment) =>
      steps !== null && steps.some((step) => step.slots.some((slot) => config.adoption[segment]![model.segments[segment]!.route[slot]!]! < 1)),
    );
    const access = new Access(
      config.adoption,
      system.addColumn('channels/readiness'),
      model.segments.map((segment, i) => (meetsSelfService[i] ? context.stream(`readiness/${segment.id}`) : null)),
    );
    const draws = system.addColumn('channels/draws', 2 * Math.max(...config.routes.map((steps) => steps?.length ?? 0)));
    const routers = config.routes.map((steps, i) => {
      if (steps === null) return null;
      const segment = model.segments[i]!;
      const router = new ChoiceRouter(steps, segment.route, config.meanService[i]!, system.stations, access, draws, context.stream(`choice/${segment.id}`), context.stream(`skip/${segment.id}`));
      system.routers[i] = router;
      return router;
    });
    system.addObserver(new ChoiceDraws(access, routers));
    return undefined;
  },
});

const jockeyedMetric: MetricInfo = {
  name: 'jockeyed',
  scopes: ['system', 'station'],
  kind: 'count',
  description: 'moves of a waiting customer to a shorter line (stations with a line per server and jockeying)',
};

export const serverLinesLever = defineLever<ServerLinesConfig>({
  name: 'serverLines',
  keys: { station: serverLineKeys },
  check: checkServerLines,
  resolve: resolveServerLines,
  metrics: [jockeyedMetric],
  install(system, config, context) {
    const column = system.addColumn('serverLines/server');
    const places = system.addColumn('serverLines/place');
    const periods = context.model.periods.length;
    const lines = config.stations.map((options, i) => {
      if (options === null) return null;
      const station = system.stations[i]!;
      const line = new ServerLines(station, options, column, context.stream(`join/${station.spec.id}`), periods, places);
      station.line = line;
      return line;
    });
    seeLinesAsCustomersDo(system);
    return {
      collect: () => {
        const jockeyed = (p: number | undefined) => {
          const stations = lines.map((line) => ({ jockeyed: line === null ? 0 : p === undefined ? line.jockeyedByPeriod.reduce((a, b) => a + b, 0) : line.jockeyedByPeriod[p]! }));
          return { metrics: { jockeyed: stations.reduce((sum, s) => sum + s.jockeyed, 0) }, stations };
        };
        return { ...jockeyed(undefined), periods: context.model.periods.map((_, p) => jockeyed(p)) };
      },
    };
  },
});

const everywhere = ['system', 'station', 'segment'] as const;
const peopleMetrics: MetricInfo[] = peopleMetricNames.map((name, i) => ({
  name,
  scopes: everywhere,
  kind: 'count',
  description: [
    'people in the parties that arrived (at a station: that reached it); arrivals counts the parties',
    'people in the parties that completed their route (at a station: service there)',
    'people in the parties that balked',
    'people in the parties that reneged',
    'people in the parties that were blocked',
    'people in the parties a reservation system refused',
    'people in the parties still inside when the run stopped',
  ][i]!,
}));

export const partiesLever = defineLever<PartiesConfig>({
  name: 'parties',
  keys: { segment: partyKeys },
  resolve: resolveParties,
  metrics: peopleMetrics,
  install(system, parties, context) {
    const streams = context.model.segments.map((segment, i) => (parties[i]!.sizes.length > 1 ? context.stream(`size/${segment.id}`) : null));
    system.addObserver(new PartyDraws(parties, streams));
    const people = new PeopleCounter(context.model);
    system.addObserver(people);
    return { collect: () => people.collect() };
  },
});

export const seatingLever = defineLever<SeatingConfig>({
  name: 'seating',
  keys: { station: seatingKeys },
  check: checkSeating,
  resolve: resolveSeating,
  ownedServers: (seating) => seating.flatMap((tables, station) => (tables === null ? [] : [{ station, what: 'seating: its servers are its tables (seating.tables)' }])),
  metrics: [{ name: 'seatUtilisation', scopes: ['system', 'station'], kind: 'share', description: 'people seated / seats over the measured time (stations with seating)' }],
  install(system, seating, context) {
    const held = system.addColumn('seating/tables', Math.max(...seating.map((s) => s?.seats.length ?? 0)));
    const places = system.addColumn('seating/place');
    seating.forEach((tables, i) => {
      if (tables !== null) system.stations[i]!.line = new TableLine(tables, held, places);
    });
    seeLinesAsCustomersDo(system);
    const seatUse = new SeatUse(
      context.model,
      seating.map((tables) => (tables === null ? 0 : tables.seats.reduce((sum, seats, kind) => sum + seats * tables.counts[kind]!, 0))),
    );
    system.addObserver(seatUse);
    return { collect: (end) => seatUse.collect(end) };
  },
});

/** In installation order: the router first, then the lines it may look at, then groups. */
export const channelLevers = [channelsLever, serverLinesLever, partiesLever, seatingLever] as const;
