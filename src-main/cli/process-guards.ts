/**
 * What the CLI process does about its surroundings, before any command runs:
 * - Ctrl+C (SIGINT) exits 130, as shells expect of an interrupted command (128 + 2); SIGTERM 143.
 *   The archive is safe to leave at any point (rekey and the journal are crash-safe, see README).
 * - A closed standard output (`triplicate person list | head -1`) ends the output quietly: no
 *   EPIPE stack trace; the command still finishes and locks the archive, its exit code unchanged.
 */
interface Guards {
  installed: boolean;
  closed: boolean;
  interrupted: () => void;
  terminated: () => void;
}

// One state per process, not per copy of this module: the CLI bundle is two files (the light
// entry and the commands it loads on demand) and each carries its own copy of this module.
const guards: Guards = ((globalThis as { [key: symbol]: Guards })[Symbol.for('triplicate.cli.processGuards')] ??= {
  installed: false,
  closed: false,
  interrupted: () => process.exit(130),
  terminated: () => process.exit(143),
});

/** True once standard output's reader has gone away: stop writing to it. */
export function stdoutClosed(): boolean {
  return guards.closed;
}

export function installProcessGuards(): void {
  if (guards.installed) return;
  guards.installed = true;
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE' || error.code === 'ERR_STREAM_DESTROYED') {
      guards.closed = true;
      return;
    }
    throw error;
  });
  // stderr's reader gone too: nothing left to tell anyone.
  process.stderr.on('error', () => undefined);
  process.on('SIGINT', guards.interrupted);
  process.on('SIGTERM', guards.terminated);
}

/**
 * For a command that ends itself cleanly on a signal (`serve` signs the journal head and closes the
 * archive first): the guard's immediate exit would cut that short.
 */
export function leaveSignalsToCommand(): void {
  process.off('SIGINT', guards.interrupted);
  process.off('SIGTERM', guards.terminated);
}
