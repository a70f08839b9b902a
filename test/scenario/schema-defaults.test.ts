/**
 * The JSON Schema's `default` values (what an editor shows beside a key) are the defaults the
 * simulator really uses: for every key with a `default` that a scenario leaves out, writing
 * that value in must give exactly the same model. Checked on every bundled scenario and on a
 * few small ones that open the sections the bundled ones leave closed; every `default` in the
 * schema must be exercised at least once, so a new one cannot slip by untested.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { scenarioJsonSchema } from '../../src/scenario/compose.js';
import { validateScenario } from '../../src/scenario/load.js';

type Json = Record<string, unknown>;
type Path = (string | number)[];

interface Omitted {
  /** Where the key would go in the scenario. */
  at: Path;
  /** The key's place in the schema, array elements as []: stations[].waiting.occupied. */
  key: string;
  value: unknown;
}

const schema = scenarioJsonSchema();
const ajv = new Ajv2020({ strict: false, allErrors: false });
const isMap = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const matches = (node: Json, data: unknown): boolean => ajv.validate(node, data) as boolean;

/**
 * Every key with a `default` in the schema, by its place, through properties, array items and
 * union branches (what `omitted` below walks); `reached` counts the nodes, a place or not.
 */
function keysWithDefaults(node: Json, key = '', out = new Map<string, Json>(), reached = { count: 0 }): { places: Map<string, Json>; reached: { count: number } } {
  for (const branch of [...((node.anyOf ?? []) as Json[]), ...((node.oneOf ?? []) as Json[]), ...((node.allOf ?? []) as Json[])]) keysWithDefaults(branch, key, out, reached);
  for (const [name, child] of Object.entries((node.properties ?? {}) as Record<string, Json>)) {
    const place = key === '' ? name : `${key}.${name}`;
    if ('default' in child) {
      out.set(place, child);
      reached.count++;
    }
    keysWithDefaults(child, place, out, reached);
  }
  if (isMap(node.items)) keysWithDefaults(node.items, `${key}[]`, out, reached);
  return { places: out, reached };
}

/** The keys with a `default` that `data` leaves out, where it has their parent. */
function omitted(node: Json, data: unknown, at: Path = [], key = '', out: Omitted[] = []): Omitted[] {
  // Of a union, only the branches the data is: a key of another rule would not be allowed here.
  for (const branch of [...((node.anyOf ?? []) as Json[]), ...((node.oneOf ?? []) as Json[]), ...((node.allOf ?? []) as Json[])]) {
    if (matches(branch, data)) omitted(branch, data, at, key, out);
  }
  if (isMap(data)) {
    for (const [name, child] of Object.entries((node.properties ?? {}) as Record<string, Json>)) {
      const place = key === '' ? name : `${key}.${name}`;
      if (data[name] === undefined) {
        if ('default' in child) out.push({ at: [...at, name], key: place, value: child.default });
      } else omitted(child, data[name], [...at, name], place, out);
    }
  }
  if (Array.isArray(data) && isMap(node.items)) data.forEach((element, i) => omitted(node.items as Json, element, [...at, i], `${key}[]`, out));
  return out;
}

function withValue(data: Json, at: Path, value: unknown): Json {
  const copy = structuredClone(data);
  let parent: Record<string | number, unknown> = copy;
  for (const step of at.slice(0, -1)) parent = parent[step] as Record<string | number, unknown>;
  parent[at.at(-1)!] = structuredClone(value);
  return copy;
}

function modelOf(data: Json, name: string) {
  const loaded = validateScenario(data, name);
  if (!loaded.ok) throw new Error(`${name}: ${loaded.problems.map((p) => `${p.path.join('.')}: ${p.message}`).join('; ')}`);
  return loaded.model;
}

const folder = fileURLToPath(new URL('../../scenarios/', import.meta.url));
const bundled = readdirSync(folder)
  .filter((file) => file.endsWith('.yaml'))
  .map((file) => ({ name: file, data: parse(readFileSync(join(folder, file), 'utf8')) as Json }));

