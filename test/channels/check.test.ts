/**
 * The channels keys at the boundary: what they resolve to (defaults filled in), and every
 * route or table a customer could not follow is refused with its key path and the reason.
 */
import { describe, expect, it } from 'vitest';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { scenarioJsonSchema, validateScenario } from '../../src/index.js';
import type { ChannelsConfig, ServerLinesConfig } from '../../src/channels/resolve.js';
import { formatPath } from '../../src/scenario/problems.js';

const base = {
  name: 'checks',
  time: { horizon: 60 },
  stations: [
    { id: 'kiosk', servers: 2, service: 2, selfService: true },
    { id: 'counter', servers: 2, service: 3 },
    { id: 'window', servers: 1, service: 9, openTo: ['complex'] },
  ],
  segments: [
    { id: 'simple', arrivals: { rate: 1 }, route: [{ choose: ['kiosk', 'counter'] }] },
    { id: 'complex', arrivals: { rate: 0.1 }, route: [{ choose: ['counter', 'window'], by: 'leastExpectedWait', skip: 0.2 }, 'counter'] },
  ],
};

function problems(scenario: unknown): string[] {
  const loaded = validateScenario(scenario);
  return loaded.ok ? [] : loaded.problems.map((p) => `${formatPath(p.path)}: ${p.message}`);
}

/** `segments` first, then the complex segment (the window is open to it). */
const withSegments = (...segments: unknown[]) => ({ ...base, segments: [...segments, base.segments[1]] });
const withStation = (i: number, station: Record<string, unknown>) => ({ ...base, stations: base.stations.map((s, j) => (j === i ? station : s)) });

describe('channels keys resolve', () => {
  it('to slots per candidate station, closed stations left out, defaults filled in', () => {
    const loaded = validateScenario(base);
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems));
    const { model } = loaded;
    expect(model.segments[1]!.route).toEqual([1, 2, 1]); // counter | window, then counter
    const channels = model.levers.channels as ChannelsConfig;
    expect(channels.routes[0]).toEqual([{ slots: [0, 1], weights: [1, 1], by: 'shortestLine', skip: 0 }]);
    expect(channels.routes[1]).toEqual([
      { slots: [0, 1], weights: [1, 1], by: 'leastExpectedWait', skip: 0.2 },
      { slots: [2], weights: [1], by: 'shares', skip: 0 },
    ]);
    expect(channels.adoption).toEqual([[0.3, 1, 1], [0.3, 1, 1]]); // selfService: true adopts the default 0.3 [A]
    expect(model.levers.serverLines).toBeUndefined();
    expect(model.levers.parties).toBeUndefined();
  });

  it('shares imply by: shares; a segment not listed in an adoption map never uses the station', () => {
    const loaded = validateScenario({
      ...withStation(0, { id: 'kiosk', servers: 2, service: 2, selfService: { adoption: { simple: 0.7 } } }),
      segments: [{ id: 'simple', arrivals: { rate: 1 }, route: [{ choose: ['kiosk', 'counter'], shares: { kiosk: 3 } }] }, base.segments[1]],
    });
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems));
    const channels = loaded.model.levers.channels as ChannelsConfig;
    expect(channels.routes[0]![0]).toMatchObject({ by: 'shares', weights: [3, 0] });
    expect(channels.adoption.map((row) => row[0])).toEqual([0.7, 0]);
  });

  it('linePerServer: true takes the defaults, with one line per server of the busiest period', () => {
    const loaded = validateScenario(withStation(1, { id: 'counter', servers: 4, service: 3, linePerServer: true }));
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems));
    expect((loaded.model.levers.serverLines as ServerLinesConfig).stations).toEqual([null, { join: 'shortest', jockeying: false, lines: 4 }, null]);
  });

  it('the published JSON Schema accepts choice steps and the new keys, and rejects a misspelt one', () => {
    const validate = new Ajv2020({ allErrors: true, strict: false }).compile(scenarioJsonSchema());
    expect(validate(base), JSON.stringify(validate.errors)).toBe(true);
    expect(validate(withSegments({ id: 'x', arrivals: { rate: 1 }, route: [{ chose: ['counter'] }] }))).toBe(false);
  });
});

