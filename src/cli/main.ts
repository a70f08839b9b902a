#!/usr/bin/env node
/**
 * The `queuesim` command line: run, compare, sweep, staff, merge, validate, schema. Each command's
 * code (and the scenario schema with zod and yaml behind it) is imported only when that
 * command runs, so `queuesim --version` or `--help` starts in a few tens of milliseconds.
 */
import { createRequire } from 'node:module';
import { realpathSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { parseShard } from '../run/shard.js';
import { helpPointer } from './usage.js';

const { version } = createRequire(import.meta.url)('../../package.json') as { version: string };

function wholeNumber(min: number, what: string) {
  return (text: string): number => {
    const value = Number(text);
    if (!/^\d+$/.test(text.trim()) || value < min) throw new InvalidArgumentError(`${what} must be a whole number of at least ${min}.`);
    if (!Number.isSafeInteger(value)) throw new InvalidArgumentError(`${what} must be at most ${Number.MAX_SAFE_INTEGER} (2^53 − 1).`);
    return value;
  };
}

/**
 * A command that runs replications: the first worker thread starts before the command's
 * code is imported, so the thread loads the simulator while this one loads zod and yaml and
 * reads the files (with-pool.ts).
 */
async function withEarlyThread(workers: number | undefined, command: () => Promise<number>): Promise<number> {
  const { startPoolEarly, closeEarlyPool } = await import('./with-pool.js');
  startPoolEarly(workers);
  try {
    return await command();
  } finally {
    await closeEarlyPool();
  }
}

/** A name for the result: its title, and its folder's slug. */
function nameOption(what: string): Option {
  return new Option('--name <text>', `name of the ${what} (its output folder is the slug)`).argParser((text: string) => {
    if (text.trim() === '') throw new InvalidArgumentError('--name must not be empty.');
    return text;
  });
}

/** --workers, the same for every command that runs replications. */
function workersOption(): Option {
  const cores = availableParallelism();
  const most = Math.max(64, 4 * cores);
  return new Option('--workers <n>', 'worker threads running replications (results do not depend on it)')
    .argParser((text) => {
      const workers = wholeNumber(1, '--workers')(text);
      // A typo (500 for 50) would start hundreds of threads, each holding its own memory.
      if (workers > most) throw new InvalidArgumentError(`--workers must be at most ${most} (this machine has ${cores} cores; threads beyond the cores take turns, and each holds about 20 MB).`);
      return workers;
    })
    .default(availableParallelism(), `${availableParallelism()}, every core`);
}

/** --shard K/N, the same for every command that can run as shards (run/shard.ts). */
function shardOption(): Option {
  return new Option('--shard <k/n>', 'run only shard K of N (a share of every model\'s replications) and write <out>/<slug>.shard-K-of-N/ for `queuesim merge`').argParser((text) => {
      const parsed = parseShard(text);
      if (!parsed.ok) throw new InvalidArgumentError(`${parsed.message}.`);
      return parsed.value;
    });
}

/** --shards N: shard K of N with K from the environment (run/shard.ts). */
function shardsOption(): Option {
  return new Option('--shards <n>', 'run as one of N shards, the index from JOB_COMPLETION_INDEX (Kubernetes Indexed Job) or SLURM_ARRAY_TASK_ID (Slurm job array); also QUEUESIM_SHARDS=N').argParser(wholeNumber(1, '--shards'));
}

/** How to run `command` (its arguments after the command's name) as four shards and merge them. */
const shardHelp = (command: string) =>
  `\nShards (each on its own machine in practice; see "Beyond one machine: shards" in the README):\n  for k in 1 2 3 4; do queuesim ${command} --shard $k/4 --out results; done\n  queuesim merge results --out results\n`;

/**
 * The options every command that writes a result folder shares: where, how much to print,
 * the report; `printed` names what --json prints.
 */
function outputOptions(command: Command, printed: string): Command {
  return command
    .option('--out <dir>', 'output folder', 'out')
    .option('--json', `print ${printed} as JSON on stdout (and nothing else)`)
    .option('--quiet', 'print nothing but errors and warnings; still write the output folder')
    .option('--no-report', 'do not write report.html and charts/');
}

/** --workers, and the shard options of the commands that can be split over machines. */
function runOptions(command: Command, shards: boolean): Command {
  command.addOption(workersOption());
  return shards ? command.addOption(shardOption()).addOption(shardsOption()) : command;
}

/** Repeatable options gather their values in a list. */
function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

export function buildProgram(): Command {
  const program = new Command()
    .name('queuesim')
    .description('Discrete-event simulation of service queues: staffing, waiting, balking, reneging.')
    .version(version)
    .showHelpAfterError(helpPointer())
    .exitOverride()
    // Once the options are parsed and the command is about to run (not for --help, not
    // before a usage error): more threads than cores take turns and each holds memory.
    .hook('preAction', (_program, command) => {
      const { workers, quiet, json } = command.opts<{ workers?: number; quiet?: boolean; json?: boolean }>();
      const cores = availableParallelism();
      if (workers !== undefined && workers > cores && !quiet && !json) {
        process.stderr.write(`note: --workers ${workers} is more than this machine's ${cores} cores: the threads take turns, and each holds memory of its own (about 20 MB).\n`);
      }
    });

  const run = program
    .command('run')
    .description('Simulate scenario files: print a table of metrics with 95% CIs and write <out>/<slug>/summary.json, replications.csv, series.csv, report.html and charts/.')
    .argument('<file...>', 'scenario files (YAML or JSON)')
    .addOption(new Option('--reps <n>', 'replications (overrides the file)').argParser(wholeNumber(1, '--reps')))
    .addOption(new Option('--seed <s>', 'random seed (overrides the file)').argParser(wholeNumber(0, '--seed')));
  outputOptions(run, 'the results');
  runOptions(run, true);
  run
    .addHelpText(
      'after',
      '\nExamples:\n  queuesim run scenarios/bank-branch.yaml\n  queuesim run scenarios/bank-branch.yaml --reps 50 --seed 7 --json > results.json\n' + shardHelp('run scenarios/bank-branch.yaml'),
    )
    .action(async (files: string[], options) => {
      process.exitCode = await withEarlyThread(options.workers, async () => (await import('./run.js')).runCommand(files, options));
    });

  const compare = program
    .command('compare')
    .description('Run variants on common random numbers and compare each metric with the first: paired differences with 95% CIs. Writes <out>/<slug>/compare.csv, compare.json, variants/, report.html and charts/.')
    .argument('<file...>', 'two or more scenario files, or one file with --set variants')
    .addOption(new Option('--set <variant>', 'a variant of the one file: "NAME: key.path=value; key.path=value" (repeatable)').argParser(collect))
    .addOption(nameOption('comparison'))
    .addOption(new Option('--reps <n>', 'replications of every variant (default: the first file’s)').argParser(wholeNumber(1, '--reps')))
    .addOption(new Option('--seed <s>', 'seed of every variant (default: the first file’s)').argParser(wholeNumber(0, '--seed')));
  outputOptions(compare, 'the comparison');
  runOptions(compare, true);
  compare
    .addHelpText(
      'after',
      '\nKey paths address the scenario: stations.counter.servers.lunch, segments.quick.arrivals.rate, time.periods.lunch.start;\nlist elements by id (or period name) or by index, stations[0]; values are YAML: 4, fifo, {dist: exponential, mean: 2}; null removes a key (its default applies).\n\nExamples:\n  queuesim compare scenarios/coffee-as-is.yaml scenarios/coffee-extra-barista.yaml\n  queuesim compare scenarios/bank-branch.yaml --set "lunch5: stations.counter.servers.lunch=5" --set "calm: segments.quick.patience.mean=15; segments.quick.balkAt=20"\n' + shardHelp('compare scenarios/coffee-as-is.yaml scenarios/coffee-extra-barista.yaml'),
    )
    .action(async (files: string[], options) => {
      process.exitCode = await withEarlyThread(options.workers, async () => (await import('./compare.js')).compareCommand(files, options));
    });

  const sweep = program
    .command('sweep')
    .description('Run one scenario over a grid of one or two parameters on common random numbers: a row per point, sweep.csv, sweep.json, and trade-off charts with 95% bands in report.html and charts/.')
    .argument('<file>', 'the scenario file (YAML or JSON)')
    .addOption(new Option('--vary <axis>', 'KEY.PATH=from..to[:step] or KEY.PATH=2,3,5: numbers (once or twice)').argParser(collect))
    .addOption(nameOption('sweep'))
    .addOption(new Option('--reps <n>', 'replications at every point (overrides the file)').argParser(wholeNumber(1, '--reps')))
    .addOption(new Option('--seed <s>', 'seed of every point (overrides the file)').argParser(wholeNumber(0, '--seed')));
  outputOptions(sweep, 'the results');
  runOptions(sweep, true);
  sweep
    .addHelpText(
      'after',
      '\nExamples:\n  queuesim sweep scenarios/bank-branch.yaml --vary stations.counter.servers.lunch=3..7\n  queuesim sweep scenarios/bank-branch.yaml --vary stations.counter.servers.lunch=3..6 --vary segments.quick.patience.mean=5,10,20\n' + shardHelp('sweep scenarios/bank-branch.yaml --vary stations.counter.servers.lunch=3..7'),
    )
    .action(async (file: string, options) => {
      process.exitCode = await withEarlyThread(options.workers, async () => (await import('./sweep.js')).sweepCommand(file, options));
    });

  const staff = program
    .command('staff')
    .description('Find the fewest servers per period and station that meet every target in simulation: start from SIPP (Erlang, period by period), correct by simulation. Writes <out>/<slug>/staff.json, staffing.csv, staffed.yaml, summary.json, report.html and charts/.')
    .argument('<file>', 'the scenario file (YAML or JSON)')
    .addOption(new Option('--target <target>', 'METRIC<=VALUE or METRIC>=VALUE for each station and period, e.g. "waitP80<=5" or "abandonmentRate<=5%" (repeatable)').argParser(collect))
    .addOption(new Option('--station <id>', 'staff only this station (repeatable; default every station but those with seating, whose servers are their tables)').argParser(collect))
    .addOption(new Option('--start <rule>', 'the Erlang start: sipp or lag-sipp').default('sipp'))
    .addOption(new Option('--max-evaluations <n>', 'simulations at most').default(60).argParser(wholeNumber(1, '--max-evaluations')))
    .addOption(nameOption('result'))
    .addOption(new Option('--reps <n>', 'replications per evaluation (overrides the file)').argParser(wholeNumber(1, '--reps')))
    .addOption(new Option('--seed <s>', 'random seed (overrides the file)').argParser(wholeNumber(0, '--seed')));
  outputOptions(staff, 'the result');
  runOptions(staff, false);
  // Without these, commander would suggest --start for a --shard written out of habit.
  for (const flag of ['--shard <k/n>', '--shards <n>']) {
    staff.addOption(
      new Option(flag).hideHelp().argParser(() => {
        throw new InvalidArgumentError('staff cannot run as shards: each step of its search depends on the last. Shard a compare or sweep instead, or give it more --workers.');
      }),
    );
  }
  staff
    .addHelpText(
      'after',
      '\n"80% served within 5 minutes" is --target "waitP80<=5". Targets are judged per station and period: a target is met where the whole 95% CI over the replications lies on its right side (more --reps narrow the CIs and may need fewer servers).\n\nExamples:\n  queuesim staff scenarios/bank-day-staffing.yaml --target "waitP80<=5"\n  queuesim staff scenarios/bank-branch.yaml --station counter --target "waitP90<=5" --target "abandonmentRate<=5%"\n',
    )
    .action(async (file: string, options) => {
      process.exitCode = await withEarlyThread(options.workers, async () => (await import('./staff.js')).staffCommand(file, options));
    });

  const merge = program
    .command('merge')
    .description('Put the shard folders of a run, compare or sweep (written with --shard or --shards) back together: exactly the single run\'s result folder and output.')
    .argument('<dir...>', 'shard folders (<slug>.shard-K-of-N/), or folders holding them');
  outputOptions(merge, 'the results');
  merge
    .addHelpText(
      'after',
      '\nEvery shard 1..N of a job must be given once, all from the same inputs and queuesim version; otherwise nothing is written (exit 2).\n\nExamples:\n  queuesim merge results/bank-branch-weekday.shard-1-of-2 results/bank-branch-weekday.shard-2-of-2\n  queuesim merge results --out results\n',
    )
    .action(async (dirs: string[], options) => {
      const { mergeCommand } = await import('./merge.js');
      process.exitCode = await mergeCommand(dirs, options);
    });

  program
    .command('validate')
    .description('Check scenario files and report every problem, without running them.')
    .argument('<file...>', 'scenario files (YAML or JSON)')
    .action(async (files: string[]) => {
      const { validateCommand } = await import('./validate.js');
      process.exitCode = await validateCommand(files);
    });

  program
    .command('schema')
    .description('Print the JSON Schema of scenario files (for editors and validators).')
    .action(async () => {
      const { scenarioJsonSchema } = await import('../scenario/compose.js');
      process.stdout.write(JSON.stringify(scenarioJsonSchema(), null, 2) + '\n');
    });

  // A usage error points to the help of the command it was made in.
  for (const command of program.commands) command.showHelpAfterError(helpPointer(command.name()));
  // The commands' own options, written to another out of habit, point to their command.
  const owners = [
    ['--set', 'compare'],
    ['--vary', 'sweep'],
    ['--target', 'staff'],
  ] as const;
  for (const command of [run, compare, sweep, staff]) {
    for (const [flag, owner] of owners) if (owner !== command.name()) command.addOption(othersOption(command.name(), flag, owner));
  }
  return program;
}

/**
 * Another command's option, taken only to point to that command: commander would suggest a
 * near name instead (--set → --seed) or nothing. Hidden from the help.
 */
function othersOption(command: string, flag: string, owner: string): Option {
  return new Option(`${flag} [value]`)
    .hideHelp()
    .preset('')
    .argParser(() => {
      process.stderr.write(`error: ${command} takes no ${flag}: it is an option of ${owner} (queuesim ${owner} FILE ${flag} ...)\n${helpPointer(owner)}\n`);
      throw new CommanderError(2, 'queuesim.othersOption', `${flag} is an option of ${owner}`);
    });
}

export async function main(argv: string[]): Promise<number> {
  const program = buildProgram();
  if (argv.length <= 2) {
    // No command is a usage error (exit 2), the help on stderr as for the others.
    program.outputHelp({ error: true });
    return 2;
  }
  try {
    await program.parseAsync(argv);
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
    return isWriteFailure(error) ? outputFailed(error) : internalError(error);
  }
}

/**
 * A write to stdout or stderr failed (a full disk behind `> file`, a broken device): the
 * command's output was lost, which is a failure of the run (exit 1), not a bug. Result
 * files are written, and their failures reported, where they are staged.
 */
function isWriteFailure(error: unknown): error is NodeJS.ErrnoException {
  return error instanceof Error && (error as NodeJS.ErrnoException).syscall === 'write' && typeof (error as NodeJS.ErrnoException).code === 'string';
}

function outputFailed(error: NodeJS.ErrnoException): number {
  try {
    process.stderr.write(`error: cannot write the command's output: ${error.message}\n`);
  } catch {
    // stderr is the stream that failed: the exit code says it
  }
  return 1;
}

/** A bug: one line on stderr (the stack only with QUEUESIM_DEBUG set), exit code 1. */
function internalError(error: unknown): number {
  process.stderr.write(`queuesim: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
  if (process.env.QUEUESIM_DEBUG && error instanceof Error) process.stderr.write(`${error.stack}\n`);
  return 1;
}

const invokedDirectly = process.argv[1] !== undefined && realpathSync(process.argv[1]) === fileURLToPath(import.meta.url);
if (invokedDirectly) {
  // Errors outside main's promise (a stream's 'error' event, say) end the same way.
  const last = (error: unknown) => process.exit(isWriteFailure(error) ? outputFailed(error) : internalError(error));
  process.on('uncaughtException', last);
  process.on('unhandledRejection', last);
  // A reader that stops early (`queuesim run a.yaml b.yaml 2>&1 | head`) closes the pipe: what
  // is left to print is dropped, and the command goes on to write every result folder whole.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EPIPE') last(error);
    });
  }
  process.exitCode = await main(process.argv);
}
