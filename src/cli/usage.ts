/** Usage errors: one line saying what is wrong, one pointing to the help of the command it was made in. Exit code 2. */

/** `(run queuesim sweep --help for usage)`; the program's own without a command. */
export function helpPointer(command?: string): string {
  return `(run queuesim ${command === undefined ? '' : `${command} `}--help for usage)`;
}

/** Prints a usage error of `command`; returns its exit code, 2. */
export function usageError(command: string, message: string): 2 {
  process.stderr.write(`error: ${message}\n${helpPointer(command)}\n`);
  return 2;
}
