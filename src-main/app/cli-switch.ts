import { writeFileSync } from 'node:fs';

/**
 * The installed app's command line: `Triplicate --cli <command> [options]` runs the `triplicate`
 * CLI in the app's own process instead of opening a window (the RunAsNode fuse is off, so
 * ELECTRON_RUN_AS_NODE cannot be used). Only the first `--cli` counts; what follows it is the CLI's.
 */
export function cliArguments(argv: readonly string[]): string[] | null {
  const at = argv.indexOf('--cli');
  return at < 0 ? null : argv.slice(at + 1);
}

/**
 * Windows runs the app as a GUI program, whose exit code a console pipe loses: the console shim
 * (`triplicate-cli.cmd`) names a file in TRIPLICATE_CLI_EXIT_FILE and reads the code back from it.
 * Written on every way out (the CLI's own exit, Ctrl+C's 130, a closed pipe); a no-op elsewhere.
 */
export function reportExitCode(code: number, env: NodeJS.ProcessEnv = process.env, write: (file: string, text: string) => void = writeExitFile): void {
  const file = env.TRIPLICATE_CLI_EXIT_FILE;
  if (!file) return;
  try {
    write(file, `${code}\r\n`);
  } catch {
    /* the shim then reports a failure (1): never a reason to hide the command's own output */
  }
}

function writeExitFile(file: string, text: string): void {
  writeFileSync(file, text, { mode: 0o600 });
}
