#!/usr/bin/env node
/**
 * The `queuesim` command line: run, validate, schema. Each command's code (and the scenario
 * schema with zod and yaml behind it) is imported only when that command runs, so
 * `queuesim --version` or `--help` starts in a few tens of milliseconds.
 */
import { createRequire } from 'node:module';
import { realpathSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';

const { version } = createRequire(import.meta.url)('../../package.json') as { version: string };

function wholeNumber(min: number, what: string) {
  return (text: string): number => {
    const value = Number(text);
    if (!/^\d+$/.test(text.trim()) || !Number.isSafeInteger(value) || value < min) {
      throw new InvalidArgumentError(`${what} must be a whole number of at least ${min}.`);
    }
    return value;
  };
}

export function buildProgram(): Command {
  const program = new Command()
    .name('queuesim')
    .description('Discrete-event simulation of service queues: staffing, waiting, balking, reneging.')
    .version(version)
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride();

  program
    .command('run')
    .description('Simulate scenario files: print a table of metrics with 95% CIs and write <out>/<slug>/summary.json and replications.csv.')
    .argument('<file...>', 'scenario files (YAML or JSON)')
    .addOption(new Option('--reps <n>', 'replications (overrides the file)').argParser(wholeNumber(1, '--reps')))
    .addOption(new Option('--seed <s>', 'random seed (overrides the file)').argParser(wholeNumber(0, '--seed')))
    .option('--out <dir>', 'output folder', 'out')
    .option('--json', 'print the results as JSON on stdout (and nothing else)')
    .option('--quiet', 'print nothing but errors; still write the output folder')
    .addOption(
      new Option('--workers <n>', 'worker threads running replications (results do not depend on it)')
        .argParser(wholeNumber(1, '--workers'))
        .default(availableParallelism(), `${availableParallelism()}, every core`),
    )
    .addHelpText(
      'after',
      '\nExamples:\n  queuesim run scenarios/bank-branch.yaml\n  queuesim run scenarios/bank-branch.yaml --reps 50 --seed 7 --json > results.json\n',
    )
    .action(async (files: string[], options) => {
      const { runCommand } = await import('./run.js');
      process.exitCode = await runCommand(files, options);
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
      const { scenarioJsonSchema } = await import('../scenario/schema.js');
      process.stdout.write(JSON.stringify(scenarioJsonSchema(), null, 2) + '\n');
    });

  return program;
}

export async function main(argv: string[]): Promise<number> {
  const program = buildProgram();
  if (argv.length <= 2) {
    program.outputHelp();
    return 0;
  }
  try {
    await program.parseAsync(argv);
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
    return internalError(error);
  }
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
  const last = (error: unknown) => process.exit(internalError(error));
  process.on('uncaughtException', last);
  process.on('unhandledRejection', last);
  process.exitCode = await main(process.argv);
}