describe('routes a customer could not follow are refused', () => {
  it('an unknown station in a choice step, with its path inside the step', () => {
    expect(problems(withSegments({ id: 'simple', arrivals: { rate: 1 }, route: [{ choose: ['kiosk', 'countr'] }] }))).toContain(
      'segments[0].route[0].choose[1]: unknown station "countr" (did you mean "counter"?)',
    );
  });

  it('a misspelt key of a choice step, with the keys allowed there', () => {
    expect(problems(withSegments({ id: 'simple', arrivals: { rate: 1 }, route: [{ choose: ['counter'], shars: {} }] }))).toEqual([
      'segments[0].route[0].shars: unknown key "shars" (did you mean "shares"?); allowed here: choose, by, shares, skip',
    ]);
  });

  it('a plain step to a station closed to the segment', () => {
    expect(problems(withSegments({ id: 'simple', arrivals: { rate: 1 }, route: ['window'] }))).toEqual([
      'segments[0].route[0]: station "window" is not open to segment "simple" (openTo): add the segment to its openTo, or choose among stations here',
    ]);
  });

  it('a plain step to a self-service station not everyone uses', () => {
    expect(problems(withSegments({ id: 'simple', arrivals: { rate: 1 }, route: ['kiosk'] }))).toEqual([
      'segments[0].route[0]: station "kiosk" is self-service and only 30% of segment "simple" use it: put it in a choice step with a staffed station for the others',
    ]);
  });

  it('a choice with no station open to the segment, or only self-service ones', () => {
    expect(problems(withSegments({ id: 'simple', arrivals: { rate: 1 }, route: [{ choose: ['window'] }] }))).toEqual([
      'segments[0].route[0].choose: none of these stations is open to segment "simple" (openTo)',
    ]);
    expect(problems(withSegments({ id: 'simple', arrivals: { rate: 1 }, route: [{ choose: ['kiosk', 'window'] }] }))).toEqual([
      'segments[0].route[0].choose: every station here open to segment "simple" is self-service, and not all of the segment use it: add a staffed station for the others',
    ]);
  });

  it('shares of a station the step does not name, or with another rule', () => {
    expect(problems(withSegments({ id: 'simple', arrivals: { rate: 1 }, route: [{ choose: ['kiosk', 'counter'], shares: { kiosk: 1, window: 2 } }] }))).toEqual([
      'segments[0].route[0].shares.window: "window" is not one of this step\'s stations',
    ]);
    expect(problems(withSegments({ id: 'simple', arrivals: { rate: 1 }, route: [{ choose: ['kiosk', 'counter'], by: 'shortestLine', shares: { kiosk: 1 } }] }))).toEqual([
      'segments[0].route[0].shares: shares are used only with by: shares (this step chooses by shortestLine)',
    ]);
  });

  it('a route whose every step may be skipped', () => {
    expect(problems(withSegments({ id: 'simple', arrivals: { rate: 1 }, route: [{ choose: ['counter'], skip: 0.5 }] }))).toEqual([
      'segments[0].route: every step can be skipped: give at least one step without skip, so every customer visits a station',
    ]);
  });

  it('openTo and adoption maps naming unknown segments', () => {
    expect(problems(withStation(2, { id: 'window', servers: 1, service: 9, openTo: ['complx'] }))).toContain('stations[2].openTo[0]: unknown segment "complx" (did you mean "complex"?)');
    expect(problems(withStation(0, { id: 'kiosk', servers: 1, service: 2, selfService: { adoption: { simpel: 0.5 } } }))).toContain(
      'stations[0].selfService.adoption.simpel: unknown segment "simpel" (did you mean "simple"?)',
    );
  });

  it('a service override for a station of a choice step is on the route', () => {
    expect(problems(withSegments({ id: 'simple', arrivals: { rate: 1 }, route: [{ choose: ['kiosk', 'counter'] }], service: { counter: 4 } }))).toEqual([]);
  });
});

describe('lines and tables a station could not run are refused', () => {
  it('a line per server with the priority discipline', () => {
    expect(problems(withStation(1, { id: 'counter', servers: 2, service: 3, discipline: 'priority', linePerServer: true }))).toEqual([
      'stations[1].linePerServer: a line per server serves each line in joining order: use discipline: fifo (or one shared line for priority)',
    ]);
  });

  it('tables whose count is not the servers, and parties bigger than any table', () => {
    const dining = { id: 'counter', servers: 3, service: 30, seating: { tables: [{ seats: 2, count: 2 }, { seats: 4, count: 2 }] } };
    const scenario = { ...withStation(1, dining), segments: [{ ...base.segments[1], partySize: { values: [2, 6] } }] };
    expect(problems(scenario)).toEqual([
      'stations[1].servers: a station with seating has one server per table: servers must be 4, the number of its tables',
      'segments[0].partySize: parties of 6 visit station "counter", but its largest table seats 4 (combine: true pushes tables together)',
    ]);
    const combined = { ...scenario, stations: scenario.stations.map((s, i) => (i === 1 ? { ...dining, servers: 4, seating: { ...dining.seating, combine: true } } : s)) };
    expect(problems(combined)).toEqual([]);
    // Servers per period, even the right number in each: one number, said so.
    const perPeriod = {
      ...combined,
      time: { horizon: 60, periods: [{ name: 'early', start: 0 }, { name: 'late', start: 30 }] },
      stations: combined.stations.map((s, i) => (i === 1 ? { ...s, servers: { early: 4, late: 4 } } : s)),
    };
    expect(problems(perPeriod)).toEqual([
      'stations[1].servers: a station with seating has one server per table: servers must be 4, the number of its tables, as one number (tables do not change by period), not one per period',
    ]);
  });

  it('a malformed partySize beside tables is the schema’s problem, reported as one, never a crash', () => {
    const dining = { id: 'counter', servers: 4, service: 30, seating: { tables: [{ seats: 2, count: 2 }, { seats: 4, count: 2 }] } };
    const scenario = { ...withStation(1, dining), segments: [{ ...base.segments[1], partySize: { sizes: [1, 2], shares: [0.5, 0.5] } }] };
    const found = problems(scenario);
    expect(found).toContain('segments[0].partySize.values: is required');
    expect(found.every((p) => p.startsWith('segments[0].partySize'))).toBe(true);
  });
});
