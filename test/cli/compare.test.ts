import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { filesUnder, queuesim, scenarioFile, tempDir } from './cli.js';

const cafe = `
name: Tiny café
seed: 5
replications: 6
time: { horizon: 120, periods: [{ name: early, start: 0 }, { name: rush, start: 60 }] }
stations:
  - { id: till, servers: { early: 1, rush: 2 }, service: { dist: exponential, mean: 1.5 } }
segments:
  - { id: walkIn, arrivals: { rate: { early: 0.5, rush: 1.1 } }, route: [till], patience: { dist: exponential, mean: 5 } }
`;

describe('queuesim compare', () => {
  it('a file compared with itself shows zero differences and marks none', () => {
    const file = scenarioFile('cafe.yaml', cafe);
    const out = tempDir();
    const result = queuesim(['compare', file, file, '--out', out, '--json']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const comparison = JSON.parse(result.stdout);
    expect(comparison.variants.map((v: { name: string }) => v.name)).toEqual(['Tiny café #1', 'Tiny café #2']);
    let compared = 0;
    for (const row of comparison.metrics) {
      const d = row.differences[1];
      if (d === null || d.mean === null) continue;
      expect(d.mean).toBe(0);
      expect(d.differs).toBe(false);
      compared++;
    }
    expect(compared).toBeGreaterThan(10); // not passed by skipping every row
  });

  it('--set makes variants of one file; the table marks differences whose CI excludes 0, and the folder holds CSV, JSON, variants and the report', () => {
    const out = tempDir();
    const result = queuesim(['compare', scenarioFile('cafe.yaml', cafe), '--set', 'three: stations.till.servers.rush=3', '--out', out]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('three − base [95% CI]');
    expect(result.stdout).toMatch(/rush waitMean .* \*/);
    expect(result.stdout).toMatch(/arrivals\s+.*0\.00 \[0\.00, 0\.00\]/);
    const folder = join(out, 'compare-base-vs-three');
    const files = filesUnder(folder);
    expect(files).toEqual(expect.arrayContaining(['compare.csv', 'compare.json', 'report.html', 'variants/1-base/summary.json', 'variants/2-three/replications.csv', 'charts/1-base/utilisation.svg', 'charts/2-three/utilisation.svg']));
    const csv = readFileSync(join(folder, 'compare.csv'), 'utf8').split('\n');
    expect(csv[0]).toBe('scope,metric,base:mean,base:ci95Lo,base:ci95Hi,three:mean,three:ci95Lo,three:ci95Hi,three:diff,three:diffLo,three:diffHi,three:differs,three:diffLoUnpaired,three:diffHiUnpaired,base:n,three:n,three:pairs');
    expect(csv.some((line) => line.startsWith('period:rush,waitMean,'))).toBe(true);
    const html = readFileSync(join(folder, 'report.html'), 'utf8');
    expect(html).toContain('Content-Security-Policy');
    expect(html.match(/data-variant="1"/g)!.length).toBeGreaterThan(1);
    expect(html).not.toMatch(/<script/i);
  });

  it('a chart one variant has and another has not says why in that variant’s place', () => {
    const out = tempDir();
    const patient = scenarioFile('patient.yaml', cafe.replace(', patience: { dist: exponential, mean: 5 }', '').replace('name: Tiny café', 'name: Patient café'));
    const result = queuesim(['compare', scenarioFile('cafe.yaml', cafe), patient, '--out', out, '--quiet']);
    expect(result.code).toBe(0);
    const html = readFileSync(join(out, 'compare-tiny-cafe-vs-patient-cafe', 'report.html'), 'utf8');
    expect(html).toContain('data-chart="losses" data-variant="0"');
    expect(html).not.toContain('data-chart="losses" data-variant="1"');
    expect(html).toContain('Nothing to draw for this variant: its results hold no data for this chart, or only zeros');
  });

  it('runs every variant on one seed and one number of replications: --set cannot change them, and another file’s own are noted', () => {
    const out = tempDir();
    const file = scenarioFile('cafe.yaml', cafe);
    const seed = queuesim(['compare', file, '--set', 's7: seed=7', '--out', out]);
    expect(seed.code).toBe(2);
    expect(seed.stderr).toContain('every variant runs with the same seed, so that each draws the same random numbers (common random numbers): give --seed to change it for all');
    expect(queuesim(['compare', file, '--set', 'more: replications=50', '--out', out]).stderr).toContain('give --reps to change their number for all');
    expect(filesUnder(out)).toEqual([]);
    const other = scenarioFile('other.yaml', cafe.replace('seed: 5', 'seed: 7').replace('name: Tiny café', 'name: Other café'));
    const files = queuesim(['compare', file, other, '--out', out, '--quiet']);
    expect(files.code).toBe(0);
    expect(files.stderr).toBe(`note: ${other} has seed 7; every variant runs with ${file}'s seed 5 and 6 replications, on the same random numbers (give --seed and --reps to choose).\n`);
    expect(queuesim(['compare', file, other, '--seed', '9', '--out', tempDir(), '--quiet']).stderr).toBe('');
  });

  it('says when a file’s segments are not the first’s: other customers, so its differences pair replications only', () => {
    const file = scenarioFile('cafe.yaml', cafe);
    const renamed = scenarioFile('renamed.yaml', cafe.replace('name: Tiny café', 'name: Renamed café').replaceAll('walkIn', 'passerBy'));
    const result = queuesim(['compare', file, renamed, '--out', tempDir(), '--quiet', '--no-report']);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe(
      `note: ${renamed} has segments passerBy where ${file} has walkIn: none of them are the same customers, so its differences pair replications more than customers (the CIs hold, without all the narrowing common random numbers give).\n`,
    );
  });

  it('escapes variant names in the report', () => {
    const out = tempDir();
    const result = queuesim(['compare', scenarioFile('cafe.yaml', cafe), '--set', '<b>x</b>: stations.till.servers.rush=3', '--out', out, '--name', 'escape test', '--quiet']);
    expect(result.code).toBe(0);
    const html = readFileSync(join(out, 'escape-test', 'report.html'), 'utf8');
    expect(html).not.toContain('<b>x</b>');
    expect(html).toContain('&#60;b&#62;x&#60;/b&#62;');
  });

  it('a bad variant names the variant and the key path, exits 2 and writes nothing', () => {
    const out = tempDir();
    const file = scenarioFile('cafe.yaml', cafe);
    const result = queuesim(['compare', file, '--set', 'half: stations.till.servers.rush=2.5', '--set', 'typo: stations.tll.servers=2', '--out', out]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`error: ${file} [variant "half"]: stations[0].servers.rush: servers must be a whole number (set by stations.till.servers.rush=2.5)`);
    expect(result.stderr).toContain(`error: ${file} [variant "typo"]: stations.tll.servers=2: stations has no element "tll" (did you mean "till"?); it has till`);
    expect(filesUnder(out)).toEqual([]);
    // A problem of the command line is counted as the options', not as a file's.
    const colon = queuesim(['compare', file, '--set', 'two stations.till.servers=2', '--out', out]);
    expect(colon.code).toBe(2);
    expect(colon.stderr).toBe(
      'error: --set "two stations.till.servers=2": to name the variant, put a colon after its name: "two: stations.till.servers=2"\n1 problem in the options; nothing was run or written.\n',
    );
    const both = queuesim(['compare', file, '--set', 'two stations.till.servers=2', '--set', 'typo: stations.tll.servers=2', '--out', out]);
    expect(both.stderr).toMatch(/\n2 problems in 1 file and the options; nothing was run or written\.\n$/);
  });

  it('refuses scenarios in different time units: their waits would stand side by side as if comparable', () => {
    const out = tempDir();
    const minutes = scenarioFile('minutes.yaml', cafe);
    const hours = scenarioFile('hours.yaml', cafe.replace('time: { horizon: 120,', 'time: { unit: hour, horizon: 120,').replace('name: Tiny café', 'name: Tiny café in hours'));
    const result = queuesim(['compare', minutes, hours, '--out', out]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`error: ${hours}: time.unit: time.unit is "hour" here and "minute" in ${minutes}: compare scenarios that measure time in the same unit`);
    expect(filesUnder(out)).toEqual([]);
    const spelt = scenarioFile('minutes.yaml', cafe.replace('time: { horizon: 120,', 'time: { unit: Minutes, horizon: 120,').replace('name: Tiny café', 'name: Tiny café spelt'));
    expect(queuesim(['compare', minutes, spelt, '--reps', '2', '--no-report', '--quiet', '--out', out]).code).toBe(0); // "minute" and "Minutes" are one unit
    // A variant of one file in another unit is named as its other problems are: the file, the variant, what set it.
    const variant = queuesim(['compare', minutes, '--set', 'x: time.unit=hour; stations.till.servers=2', '--out', out]);
    expect(variant.code).toBe(2);
    expect(variant.stderr).toContain(`error: ${minutes} [variant "x"]: time.unit: time.unit is "hour" here and "minute" in the file: compare scenarios that measure time in the same unit (their durations, rates and waits are not comparable otherwise) (set by time.unit=hour; stations.till.servers=2)\n`);
  });

  it('refuses a usage that compares nothing, or --set with several files', () => {
    const file = scenarioFile('cafe.yaml', cafe);
    expect(queuesim(['compare', file]).code).toBe(2);
    const both = queuesim(['compare', file, file, '--set', 'x: seed=2']);
    expect(both.code).toBe(2);
    expect(both.stderr).toContain('--set makes variants of one file');
  });
});
