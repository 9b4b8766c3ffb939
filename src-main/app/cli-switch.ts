/**
 * The installed app's command line: `Triplicate --cli <command> [options]` runs the `triplicate`
 * CLI in the app's own process instead of opening a window (the RunAsNode fuse is off, so
 * ELECTRON_RUN_AS_NODE cannot be used). Only the first `--cli` counts; what follows it is the CLI's.
 */
export function cliArguments(argv: readonly string[]): string[] | null {
  const at = argv.indexOf('--cli');
  return at < 0 ? null : argv.slice(at + 1);
}
