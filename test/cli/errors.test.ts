import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, openSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot, queuesim, scenarioFile, tempDir } from './cli.js';
import { validateScenario } from '../../src/index.js';
import { readProblem } from '../../src/cli/scenario-files.js';

const valid = {
  name: 'Post office',
  time: { horizon: 60, periods: [{ name: 'early', start: 0 }, { name: 'late', start: 30 }] },
  stations: [{ id: 'counter', servers: 1, service: { dist: 'exponential', mean: 2 } }],
  segments: [{ id: 'walkIn', arrivals: { rate: 0.3 }, route: ['counter'] }],
};

/** Runs `queuesim run` on a file and returns its stderr lines; asserts the error contract. */
function runExpectingErrors(name: string, contents: string): string[] {
  const out = tempDir();
  const file = scenarioFile(name, contents);
  const result = queuesim(['run', file, '--out', out]);
  expect(result.code).toBe(2);
  expect(result.stdout).toBe('');
  expect(result.stderr).not.toMatch(/\n\s+at .*\(.*:\d+:\d+\)/); // no stack trace
  expect(existsSync(join(out))).toBe(true);
  expect(existsSync(join(out, 'post-office'))).toBe(false);
  const lines = result.stderr.trim().split('\n');
  for (const line of lines.slice(0, -1)) expect(line).toContain(file);
  expect(lines.at(-1)).toMatch(/nothing was run or written/);
  return lines.slice(0, -1);
}

const yamlOf = (value: unknown) => JSON.stringify(value, null, 2); // JSON is YAML too