const day = { name: 'day', time: { horizon: 120 } };
const till = { id: 'till', servers: 2, service: { dist: 'exponential', mean: 1 } };
const walkIns = { id: 'walkIns', arrivals: { rate: 1 }, route: ['till'] };
/** Sections the bundled scenarios leave closed, opened with nothing in them. */
const opened: { name: string; data: Json }[] = [
  {
    // The desk sets every waiting condition: a segment's waiting overrides its stations' key by
    // key, so a default written into the segment's (empty) waiting would change the desk's.
    name: 'every experience section',
    data: {
      ...day,
      stations: [
        { ...till, waiting: {} },
        {
          id: 'desk',
          servers: 1,
          service: { dist: 'exponential', mean: 1 },
          waiting: { stage: 'post', occupied: true, comfortable: false, explained: false, anxious: true, uncertain: true, value: 0.5, firstTimeShare: 0.2, information: 'quote', quoteFactor: 1.2, apology: true },
        },
      ],
      segments: [
        { ...walkIns, route: ['till', 'desk'], waiting: {}, patience: { dist: 'exponential', mean: 5 } },
        ...['linear', 'geometric', 'logit', 'informed'].map((rule) => ({ ...walkIns, id: rule, balking: { rule }, patience: { dist: 'exponential', mean: 5 } })),
      ],
      experience: { perception: { stageWeights: {}, multipliers: {} }, satisfaction: {}, quality: {}, aftermath: {} },
    },
  },
  {
    name: 'perception with nothing set',
    data: { ...day, stations: [till], segments: [walkIns], experience: { perception: {} } },
  },
  {
    name: 'a line per server, with its options',
    data: { ...day, stations: [{ ...till, linePerServer: {} }], segments: [walkIns] },
  },
  {
    name: 'a kiosk with nothing set',
    data: {
      ...day,
      stations: [till, { id: 'kiosk', servers: 1, service: { dist: 'exponential', mean: 2 }, selfService: {} }],
      segments: [{ ...walkIns, route: [{ choose: ['kiosk', 'till'] }] }],
    },
  },
  {
    name: 'tables that are never pushed together',
    data: { ...day, stations: [{ ...till, seating: { tables: [{ seats: 4, count: 2 }] } }], segments: [{ ...walkIns, partySize: 2 }] },
  },
  {
    name: 'money with nothing set',
    data: { ...day, stations: [till], segments: [walkIns], money: {} },
  },
  {
    name: 'pricing with congestion',
    data: { ...day, time: { horizon: 120, periods: [{ name: 'am', start: 0 }, { name: 'pm', start: 60 }] }, stations: [till], segments: [walkIns], replications: 2, pricing: { referencePrice: 4, price: { am: 4, pm: 4.4 }, congestion: { valueOfWaiting: 0.3 } } },
  },
  {
    name: 'a nested logit',
    data: { ...day, time: { horizon: 120, periods: [{ name: 'am', start: 0 }, { name: 'pm', start: 60 }] }, stations: [till], segments: [walkIns], pricing: { referencePrice: 4, price: 4, response: 'nestedLogit' } },
  },
  {
    name: 'reservations with the fewest keys',
    data: {
      ...day,
      stations: [till],
      segments: [walkIns, { id: 'booked', route: ['till'], arrivals: { rate: 0 } }],
      reservations: { segment: 'booked', slots: { every: 30 }, holdForBookings: {} },
    },
  },
];

/** Every `default` anywhere in the schema, whatever holds it. */
function allDefaults(node: unknown): number {
  if (Array.isArray(node)) return node.reduce((sum: number, item) => sum + allDefaults(item), 0);
  if (!isMap(node)) return 0;
  return ('default' in node ? 1 : 0) + Object.entries(node).reduce((sum, [key, value]) => sum + (key === 'default' ? 0 : allDefaults(value)), 0);
}

/**
 * Keys whose default is refused where it does not apply, each with the words of the refusal:
 * the test writes a default only where its key is taken, and no other refusal is allowed.
 */
const notHere: Record<string, string> = {
  'segments[].tolerance': 'has no effect without the top-level key experience',
  'pricing.nestParameter': 'nestParameter is used only with response: nestedLogit',
  'money.price': 'money.price is for scenarios without pricing',
};

describe('the JSON Schema’s defaults', () => {
  const { places: defaults, reached } = keysWithDefaults(schema);

  it('are values each key accepts, and every one stands where the checks below reach it', () => {
    expect(defaults.size).toBeGreaterThan(70);
    // A default under additionalProperties, prefixItems or such would escape both checks.
    expect(allDefaults(schema)).toBe(reached.count);
    expect(reached.count).toBe(defaults.size);
    for (const [key, node] of defaults) {
      const { default: value, ...rest } = node;
      expect(matches(rest, value), `${key}: default ${JSON.stringify(value)}`).toBe(true);
    }
  });

  it('are the defaults the simulator uses: writing one in changes no model', () => {
    const exercised = new Set<string>();
    for (const { name, data } of [...bundled, ...opened]) {
      const base = modelOf(data, name);
      for (const { at, key, value } of omitted(schema, data)) {
        const written = validateScenario(withValue(data, at, value), name);
        const reason = notHere[key];
        if (!written.ok && reason !== undefined && written.problems.every((p) => p.path.join('.') === at.join('.') && p.message.includes(reason))) continue;
        if (!written.ok) throw new Error(`${name} with ${at.join('.')}: ${JSON.stringify(value)}: ${written.problems.map((p) => p.message).join('; ')}`);
        exercised.add(key);
        expect(written.model, `${name}: ${at.join('.')} = ${JSON.stringify(value)}`).toEqual(base);
      }
    }
    expect([...defaults.keys()].filter((key) => !exercised.has(key))).toEqual([]);
  });
});
