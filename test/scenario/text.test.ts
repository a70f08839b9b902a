/**
 * Reading scenario text as editors write it: a byte order mark (Windows), YAML merge keys for
 * stations that share most of their keys, and a file with a second document by mistake.
 */
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/index.js';

const scenario = {
  name: 'Post office',
  time: { horizon: 60 },
  stations: [{ id: 'counter', servers: 1, service: { dist: 'exponential', mean: 2 } }],
  segments: [{ id: 'walkIn', arrivals: { rate: 0.3 }, route: ['counter'] }],
};

describe('scenario text', () => {
  it('a byte order mark before JSON or YAML is not part of the text', () => {
    const json = JSON.stringify(scenario, null, 2);
    for (const [text, file] of [[json, 'office.json'], [json, 'office.yaml']] as const) {
      const plain = loadScenario(text, file);
      const marked = loadScenario(`\uFEFF${text}`, file);
      expect(marked).toEqual(plain);
      expect(marked.ok).toBe(true);
    }
    const broken = loadScenario('\uFEFF{\n  "name": "x",\n  "time": { "horizon": 10, }\n}', 'broken.json');
    expect(broken.ok ? [] : broken.problems.map((p) => p.line)).toEqual([3]);
  });

  it('merge keys copy a station’s keys into another, its own keys winning; problems keep their lines', () => {
    const text = `name: Two desks
time: { horizon: 60 }
stations:
  - &desk { id: a, servers: 1, service: { dist: exponential, mean: 2 } }
  - <<: *desk
    id: b
    servers: 2
segments: [{ id: s, arrivals: { rate: 0.5 }, route: [a, b] }]
`;
    const loaded = loadScenario(text, 'desks.yaml');
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems));
    expect(loaded.model.stations.map((s) => [s.id, s.servers])).toEqual([['a', [1]], ['b', [2]]]);
    expect(loaded.model.segments[0]!.service).toEqual([{ dist: 'exponential', mean: 2 }, { dist: 'exponential', mean: 2 }]);
    const typo = loadScenario(text.replace('servers: 2', 'servres: 2'), 'desks.yaml');
    expect(typo.ok ? [] : typo.problems.map((p) => [p.line, p.path.join('.')])).toEqual([[7, 'stations.1.servres']]);
  });

  it('a merge key given something other than a map is a problem on its line, not a crash', () => {
    for (const value of ['1', 'null', '[1, 2]']) {
      const text = `name: Post office\n<<: ${value}\ntime: { horizon: 60 }\nstations: [{ id: counter, servers: 1, service: 2 }]\nsegments: [{ id: walkIn, arrivals: { rate: 0.3 }, route: [counter] }]\n`;
      const loaded = loadScenario(text, 'merge.yaml');
      expect(loaded.ok ? [] : loaded.problems.map((p) => `${p.line}: ${p.message}`), value).toEqual([
        '2: not valid YAML: << merges the keys of a map into this one: write <<: *anchor (or a list of them) for an &anchor on a map',
      ]);
    }
    // An alias of an anchor never set is named as the parser names it anywhere else.
    for (const value of ['*nope', '[*nope]']) {
      const text = `name: Post office\n<<: ${value}\ntime: { horizon: 60 }\nstations: [{ id: counter, servers: 1, service: 2 }]\nsegments: [{ id: walkIn, arrivals: { rate: 0.3 }, route: [counter] }]\n`;
      const loaded = loadScenario(text, 'merge.yaml');
      expect(loaded.ok ? [] : loaded.problems.map((p) => `${p.line}: ${p.message}`), value).toEqual(['2: not valid YAML: Unresolved alias (the anchor must be set before the alias): nope']);
    }
  });

  it('a second document in the file is named as such, in words for the planner', () => {
    const loaded = loadScenario(`${JSON.stringify(scenario)}\n---\nname: another\n`, 'two.yaml');
    expect(loaded.ok ? [] : loaded.problems.map((p) => `${p.line}: ${p.message}`)).toEqual([
      '2: not valid YAML: the file holds more than one YAML document (a line --- starts another): a scenario is one document',
    ]);
  });
});