describe('scenario errors through the CLI: exit 2, one message per problem, nothing written', () => {
  it('a file that is not valid YAML names the line', () => {
    const [line] = runExpectingErrors('broken.yaml', 'name: x\ntime: { horizon: 10\nstations: []\n');
    expect(line).toMatch(/broken\.yaml:3: not valid YAML/);
  });

  it('a file that is not YAML at all is one problem, its first, on one short line', () => {
    const text = `# A README\n\nSome prose: with a colon, then a list\n\n- one\n\`\`\`sh\n${'npm install && npm start '.repeat(20)}\n\`\`\`\nMore: text: here\n`;
    const lines = runExpectingErrors('notes.yaml', text);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/notes\.yaml:\d+: not valid YAML: /);
    expect(lines[0]!.length).toBeLessThan(260);
  });

  it('every duplicated key is a problem of its own', () => {
    const lines = runExpectingErrors('twice.yaml', 'name: a\nname: b\ntime: { horizon: 10 }\ntime: { horizon: 20 }\n');
    expect(lines).toEqual([expect.stringMatching(/twice\.yaml:2: not valid YAML: .*[Uu]nique/), expect.stringMatching(/twice\.yaml:4: not valid YAML: .*[Uu]nique/)]);
  });

  it('a key that is a list is refused as the unknown key it is, without a node warning on stderr', () => {
    const lines = runExpectingErrors('s.yaml', `name: x\ntime: { horizon: 60 }\nstations: [{ id: s, servers: 1, service: 1 }]\nsegments: [{ id: c, arrivals: { rate: 0.5 }, route: [s] }]\n[a]: 1\n`);
    expect(lines).toEqual([expect.stringMatching(/: \[ a \]: unknown key "\[ a \]"; allowed here: /)]);
  });

  it('a key given twice in JSON is refused as in YAML, not the last one kept in silence', () => {
    const json = JSON.stringify(valid, null, 2).replace(/\n}$/, `,\n  "stations": [{ "id": "counter", "servers": 9, "service": 1 }]\n}`);
    const lines = runExpectingErrors('twice.json', json);
    expect(lines).toEqual([expect.stringMatching(new RegExp(`twice\\.json:${json.split('\n').length - 1}: not valid JSON: Map keys must be unique$`))]);
  });

  it('a file that is not valid JSON names the line', () => {
    const [line] = runExpectingErrors('broken.json', '{\n  "name": "x",\n  "time": { "horizon": 10, }\n}');
    expect(line).toMatch(/broken\.json:3: not valid JSON/);
  });

  it('a JSON error V8 reports without a position still names the line, on one line', () => {
    const lines = runExpectingErrors('broken.json', '{"name": "x",\n "stations": [\n ,]\n}');
    expect(lines).toEqual([expect.stringMatching(/broken\.json:3: not valid JSON: Unexpected token ','$/)]);
    // A token V8 quotes as whitespace is named, not shown as a space that is not in the file.
    expect(runExpectingErrors('bare.json', '{"name": "x",\n "n": tru\n}')).toEqual([expect.stringMatching(/bare\.json: not valid JSON: Unexpected line break$/)]);
  });

  it('YAML in a file named .json is told to take a .yaml name; JSON with a slip is not', () => {
    expect(runExpectingErrors('yaml.json', 'name: x\nseed: 1\n')).toEqual([expect.stringMatching(/yaml\.json: not valid JSON: .*: the file reads as YAML, so give it a \.yaml name$/)]);
    expect(runExpectingErrors('slip.json', '{"name": "x",}\n')[0]).not.toContain('YAML');
  });

  it('a missing required key names its path', () => {
    const { name: _name, ...withoutName } = valid;
    const lines = runExpectingErrors('s.json', JSON.stringify(withoutName));
    expect(lines).toEqual([expect.stringMatching(/: name: is required/)]);
  });

  it('a misspelt required key is one problem: the unknown key with its hint, not also "is required"', () => {
    const { segments, ...rest } = valid;
    const lines = runExpectingErrors('s.json', JSON.stringify({ ...rest, segmnets: segments }));
    expect(lines).toEqual([expect.stringMatching(/: segmnets: unknown key "segmnets" \(did you mean "segments"\?\)/)]);
  });

  it('a colon missing between a key and its value is one problem that says so, with no cascade where the value is used', () => {
    const text =
      'name: x\ntime: { horizon: 600, periods: [{ name: morning, start: 0 }, { name  afternoon, start: 300 }] }\n' +
      'stations: [{ id: till, servers: { morning: 1, afternoon: 2 }, service: 1 }]\n' +
      'segments: [{ id: s, arrivals: { rate: { morning: 0.5, afternoon: 0.8 } }, route: [till] }]\n';
    const lines = runExpectingErrors('colon.yaml', text);
    expect(lines).toEqual([expect.stringMatching(/colon\.yaml:2: time\.periods\[1\]\.name {2}afternoon: unknown key "name {2}afternoon" \(did you mean "name"\? a colon is missing: name: afternoon\)/)]);
  });

  it('a mistyped key is an error with a "did you mean" hint and the YAML line', () => {
    const text = 'name: Post office\ntime: { horizon: 60 }\nstations:\n  - id: counter\n    servers: 1\n    queueCapcity: 3\n    service: 2\nsegments:\n  - { id: walkIn, arrivals: { rate: 0.3 }, route: [counter] }\n';
    const lines = runExpectingErrors('s.yaml', text);
    expect(lines).toEqual([expect.stringMatching(/s\.yaml:6: stations\[0\]\.queueCapcity: unknown key "queueCapcity" \(did you mean "queueCapacity"\?\)/)]);
  });

  it('a key of the wrong type is an error', () => {
    const lines = runExpectingErrors('s.yaml', yamlOf({ ...valid, time: { ...valid.time, horizon: 'all day' } }));
    expect(lines).toEqual([expect.stringMatching(/time\.horizon: expected a number, got "all day"/)]);
  });

  it('a negative rate is an error at its key path', () => {
    const lines = runExpectingErrors('s.yaml', yamlOf({ ...valid, segments: [{ ...valid.segments[0], arrivals: { rate: -1 } }] }));
    expect(lines).toEqual([expect.stringMatching(/segments\[0\]\.arrivals\.rate: rate must be 0 or more/)]);
  });

  it('a mean of 0 is an error at its key path', () => {
    const lines = runExpectingErrors('s.yaml', yamlOf({ ...valid, stations: [{ ...valid.stations[0], service: { dist: 'exponential', mean: 0 } }] }));
    expect(lines).toEqual([expect.stringMatching(/:\d+: stations\[0\]\.service\.mean: mean must be greater than 0/)]);
  });

  it('sd on a distribution that has none is an error', () => {
    const lines = runExpectingErrors('s.yaml', yamlOf({ ...valid, stations: [{ ...valid.stations[0], service: { dist: 'exponential', mean: 2, sd: 1 } }] }));
    expect(lines).toEqual([expect.stringMatching(/stations\[0\]\.service\.sd: unknown key "sd": it goes with dist: gamma or lognormal, not dist: exponential; allowed here: dist, mean$/)]);
  });

  it('an unknown distribution is an error with a hint', () => {
    const lines = runExpectingErrors('s.yaml', yamlOf({ ...valid, stations: [{ ...valid.stations[0], service: { dist: 'expnential', mean: 2 } }] }));
    expect(lines).toEqual([expect.stringMatching(/stations\[0\]\.service\.dist: must be one of .*did you mean "exponential"/)]);
  });

  it('a route naming an unknown station is an error', () => {
    const lines = runExpectingErrors('s.yaml', yamlOf({ ...valid, segments: [{ ...valid.segments[0], route: ['countr'] }] }));
    expect(lines).toEqual([expect.stringMatching(/segments\[0\]\.route\[0\]: unknown station "countr" \(did you mean "counter"\?\)/)]);
  });

  it('a period name that does not exist is an error', () => {
    const lines = runExpectingErrors('s.yaml', yamlOf({ ...valid, stations: [{ ...valid.stations[0], servers: { early: 1, lte: 2 } }] }));
    expect(lines).toEqual([
      expect.stringMatching(/stations\[0\]\.servers: gives no value for period late/),
      expect.stringMatching(/stations\[0\]\.servers\.lte: unknown period "lte" \(did you mean "late"\?\)/),
    ]);
    // The "did you mean" is a period not given: "early" is given, so "erly" beside it is no typo of it.
    const given = runExpectingErrors('s.yaml', yamlOf({ ...valid, stations: [{ ...valid.stations[0], servers: { early: 1, erly: 2 } }] }));
    expect(given).toEqual([expect.stringMatching(/stations\[0\]\.servers: gives no value for period late/), expect.stringMatching(/stations\[0\]\.servers\.erly: unknown period "erly"$/)]);
  });

  it('a series step the day cannot hold is refused before anything runs: more than half the horizon, or over 10,000 points', () => {
    const withStep = (seriesStep: number) => runExpectingErrors('s.yaml', yamlOf({ ...valid, time: { ...valid.time, seriesStep } }));
    expect(withStep(31)).toEqual([expect.stringMatching(/time\.seriesStep: seriesStep \(31\) must be at most half the horizon \(30\): the series over the day needs points across it$/)]);
    expect(withStep(0.001)).toEqual([expect.stringMatching(/time\.seriesStep: seriesStep \(0\.001\) gives 60,001 points per series; at most 10,000: a step of at least 0\.0060006$/)]);
    // The step it suggests is allowed itself, whatever the horizon's digits.
    for (const horizon of [60, 2946, 480.1, 1e6 / 3]) {
      const time = { horizon, periods: [{ name: 'all', start: 0 }] };
      const refused = validateScenario({ ...valid, time: { ...time, seriesStep: horizon / 20_000 } });
      const suggested = Number(/a step of at least ([\d.e+-]+)$/.exec(refused.ok ? '' : refused.problems[0]!.message)?.[1]);
      expect(validateScenario({ ...valid, time: { ...time, seriesStep: suggested } }).ok, `horizon ${horizon}, step ${suggested}`).toBe(true);
    }
  });

  it('lever keys out of range say so in words, with their name; a present but empty key is not called missing', () => {
    const experience = { perception: { overestimation: -2 }, satisfaction: { lostScore: 9 }, quality: { optimalUtilisation: 1 } };
    expect(runExpectingErrors('s.yaml', yamlOf({ ...valid, experience })).map((l) => l.replace(/^error: .*?s\.yaml:\d+: /, ''))).toEqual([
      'experience.perception.overestimation: overestimation must be greater than -1 (a wait cannot feel shorter than nothing)',
      'experience.satisfaction.lostScore: lostScore must be between 1 and 5',
      'experience.quality.optimalUtilisation: optimalUtilisation must be between 0 and 1, both excluded',
    ]);
    const empty = yamlOf({ ...valid, segments: [{ ...valid.segments[0], tolerance: 'bank' }], experience: null }); // YAML's `experience:` with nothing after it
    expect(runExpectingErrors('s.yaml', empty)).toEqual([expect.stringMatching(/: experience: expected a map of keys to values, got null$/)]);
    const noTimes = { ...valid, time: { horizon: 60 }, segments: [...valid.segments, { id: 'guests', arrivals: { rate: 0 }, route: ['counter'] }], reservations: { segment: 'guests', slots: { times: [] } } };
    expect(runExpectingErrors('s.yaml', yamlOf(noTimes))).toEqual([expect.stringMatching(/reservations\.slots\.times: times must list at least one slot$/)]);
    expect(runExpectingErrors('s.yaml', yamlOf({ ...valid, seed: 2 ** 64 }))).toEqual([expect.stringMatching(/seed: seed must be at most 9007199254740991 \(2\^53 − 1\)$/)]);
    expect(runExpectingErrors('s.yaml', yamlOf({ ...valid, seed: -(2 ** 64) }))).toEqual([expect.stringMatching(/seed: seed must be 0 or more$/)]);
  });

  it('reports every problem of the file at once, in file order', () => {
    const text = [
      'name: Post office',
      'replications: 0',
      'time: { horizon: 60, warmup: 90 }',
      'stations:',
      '  - { id: counter, servers: -1, service: { dist: lognormal, mean: 2 } }',
      'segments:',
      '  - { id: walkIn, arrivals: { rate: 0.3 }, route: [desk], balkAt: 2.5 }',
    ].join('\n');
    const lines = runExpectingErrors('s.yaml', text);
    expect(lines.map((l) => l.replace(/^error: .*?s\.yaml:/, ''))).toEqual([
      '2: replications: replications must be at least 1',
      '3: time.warmup: warmup (90) must be less than the horizon (60)',
      '5: stations[0].servers: servers must be 0 or more',
      '5: stations[0].service.sd: is required',
      '7: segments[0].route[0]: unknown station "desk"',
      '7: segments[0].balkAt: balkAt must be a whole number',
    ]);
  });

  it('a file that does not exist is an error, exit 2', () => {
    const result = queuesim(['run', 'no/such/file.yaml', '--out', tempDir()]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('no/such/file.yaml: cannot read the scenario: no such file');
  });

  it('a usage error points to the help of its own command; run points --set and --vary to compare and sweep', () => {
    const bank = join(import.meta.dirname, '../../scenarios/bank-branch.yaml');
    const unknown = queuesim(['sweep', bank, '--bogus']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toBe("error: unknown option '--bogus'\n(run queuesim sweep --help for usage)\n");
    expect(queuesim(['bogus']).stderr).toBe("error: unknown command 'bogus'\n(run queuesim --help for usage)\n");
    const set = queuesim(['run', bank, '--set', 'x: seed=1']);
    expect(set.code).toBe(2);
    expect(set.stderr).toBe('error: run takes no --set: it is an option of compare (queuesim compare FILE --set ...)\n(run queuesim compare --help for usage)\n');
    // Each of compare's, sweep's and staff's own options, given to another command, without its value too.
    for (const [command, flag, owner] of [
      ['run', '--vary', 'sweep'],
      ['run', '--set', 'compare'],
      ['sweep', '--set', 'compare'],
      ['compare', '--vary', 'sweep'],
      ['staff', '--vary', 'sweep'],
      ['compare', '--target', 'staff'],
    ] as const) {
      const result = queuesim([command, bank, flag]);
      expect({ code: result.code, stderr: result.stderr }).toEqual({ code: 2, stderr: `error: ${command} takes no ${flag}: it is an option of ${owner} (queuesim ${owner} FILE ${flag} ...)\n(run queuesim ${owner} --help for usage)\n` });
    }
    expect(queuesim(['run', '--help']).stdout).not.toContain('--set');
    expect(queuesim(['sweep', '--help']).stdout).not.toMatch(/--set|--target/);
  });

  it('a file that cannot be read says why in words: a file inside its path, no permission', () => {
    const file = scenarioFile('a-file', '');
    const result = queuesim(['validate', join(file, 'x.yaml')]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`${join(file, 'x.yaml')}: cannot read the scenario: no such file (a part of its path is a file, not a folder)`);
    // Tests may run as root, who may read anything: the refusal as the system reports it.
    const refused = Object.assign(new Error("EACCES: permission denied, open 'secret.yaml'"), { code: 'EACCES' });
    expect(readProblem('secret.yaml', refused).message).toBe('cannot read the scenario: permission denied (this user may not read it)');
  });

  it('one bad file among several means nothing is run or written', () => {
    const out = tempDir();
    const good = scenarioFile('good.json', JSON.stringify(valid));
    const bad = scenarioFile('bad.json', JSON.stringify({ ...valid, name: 'Bad', stations: [] }));
    const result = queuesim(['run', good, bad, '--out', out]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(existsSync(join(out, 'post-office'))).toBe(false);
  });

  it('validate reports the same problems with exit 2', () => {
    const file = scenarioFile('s.json', JSON.stringify({ ...valid, replications: -3 }));
    const result = queuesim(['validate', file]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/replications: replications must be at least 1/);
  });

  it('a bad option value is a usage error, exit 2', () => {
    const result = queuesim(['run', scenarioFile('s.json', JSON.stringify(valid)), '--reps', 'many']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--reps must be a whole number');
  });

  it('a seed beyond exact whole numbers, and an empty --name, say what is wrong (exit 2)', () => {
    const file = scenarioFile('s.json', JSON.stringify(valid));
    const seed = queuesim(['run', file, '--seed', '9007199254740993', '--out', tempDir()]);
    expect(seed.code).toBe(2);
    expect(seed.stderr).toContain('--seed must be at most 9007199254740991 (2^53 − 1).');
    const name = queuesim(['compare', file, '--set', 'b: seed=2', '--name', ' ', '--out', tempDir()]);
    expect(name.code).toBe(2);
    expect(name.stderr).toContain('--name must not be empty.');
  });

  it('a name that is not text says so', () => {
    const lines = runExpectingErrors('s.json', JSON.stringify({ ...valid, name: 5 }));
    expect(lines).toEqual([expect.stringMatching(/: name: expected text, got 5$/)]);
  });

  it('an impossible horizon is one problem, not a cascade', () => {
    const lines = runExpectingErrors('s.json', JSON.stringify({ ...valid, time: { horizon: -1 } }));
    expect(lines).toEqual([expect.stringMatching(/time\.horizon: horizon must be greater than 0$/)]);
  });

  it('an output folder that cannot be made is a usage error found before any work, exit 2', () => {
    const blocker = join(tempDir(), 'a-file');
    writeFileSync(blocker, '');
    const result = queuesim(['run', scenarioFile('s.json', JSON.stringify(valid)), '--out', blocker, '--json']);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/cannot write results to .*a file of that name is in the way; nothing was run/);
  });

  it('a file not saved as UTF-8 says so (UTF-16 with or without its mark, Latin-1), for run and validate alike; UTF-8 with a mark is read', () => {
    const yaml = `name: Café\ntime: { horizon: 60 }\nstations: [{ id: s, servers: 1, service: 1 }]\nsegments: [{ id: c, arrivals: { rate: 0.5 }, route: [s] }]\n`;
    const utf16 = Buffer.from(yaml, 'utf16le');
    const cases: [Buffer, string][] = [
      [Buffer.concat([Buffer.from([0xff, 0xfe]), utf16]), 'the file is UTF-16 text, not UTF-8: save it as UTF-8'],
      [utf16, 'the file holds zero bytes, as UTF-16 text or a binary file does, not UTF-8 text: save it as UTF-8'],
      [Buffer.from(`# a comment\n${yaml}`, 'latin1'), 'line 2 holds bytes that are not UTF-8 (a file saved in another encoding, such as Latin-1): save it as UTF-8'],
      // A real U+FFFD on line 1 is text; the stray byte is on line 2.
      [Buffer.concat([Buffer.from('# \uFFFD is fine\n# caf', 'utf8'), Buffer.from([0xe9]), Buffer.from(`\n${yaml}`, 'utf8')]), 'line 2 holds bytes that are not UTF-8 (a file saved in another encoding, such as Latin-1): save it as UTF-8'],
    ];
    for (const [bytes, message] of cases) {
      const file = join(tempDir(), 's.yaml');
      writeFileSync(file, bytes);
      for (const command of ['run', 'validate']) {
        const result = queuesim([command, file, '--out', tempDir()].slice(0, command === 'run' ? 4 : 2));
        expect({ code: result.code, stderr: result.stderr }).toEqual({ code: 2, stderr: `error: ${file}: ${message}\n1 problem in 1 file; nothing was run or written.\n` });
      }
    }
    const marked = join(tempDir(), 's.yaml');
    writeFileSync(marked, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(yaml, 'utf8')]));
    expect(queuesim(['validate', marked]).stdout).toContain('"Café"');
  });

  it('the same file given twice is a problem, not a silent overwrite', () => {
    const file = scenarioFile('s.json', JSON.stringify(valid));
    const result = queuesim(['run', file, file, '--out', tempDir()]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('the file is given twice');
  });
});

describe('output that cannot be written', () => {
  // /dev/full takes no byte: every write fails with ENOSPC, as behind `> file` on a full disk.
  it.runIf(existsSync('/dev/full'))('a full disk behind stdout is a failure of the run (exit 1, said in words), not an internal error', () => {
    for (const args of [['schema'], ['run', scenarioFile('s.json', JSON.stringify(valid)), '--reps', '2', '--no-report', '--out', tempDir()]]) {
      const stdout = openSync('/dev/full', 'w');
      try {
        const result = spawnSync(process.execPath, [join(projectRoot, 'dist/bin/queuesim.js'), ...args], { cwd: projectRoot, encoding: 'utf8', stdio: ['ignore', stdout, 'pipe'] });
        expect({ code: result.status, stderr: result.stderr }).toEqual({ code: 1, stderr: "error: cannot write the command's output: ENOSPC: no space left on device, write\n" });
      } finally {
        closeSync(stdout);
      }
    }
  });
});
