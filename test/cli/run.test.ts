import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { metricsFor } from '../../src/metrics/catalogue.js';
import { filesUnder, queuesim, scenarioFile, tempDir } from './cli.js';

const small = `
name: Tiny café, lunch
seed: 5
replications: 4
time: { horizon: 120, warmup: 10 }
stations:
  - { id: till, servers: 2, service: { dist: exponential, mean: 1.5 } }
segments:
  - { id: walkIn, arrivals: { rate: 1 }, route: [till], patience: { dist: exponential, mean: 5 } }
`;

describe('queuesim run', () => {
  it('prints a table of the main metrics with confidence intervals and writes summary.json and replications.csv', () => {
    const out = tempDir();
    const result = queuesim(['run', scenarioFile('cafe.yaml', small), '--out', out, '--no-report']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Tiny café, lunch');
    expect(result.stdout).not.toContain('report.html');
    expect(result.stdout).toMatch(/waitMean\s+\S+\s+\S+ – \S+/);
    expect(result.stdout).toContain('95% CI');
    expect(filesUnder(out).sort()).toEqual(['tiny-cafe-lunch', 'tiny-cafe-lunch/replications.csv', 'tiny-cafe-lunch/series.csv', 'tiny-cafe-lunch/summary.json'].sort());
    const series = readFileSync(join(out, 'tiny-cafe-lunch/series.csv'), 'utf8').trim().split('\n');
    expect(series[0]).toBe('time,station,waiting,waitingLo,waitingHi,inSystem,inSystemLo,inSystemHi,busy,busyLo,busyHi,servers');
    expect(series[1]).toMatch(/^0,till,/);
    const csv = readFileSync(join(out, 'tiny-cafe-lunch/replications.csv'), 'utf8').trim().split('\n');
    expect(csv).toHaveLength(1 + 4);
    expect(csv[0]).toMatch(/^replication,arrivals,served,/);
    expect(csv[0]).toContain('station:till:utilisation');
    expect(csv[0]).toContain('segment:walkIn:waitMean');
  });

  it('prints the analytic baseline beside the simulation, labelled an approximation, and puts it in the report', () => {
    const out = tempDir();
    const result = queuesim(['run', scenarioFile('cafe.yaml', small), '--out', out]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Analytic baseline: stationary queueing formulas period by period, an approximation');
    expect(result.stdout).toMatch(/till\s+all\s+Erlang A\s+2\s+1\.50\s+\S+% \| \S+% ±/);
    expect(readFileSync(join(out, 'tiny-cafe-lunch/report.html'), 'utf8')).toContain('<section id="baseline"><h2>Analytic baseline (an approximation)</h2>');
  });

  it('writes report.html and charts/ (spec, SVG and PNG of each chart) by default, and prints the report’s path', () => {
    const out = tempDir();
    const result = queuesim(['run', scenarioFile('cafe.yaml', small), '--out', out]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`Report:  ${join(out, 'tiny-cafe-lunch', 'report.html')}`);
    const files = filesUnder(join(out, 'tiny-cafe-lunch')).sort();
    expect(files).toEqual(expect.arrayContaining(['report.html', 'charts', 'charts/utilisation.vl.json', 'charts/utilisation.svg', 'charts/utilisation.png']));
    const charts = files.filter((f) => f.startsWith('charts/'));
    expect(charts.length % 3).toBe(0);
    expect(readFileSync(join(out, 'tiny-cafe-lunch/report.html'), 'utf8')).toContain('<h1>Tiny café, lunch</h1>');
  });

  it('--json prints exactly the contract object on stdout and the same bytes go to summary.json', () => {
    const out = tempDir();
    const result = queuesim(['run', scenarioFile('cafe.yaml', small), '--out', out, '--json']);
    expect(result.code).toBe(0);
    const summary = JSON.parse(result.stdout);
    // The contract's keys, then its extensions: warmup (this file has one), periods, series, schedule.
    expect(Object.keys(summary)).toEqual(['scenario', 'seed', 'replications', 'unit', 'horizon', 'warmup', 'metrics', 'stations', 'segments', 'periods', 'series', 'schedule']);
    expect(summary).toMatchObject({ scenario: 'Tiny café, lunch', seed: 5, replications: 4, unit: 'minute', horizon: 120, warmup: 10 });
    expect(Object.keys(summary.metrics)).toEqual(metricsFor('system'));
    expect(Object.keys(summary.stations)).toEqual(['till']);
    expect(Object.keys(summary.stations.till)).toEqual(metricsFor('station'));
    expect(Object.keys(summary.segments)).toEqual(['walkIn']);
    expect(Object.keys(summary.segments.walkIn)).toEqual(metricsFor('segment'));
    for (const metric of Object.values<Record<string, unknown>>(summary.metrics)) {
      expect(Object.keys(metric).slice(0, 3)).toEqual(['mean', 'ci95', 'sd']);
    }
    const { mean, ci95, sd } = summary.metrics.waitMean;
    expect(ci95[0]).toBeLessThanOrEqual(mean);
    expect(ci95[1]).toBeGreaterThanOrEqual(mean);
    expect(sd).toBeGreaterThan(0);
    expect(readFileSync(join(out, 'tiny-cafe-lunch/summary.json'), 'utf8')).toBe(result.stdout);
  });

  it('conservation holds in every replication of the CSV', () => {
    const out = tempDir();
    queuesim(['run', scenarioFile('cafe.yaml', small), '--out', out, '--quiet']);
    const [header, ...rows] = readFileSync(join(out, 'tiny-cafe-lunch/replications.csv'), 'utf8').trim().split('\n');
    const columns = header!.split(',');
    for (const row of rows) {
      const value = (name: string) => Number(row.split(',')[columns.indexOf(name)]);
      const outcomes = ['served', 'balked', 'reneged', 'blocked', 'denied', 'inSystemAtEnd'].map(value);
      expect(outcomes.reduce((a, b) => a + b, 0)).toBe(value('arrivals'));
    }
  });

  it('same file and seed give a byte-identical summary.json; another seed gives other results', () => {
    const file = scenarioFile('cafe.yaml', small);
    const [a, b, c] = [tempDir(), tempDir(), tempDir()];
    queuesim(['run', file, '--out', a, '--quiet']);
    queuesim(['run', file, '--out', b, '--quiet']);
    queuesim(['run', file, '--out', c, '--quiet', '--seed', '6']);
    const read = (dir: string) => readFileSync(join(dir, 'tiny-cafe-lunch/summary.json'), 'utf8');
    expect(read(a)).toBe(read(b));
    expect(read(c)).not.toBe(read(a));
    expect(JSON.parse(read(c)).seed).toBe(6);
  });

  it('--reps overrides the replications of the file', () => {
    const result = queuesim(['run', scenarioFile('cafe.yaml', small), '--out', tempDir(), '--json', '--reps', '2']);
    expect(JSON.parse(result.stdout).replications).toBe(2);
  });

  it('--quiet prints nothing and still writes the results', () => {
    const out = tempDir();
    const result = queuesim(['run', scenarioFile('cafe.yaml', small), '--out', out, '--quiet']);
    expect(result).toMatchObject({ code: 0, stdout: '', stderr: '' });
    expect(filesUnder(out)).toContain('tiny-cafe-lunch/summary.json');
  });

  it('runs several files, and replaces an earlier result folder whole', () => {
    const out = tempDir();
    const other = scenarioFile('other.json', JSON.stringify({ name: 'Other', time: { horizon: 60 }, replications: 2, stations: [{ id: 'a', servers: 1, service: 1 }], segments: [{ id: 's', arrivals: { rate: 0.5 }, route: ['a'] }] }));
    const result = queuesim(['run', scenarioFile('cafe.yaml', small), other, '--out', out, '--json']);
    expect(result.code).toBe(0);
    const summaries = JSON.parse(result.stdout);
    expect(summaries.map((s: { scenario: string }) => s.scenario)).toEqual(['Tiny café, lunch', 'Other']);
    expect(filesUnder(out).filter((f) => !f.includes('/')).sort()).toEqual(['other', 'tiny-cafe-lunch']);
  });

  it('runs the bundled bank branch scenario', () => {
    const out = tempDir();
    const result = queuesim(['run', 'scenarios/bank-branch.yaml', '--out', out, '--reps', '3']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Bank branch, weekday');
    expect(result.stdout).toContain('counter');
    expect(result.stdout).toContain('adviceDesk');
    expect(filesUnder(out)).toContain('bank-branch-weekday/summary.json');
  });
});

describe('queuesim validate and schema', () => {
  it('validate reports a valid file and exits 0', () => {
    const result = queuesim(['validate', scenarioFile('cafe.yaml', small)]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^ok {2}.*cafe\.yaml: "Tiny café, lunch", 1 station, 1 segment, 1 period, horizon \d+ minutes\n$/);
  });

  it('validate and run warn, before simulating, of a station that can never keep up; the run still runs', () => {
    const file = scenarioFile('over.yaml', 'name: Over\ntime: { horizon: 30 }\nstations: [{ id: till, servers: 1, service: 1 }]\nsegments: [{ id: s, arrivals: { rate: 3 }, route: [till] }]\n');
    const warning = `warning: ${file}: station till is offered 3.00 times the work its servers can do over the day by customers who never leave its line (no patience, balkAt or queueCapacity): the line grows for the whole run, which may take long and much memory\n`;
    const validate = queuesim(['validate', file]);
    expect({ code: validate.code, stderr: validate.stderr }).toEqual({ code: 0, stderr: warning });
    const run = queuesim(['run', file, '--reps', '2', '--no-report', '--quiet', '--out', tempDir()]);
    expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 0, stderr: warning });
  });

  it('schema prints the JSON Schema of scenario files', () => {
    const result = queuesim(['schema']);
    expect(result.code).toBe(0);
    const schema = JSON.parse(result.stdout);
    expect(schema.$schema).toContain('json-schema.org');
    expect(schema.required).toEqual(expect.arrayContaining(['name', 'time', 'stations', 'segments']));
    expect(schema.additionalProperties).toBe(false);
    expect(Object.keys(schema.properties.stations.items.properties)).toEqual(
      expect.arrayContaining(['id', 'servers', 'queueCapacity', 'discipline', 'service']),
    );
  });

  it('--help explains every command', () => {
    const result = queuesim(['--help']);
    expect(result.code).toBe(0);
    for (const command of ['run', 'validate', 'schema']) expect(result.stdout).toContain(command);
  });

  it('no command at all is a usage error: the help on stderr, exit 2', () => {
    const result = queuesim([]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^Usage: queuesim \[options\] \[command\]/);
  });
});

describe('queuesim run with pricing and money', () => {
  const priced = (congestion: string) => `
name: Priced café
seed: 5
replications: 3
time: { horizon: 240, periods: [{ name: quiet, start: 0 }, { name: rush, start: 120 }] }
stations:
  - { id: till, servers: 1, service: { dist: exponential, mean: 1 } }
segments:
  - { id: walkIn, arrivals: { rate: { quiet: 0.3, rush: 0.8 } }, route: [till] }
pricing: { referencePrice: 4, price: { quiet: 3, rush: 5 }, congestion: ${congestion} }
money: { staffCostPerHour: 18, fixedCost: 50 }
`;

  it('prints the demand and money metrics and how the congestion term settled', () => {
    const out = tempDir();
    const result = queuesim(['run', scenarioFile('priced.yaml', priced('{ valueOfWaiting: 0.2 }')), '--out', out]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    for (const name of ['pricedDemand', 'lostToPrice', 'revenue', 'staffCost', 'profit']) expect(result.stdout).toMatch(new RegExp(`${name}\\s+\\S+`));
    expect(result.stdout).toMatch(/Pricing: the congestion fixed point settled after \d+ iterations? \(last change of a share/);
    const summary = JSON.parse(readFileSync(join(out, 'priced-cafe/summary.json'), 'utf8'));
    expect(summary.levers.pricing.congestion.iterations).toBeGreaterThanOrEqual(1);
    expect(summary.periods.rush.metrics.pricedDemand.mean).toBeLessThan(summary.periods.rush.metrics.baseDemand.mean);
  });

  it('a congestion term that does not settle is a problem of the scenario: exit 2, with the key and what to change', () => {
    const out = tempDir();
    const result = queuesim(['run', scenarioFile('priced.yaml', priced('{ valueOfWaiting: 0.2, maxIterations: 1, tolerance: 1e-12 }')), '--out', out]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^error: .*priced\.yaml: pricing\.congestion: the demand split did not settle: after 1 iteration a share still moved by/);
    expect(result.stderr).toContain('lower pricing.congestion.damping');
  });
});
