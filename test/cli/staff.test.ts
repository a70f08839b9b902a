import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { filesUnder, projectRoot, queuesim, scenarioFile, tempDir } from './cli.js';

const bankDay = join(projectRoot, 'scenarios/bank-day-staffing.yaml');

describe('queuesim staff', () => {
  it('prints the plan (SIPP, lag-SIPP, simulated), staff-hours against the peak, the achieved metrics beside the baseline, and the search', () => {
    const out = tempDir();
    const result = queuesim(['staff', bankDay, '--target', 'waitP80<=5', '--out', out]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/SIPP\s+3\s+4\s+5\s+7\s+9\s+7\s+5\s+4/);
    expect(result.stdout).toMatch(/lag-SIPP\s+3\s+4\s+5\s+7\s+9\s+8\s+6\s+4/);
    expect(result.stdout).toContain('peak staffing all day: 9 × 8 = 72');
    expect(result.stdout).toMatch(/tellers\s+13:00\s+9\s+\S+ ±\S+\s+yes\s+Erlang C\s+4\.7/);
    expect(result.stdout).toContain('start (sipp)');
    const folder = join(out, 'staff-bank-day-teller-staffing');
    expect(filesUnder(folder)).toEqual(expect.arrayContaining(['staff.json', 'staffing.csv', 'staffed.yaml', 'summary.json', 'report.html']));
    const json = JSON.parse(readFileSync(join(folder, 'staff.json'), 'utf8'));
    expect(json).toMatchObject({ scenario: 'Bank day, teller staffing', targets: ['waitP80<=5'], converged: true, sipp: [[3, 4, 5, 7, 9, 7, 5, 4]], staffTime: { label: 'staff-hours', sipp: 44, peak: 72 } });
    expect(readFileSync(join(folder, 'staffed.yaml'), 'utf8')).toMatch(/servers:\n\s+"09:00": 3/);
    const validate = queuesim(['validate', join(folder, 'staffed.yaml')]);
    expect(validate.code).toBe(0);
    const html = readFileSync(join(folder, 'report.html'), 'utf8');
    expect(html).toContain('<section id="staffing">');
    expect(html).toContain('<section id="baseline">');
  });

  it('writes a period inside the warm-up as not measured in staff.json (with the warm-up) and staffing.csv, not as met', () => {
    const out = tempDir();
    const file = scenarioFile('warmed.json', JSON.stringify({
      name: 'warmed desk',
      seed: 3,
      replications: 4,
      time: { horizon: 100, warmup: 90, periods: [{ name: 'a', start: 0 }, { name: 'b', start: 90 }] },
      stations: [{ id: 'desk', servers: 1, service: { dist: 'exponential', mean: 3 } }],
      segments: [{ id: 'walk', arrivals: { rate: { a: 0.3, b: 0.05 } }, route: ['desk'] }],
    }));
    const result = queuesim(['staff', file, '--target', 'waitMean<=10', '--out', out, '--no-report']);
    expect(result.code).toBe(0);
    const folder = join(out, 'staff-warmed-desk');
    const json = JSON.parse(readFileSync(join(folder, 'staff.json'), 'utf8'));
    expect(json.warmup).toBe(90);
    expect(json.achieved.map((a: { period: string; met: boolean | null }) => [a.period, a.met])).toEqual([['a', null], ['b', true]]);
    const csv = readFileSync(join(folder, 'staffing.csv'), 'utf8').trim().split('\n');
    expect(csv[0]!.split(',').at(-1)).toBe('waitMean<=10:met');
    expect(csv.slice(1).map((row) => row.split(',').at(-1))).toEqual(['', 'true']);
  });

  it('refuses a target on a metric stations do not report, and an unknown station', () => {
    const notStation = queuesim(['staff', bankDay, '--target', 'satisfactionMean>=4']);
    expect(notStation.code).toBe(2);
    expect(notStation.stderr).toContain('"satisfactionMean" is not a metric of stations');
    const station = queuesim(['staff', bankDay, '--target', 'waitP80<=5', '--station', 'teller']);
    expect(station.code).toBe(2);
    expect(station.stderr).toContain('--station "teller" is not a station');
    expect(queuesim(['staff', bankDay]).code).toBe(2);
    const wrongWay = queuesim(['staff', bankDay, '--target', 'utilisation>=90%']);
    expect({ code: wrongWay.code, stdout: wrongWay.stdout }).toEqual({ code: 2, stdout: '' });
    expect(wrongWay.stderr).toContain('more servers lower utilisation');
  });

  it('refuses --shard and --shards with why (not a suggestion of --start), and keeps them out of --help', () => {
    for (const option of [['--shard', '1/2'], ['--shards', '2']]) {
      const result = queuesim(['staff', bankDay, '--target', 'waitP80<=5', ...option]);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain('staff cannot run as shards: each step of its search depends on the last');
      expect(result.stderr).not.toContain('--start');
    }
    expect(queuesim(['staff', '--help']).stdout).not.toContain('--shard');
  });

  it('a search that meets every target but is stopped before it has tried lowering every period says so, and exits 0', () => {
    const out = tempDir();
    const result = queuesim(['staff', bankDay, '--target', 'waitP80<=5', '--target', 'waitMean<=1.5', '--max-evaluations', '2', '--reps', '10', '--no-report', '--out', out]);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('note: stopped after 2 evaluations before it had tried lowering every period: every target is met, but fewer servers may do (raise --max-evaluations).\n');
    expect(result.stdout).toContain('— stopped before it had tried lowering every period');
    expect(JSON.parse(readFileSync(join(out, 'staff-bank-day-teller-staffing', 'staff.json'), 'utf8'))).toMatchObject({ converged: true, complete: false });
  });

  it('leaves stations with seating as they are (their servers are their tables), and staffs a station named twice once', () => {
    const restaurant = join(projectRoot, 'scenarios/restaurant.yaml');
    const only = queuesim(['staff', restaurant, '--target', 'waitMean<=5']);
    expect(only.code).toBe(2);
    expect(only.stderr).toContain('no station of');
    expect(only.stderr).toContain('dining has seating: its servers are its tables (seating.tables), which staff does not change');
    const named = queuesim(['staff', restaurant, '--target', 'waitMean<=5', '--station', 'dining']);
    expect(named.code).toBe(2);
    expect(named.stderr).toContain('--station dining has seating');

    const barAndTables = scenarioFile('bar.yaml', `
name: Bar and tables
replications: 3
time: { horizon: 120 }
stations:
  - { id: bar, servers: 2, service: { dist: exponential, mean: 2 } }
  - { id: tables, servers: 3, seating: { tables: [{ seats: 4, count: 3 }] }, service: { dist: exponential, mean: 30 } }
segments:
  - { id: drinkers, arrivals: { rate: 0.5 }, route: [bar] }
  - { id: diners, arrivals: { rate: 0.05 }, partySize: 2, route: [tables] }
`);
    const mixed = queuesim(['staff', barAndTables, '--target', 'waitMean<=5', '--max-evaluations', '3', '--no-report', '--json', '--out', tempDir()]);
    expect(mixed.code).toBe(0);
    expect(mixed.stderr).toContain('note: tables has seating: its servers are its tables (seating.tables), which staff does not change: staffing the other stations.');
    expect(JSON.parse(mixed.stdout).stations).toEqual(['bar']);

    const twice = queuesim(['staff', bankDay, '--target', 'waitP80<=5', '--station', 'tellers', '--station', 'tellers', '--max-evaluations', '1', '--reps', '3', '--no-report', '--json', '--out', tempDir()]);
    const plan = JSON.parse(twice.stdout);
    expect(plan.stations).toEqual(['tellers']);
    expect(plan.servers).toHaveLength(1);
  });

  it('says when the station it staffs takes bookings up to its servers: a plan then changes the bookings too', () => {
    const saturday = join(projectRoot, 'scenarios/restaurant-saturday.yaml');
    const result = queuesim(['staff', saturday, '--target', 'waitMean<=5', '--max-evaluations', '1', '--reps', '2', '--no-report', '--quiet', '--out', tempDir()]);
    expect(result.stderr).toContain('note: the slots booked at tables take its servers as their capacity (reservations.slots.capacity is not given)');
    const clinic = queuesim(['staff', join(projectRoot, 'scenarios/clinic-morning.yaml'), '--target', 'waitMean<=30', '--max-evaluations', '1', '--reps', '2', '--no-report', '--quiet', '--out', tempDir()]);
    expect(clinic.code).toBe(0);
    expect(clinic.stderr).not.toContain('take its servers as their capacity'); // capacity: 12, given
  });

  it('refuses one replication per evaluation: without a CI it could never lower a period', () => {
    const out = tempDir();
    const result = queuesim(['staff', bankDay, '--target', 'waitP80<=5', '--reps', '1', '--out', out]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^error: staff needs at least 2 replications per evaluation, got 1: .* Give --reps 2 or more\.\n/);
    expect(filesUnder(out)).toEqual([]);
  });

  it('a search stopped before every target is met writes how far it got and exits 1', () => {
    const out = tempDir();
    const result = queuesim(['staff', bankDay, '--target', 'waitP80<=0.5', '--max-evaluations', '1', '--reps', '5', '--no-report', '--quiet', '--out', out]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^error: stopped after 1 evaluation before every target was met .*; the search so far is in .*staff-bank-day-teller-staffing\.\n$/);
    const json = JSON.parse(readFileSync(join(out, 'staff-bank-day-teller-staffing', 'staff.json'), 'utf8')) as { converged: boolean; achieved: { station: string; period: string; target: string; met: boolean | null }[] };
    expect(json).toMatchObject({ converged: false });
    // The staffing it had reached is written, but it is no plan: the file a user would run says so, and where it misses.
    const missed = json.achieved.filter((a) => a.met === false).map((a) => `${a.target} at ${a.station} ${a.period}`);
    expect(missed.length).toBeGreaterThan(0);
    const staffed = readFileSync(join(out, 'staff-bank-day-teller-staffing', 'staffed.yaml'), 'utf8');
    expect(staffed.split('\n').slice(0, 2)).toEqual([
      `# ${bankDay} with the staffing queuesim staff had reached when it stopped, seed 15 and 5 replications as the search ran.`,
      `# NOT A PLAN: it misses ${missed.join(', ')} (targets waitP80<=0.5); see staff.json.`,
    ]);
  });

  it('a staffing that makes the scenario invalid (a booking limit its capacity cannot reach) is the scenario\'s problem: exit 2, named', () => {
    const saturday = readFileSync(join(projectRoot, 'scenarios/restaurant-saturday.yaml'), 'utf8')
      .replace(/^replications: 200/m, 'replications: 4')
      .replace(/servers: 20 /, 'servers: 13 ')
      .replace(/noShow: 0\.15 /, 'noShow: 0.99158 ')
      .replace(/arrivals: \{ rate: 0\.06 \}/, 'arrivals: { rate: 0.3 }');
    const file = scenarioFile('saturday.yaml', saturday);
    expect(queuesim(['validate', file]).code).toBe(0);
    const out = tempDir();
    const result = queuesim(['staff', file, '--target', 'waitMean<=1', '--workers', '1', '--out', out]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^error: the staffing tried \(tables \d+\/\d+\): reservations\.bookingLimit: the optimal limit is the fewest bookings that show at least \d+ .*; nothing was written\.$/m);
    expect(filesUnder(out)).toEqual([]);
  });

  it('staffed.yaml runs as the search ran: with --seed and --reps it carries them, and run gives the plan\'s results', () => {
    const out = tempDir();
    const branch = join(projectRoot, 'scenarios/bank-branch.yaml');
    const result = queuesim(['staff', branch, '--station', 'counter', '--target', 'waitP90<=4', '--seed', '9', '--reps', '6', '--no-report', '--quiet', '--workers', '1', '--out', out]);
    expect(result.code).toBe(0);
    const folder = join(out, 'staff-bank-branch-weekday');
    const staffed = readFileSync(join(folder, 'staffed.yaml'), 'utf8');
    expect(staffed).toMatch(/^# .* with the staffing found by queuesim staff \(waitP90<=4\), seed 9 and 6 replications as the search ran\n/);
    expect(staffed).toMatch(/^seed: 9$/m);
    expect(staffed).toMatch(/^replications: 6$/m);
    // Named apart: its run writes a folder of its own, beside the scenario's results, not over them.
    expect(staffed).toMatch(/^name: Bank branch, weekday \(staffed\)$/m);
    const rerunOut = tempDir();
    const rerun = queuesim(['run', join(folder, 'staffed.yaml'), '--json', '--workers', '1', '--no-report', '--out', rerunOut]);
    expect(rerun.code).toBe(0);
    expect(filesUnder(rerunOut).filter((name) => !name.includes('/'))).toEqual(['bank-branch-weekday-staffed']);
    // A plan staffed again keeps one mark.
    const restaffedOut = tempDir();
    const restaffed = queuesim(['staff', join(folder, 'staffed.yaml'), '--station', 'counter', '--target', 'waitP90<=4', '--reps', '6', '--no-report', '--quiet', '--workers', '1', '--out', restaffedOut]);
    expect(restaffed.code).toBe(0);
    expect(readFileSync(join(restaffedOut, 'staff-bank-branch-weekday-staffed', 'staffed.yaml'), 'utf8')).toMatch(/^name: Bank branch, weekday \(staffed\)$/m);
    const plan = JSON.parse(readFileSync(join(folder, 'summary.json'), 'utf8')) as { metrics: unknown; periods: unknown };
    const again = JSON.parse(rerun.stdout) as { metrics: unknown; periods: unknown };
    expect(again.metrics).toEqual(plan.metrics);
    expect(again.periods).toEqual(plan.periods);
  });

  it('ends with the command that checks the plan on other random numbers, its path quoted for the shell', () => {
    const out = join(tempDir(), "o 6's");
    const result = queuesim(['staff', join(projectRoot, 'scenarios/bank-branch.yaml'), '--station', 'counter', '--target', 'waitP90<=4', '--no-report', '--workers', '1', '--out', out]);
    expect(result.code).toBe(0);
    const path = join(out, 'staff-bank-branch-weekday', 'staffed.yaml').replaceAll("'", "'\\''");
    // With --out, the check's results go beside the search's.
    expect(result.stdout.endsWith(`Check it on other random numbers: queuesim run '${path}' --seed 43 --reps 40 --out '${out.replaceAll("'", "'\\''")}'\n`)).toBe(true);
  });
});
