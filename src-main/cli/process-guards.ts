/**
 * What the CLI process does about its surroundings, before any command runs:
 * - Ctrl+C (SIGINT) exits 130, as shells expect of an interrupted command (128 + 2); SIGTERM 143.
 *   The archive is safe to leave at any point (rekey and the journal are crash-safe, see README).
 * - A closed standard output (`triplicate person list | head -1`) ends the output quietly: no
 *   EPIPE stack trace; the command still finishes and locks the archive, its exit code unchanged.
 */
let closed = false;

/** True once standard output's reader has gone away: stop writing to it. */
export function stdoutClosed(): boolean {
  return closed;
}

let installed = false;

export function installProcessGuards(): void {
  if (installed) return;
  installed = true;
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE' || error.code === 'ERR_STREAM_DESTROYED') {
      closed = true;
      return;
    }
    throw error;
  });
  // stderr's reader gone too: nothing left to tell anyone.
  process.stderr.on('error', () => undefined);
  process.on('SIGINT', interrupted);
  process.on('SIGTERM', terminated);
}

function interrupted(): void {
  process.exit(130);
}

function terminated(): void {
  process.exit(143);
}

/**
 * For a command that ends itself cleanly on a signal (`serve` signs the journal head and closes the
 * archive first): the guard's immediate exit would cut that short.
 */
export function leaveSignalsToCommand(): void {
  process.off('SIGINT', interrupted);
  process.off('SIGTERM', terminated);
}
