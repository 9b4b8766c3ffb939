/**
 * The CLI's standard streams end quietly, as a Unix tool's do: a reader that goes away
 * (`triplicate offline read … | head -1`) is not an error worth a stack trace, and Ctrl+C ends
 * the command with the shell's usual 130 (128 + SIGINT) and a fresh line, not a trace either.
 * Installed once by bin.cjs, at the level of the process's own streams, so every command gets it.
 */
export function guardStdio(): void {
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      // Nobody reads any more: stop now, with the code the command has so far (0 unless set).
      if (error.code === 'EPIPE') process.exit(typeof process.exitCode === 'number' ? process.exitCode : 0);
      throw error;
    });
  }
  process.once('SIGINT', () => {
    if (process.stderr.isTTY) process.stderr.write('\n');
    process.exit(130);
  });
}
