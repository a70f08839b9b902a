import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { filesUnder, projectRoot, queuesim, scenarioFile, tempDir } from './cli.js';

const cafe = `
name: Tiny café
seed: 5
replications: 4
time: { horizon: 120 }
stations:
  - { id: till, servers: 2, service: { dist: exponential, mean: 1.5 } }
segments:
  - { id: walkIn, arrivals: { rate: 1 }, route: [till], patience: { dist: exponential, mean: 5 } }
`;

describe('queuesim sweep', () => {
  it('prints a row per grid point and writes sweep.csv, sweep.json, the report and the trade-off charts', () => {
    const out = tempDir();
    const result = queuesim(['sweep', scenarioFile('cafe.yaml', cafe), '--vary', 'stations.till.servers=1..3', '--out', out]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/stations\.till\.servers\s+utilisation\s+waitMean/);
    expect(result.stdout.split('\n').filter((l) => /^ {2}[123] /.test(l))).toHaveLength(3);
    expect(result.stdout).toContain('\n3 points · 4 replications each · ');
    const folder = join(out, 'sweep-tiny-cafe-over-stations-till-servers');
    expect(filesUnder(folder)).toEqual(expect.arrayContaining(['sweep.csv', 'sweep.json', 'report.html', 'charts/sweep-wait.svg', 'charts/sweep-wait.vl.json', 'charts/sweep-lost.png']));
    const json = JSON.parse(readFileSync(join(folder, 'sweep.json'), 'utf8'));
    expect(json.points.map((p: { values: Record<string, number> }) => p.values['stations.till.servers'])).toEqual([1, 2, 3]);
    expect(json.points[0].metrics.lost.mean).toBeGreaterThan(json.points[2].metrics.lost.mean);
  });

  it('a grid of one point says so in the singular', () => {
    const result = queuesim(['sweep', scenarioFile('cafe.yaml', cafe), '--vary', 'stations.till.servers=2..2', '--no-report', '--out', tempDir()]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('\n1 point · 4 replications each · ');
  });

  it('refuses a bad grid or a point the scenario cannot take, and writes nothing', () => {
    const out = tempDir();
    const file = scenarioFile('cafe.yaml', cafe);
    const backwards = queuesim(['sweep', file, '--vary', 'stations.till.servers=3..1', '--out', out]);
    expect(backwards.code).toBe(2);
    expect(backwards.stderr).toContain('runs backwards');
    const negative = queuesim(['sweep', file, '--vary', 'stations.till.service.mean=-1,1', '--out', out]);
    expect(negative.code).toBe(2);
    expect(negative.stderr).toContain('[variant "stations.till.service.mean=-1"]');
    expect(queuesim(['sweep', file, '--out', out]).code).toBe(2);
    const typo = queuesim(['sweep', file, '--vary', 'stations.tll.servers=1..7', '--out', out]);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toBe(`error: ${file}: --vary stations.tll.servers: stations has no element "tll" (did you mean "till"?); it has till\n1 problem in 1 file; nothing was run or written.\n`);
    // Every point runs on the same seed and replications: a sweep over them would show rows identical by construction.
    for (const [key, option] of [['seed', '--seed'], ['replications', '--reps']]) {
      const shared = queuesim(['sweep', file, '--vary', `${key}=1,2,3`, '--out', out]);
      expect(shared.code).toBe(2);
      expect(shared.stderr).toContain(`every point of a sweep runs`);
      expect(shared.stderr).toContain(`give ${option} to change`);
    }
    expect(filesUnder(out)).toEqual([]);
  });

  it('names every grid value that makes an invalid scenario, and counts the file once', () => {
    const out = tempDir();
    const file = scenarioFile('cafe.yaml', cafe);
    const halves = queuesim(['sweep', file, '--vary', 'stations.till.servers=1.5,2,2.5', '--out', out]);
    expect(halves.code).toBe(2);
    const lines = halves.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toContain('(set by stations.till.servers=1.5)');
    expect(lines[1]).toContain('(set by stations.till.servers=2.5)');
    expect(lines[2]).toBe('2 problems in 1 file; nothing was run or written.');
    // With a second axis, each bad value's problem is said once, not once per value of the other.
    const grid = queuesim(['sweep', file, '--vary', 'stations.till.servers=1.5,2,2.5', '--vary', 'stations.till.service.mean=1..6', '--out', out]);
    expect(grid.stderr.trimEnd().split('\n')).toEqual([
      expect.stringContaining('(set by stations.till.servers=1.5)'),
      expect.stringContaining('(set by stations.till.servers=2.5)'),
      '2 problems in 1 file; nothing was run or written.',
    ]);
    // Problems at many points of a long grid: the first eight, then a count.
    const many = queuesim(['sweep', file, '--vary', 'stations.till.servers=0.5..19.5:0.5', '--out', out]);
    expect(many.stderr.trimEnd().split('\n').slice(-2)).toEqual(['… and 12 more like these', '20 problems in 1 file; nothing was run or written.']);
    // A problem at every point, the same but for the value, is the axis's: said once, of the file.
    const halvesOnly = queuesim(['sweep', file, '--vary', 'stations.till.servers=0.5..19.5', '--out', out]);
    expect(halvesOnly.stderr).toBe(
      `error: ${file}: stations[0].servers: servers must be a whole number (set by --vary stations.till.servers), at every point\n1 problem in 1 file; nothing was run or written.\n`,
    );
    // A problem beside the key varied (the next period now starts earlier), at every point.
    const order = queuesim(['sweep', join(projectRoot, 'scenarios/bank-branch.yaml'), '--vary', 'time.periods.lunch.start=400,450', '--out', out]);
    expect(order.stderr).toMatch(/^error: .*bank-branch\.yaml: time\.periods\[2\]\.start: periods must start at ascending times \(with --vary time\.periods\.lunch\.start\), at every point\n1 problem in 1 file;/);
    const typo = queuesim(['sweep', file, '--vary', 'stations.till.servrs=1..3', '--out', out]);
    expect(typo.stderr).toMatch(/^error: .*cafe\.yaml: stations\[0\]\.servrs: unknown key "servrs" \(did you mean "servers"\?\);.* \(set by --vary stations\.till\.servrs\), at every point\n1 problem in 1 file;/);
    expect(filesUnder(out)).toEqual([]);
  });
});
