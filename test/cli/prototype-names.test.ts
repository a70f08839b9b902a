import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { queuesim, scenarioFile, tempDir } from './cli.js';

const scenario = (station: string, period: string) => `
name: Prototype names
seed: 3
replications: 3
time:
  horizon: 100
  periods:
    - { name: constructor, start: 0 }
    - { name: ${period}, start: 50 }
stations:
  - id: ${station}
    servers: { constructor: 1, ${period}: 2 }
    service: 1
  - id: toString
    servers: 1
    service: 2
segments:
  - id: constructor
    arrivals: { rate: { constructor: 0.5, ${period}: 0.8 } }
    route: [${station}, toString]
    service: { toString: 0.5 }
  - id: hasOwnProperty
    arrivals: { rate: 0.1 }
    route: [toString]
`;

describe('names that are also members of Object.prototype', () => {
  it('constructor, toString, hasOwnProperty and valueOf work as ids and period names, in summary.json and the tables', () => {
    const out = tempDir();
    const result = queuesim(['run', scenarioFile('proto.yaml', scenario('valueOf', 'toString')), '--out', out]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const summary = JSON.parse(readFileSync(join(out, 'prototype-names', 'summary.json'), 'utf8'));
    expect(Object.keys(summary.stations)).toEqual(['valueOf', 'toString']);
    expect(Object.keys(summary.segments)).toEqual(['constructor', 'hasOwnProperty']);
    expect(Object.keys(summary.periods)).toEqual(['constructor', 'toString']);
    // the toString override (0.5) is used, not the station's 2: mean time in system at toString < 2
    expect(summary.segments.constructor.arrivals.mean).toBeGreaterThan(0);
    expect(result.stdout).toMatch(/\n {2}valueOf /);
    expect(result.stdout).toMatch(/\n {2}hasOwnProperty /);
  });

  it('__proto__ is refused as a name, with the reason, and nothing is run', () => {
    const out = tempDir();
    const result = queuesim(['run', scenarioFile('proto.yaml', scenario('__proto__', 'late')), '--out', out]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('stations[0].id: "__proto__" cannot be a station name');
  });
});
