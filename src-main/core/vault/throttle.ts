/**
 * Failed-unlock back-off, per archive and login, kept on this workstation outside the archive.
 *
 * Why outside: a wrong password must leave every archive file byte-identical (nothing can be
 * written into a database we could not open). The failures wait here and are written into the
 * journal at the next successful unlock of the archive on this workstation.
 * Logins never appear here, only the keyring's locator for them.
 *
 * Back-off: the first two failures cost nothing extra; from the third on, 5 s doubling to 15 min.
 * This throttles people at the screen; offline guessing against a copied keyring is what the
 * argon2id cost is for.
 */
import { join } from 'node:path';
import { z } from 'zod';
import { StateFile } from './state-file';

const recordSchema = z.object({
  failures: z.number().int().min(0),
  lastFailureAt: z.string(),
  /** When each failure happened, newest last; kept to the last 100. */
  pending: z.array(z.string()).max(100),
});
const stateSchema = z.record(z.string(), z.record(z.string(), recordSchema));
type State = z.infer<typeof stateSchema>;
export type FailureRecord = z.infer<typeof recordSchema>;

export const FREE_FAILURES = 2;
export const MAX_WAIT_S = 15 * 60;

export function waitAfter(failures: number): number {
  if (failures <= FREE_FAILURES) return 0;
  return Math.min(MAX_WAIT_S, 5 * 2 ** (failures - FREE_FAILURES - 1));
}

export class Throttle {
  private readonly file: StateFile<State[string]>;

  constructor(readonly stateDir: string) {
    this.file = new StateFile(stateDir, 'unlock-failures.json', stateSchema);
  }

  private read(): State {
    return this.file.read();
  }

  private write(state: State): void {
    this.file.write(state);
  }

  /** Seconds still to wait before this login may try again (0 when free). */
  secondsToWait(archiveId: string, locator: string, now: Date): number {
    const record = this.read()[archiveId]?.[locator];
    if (!record) return 0;
    const until = new Date(record.lastFailureAt).getTime() + waitAfter(record.failures) * 1000;
    return Math.max(0, Math.ceil((until - now.getTime()) / 1000));
  }

  recordFailure(archiveId: string, locator: string, now: Date): void {
    const state = this.read();
    const forArchive = (state[archiveId] ??= {});
    const previous = forArchive[locator];
    forArchive[locator] = {
      failures: (previous?.failures ?? 0) + 1,
      lastFailureAt: now.toISOString(),
      pending: [...(previous?.pending ?? []), now.toISOString()].slice(-100),
    };
    this.write(state);
  }

  /** Every login's unjournaled failures for this archive; the caller journals them, then `clear`s. */
  pending(archiveId: string): Array<{ locator: string; at: string }> {
    const forArchive = this.read()[archiveId] ?? {};
    return Object.entries(forArchive).flatMap(([locator, r]) => r.pending.map((at) => ({ locator, at })));
  }

  /** After a successful unlock: this login starts afresh; others keep their count but their failures are journaled. */
  settle(archiveId: string, unlockedLocator: string | null): void {
    const state = this.read();
    const forArchive = state[archiveId];
    if (!forArchive) return;
    for (const [locator, record] of Object.entries(forArchive)) {
      if (locator === unlockedLocator) delete forArchive[locator];
      else record.pending = [];
    }
    if (Object.keys(forArchive).length === 0) delete state[archiveId];
    this.write(state);
  }
}

export function defaultStateDir(): string {
  if (process.env.TRIPLICATE_STATE_DIR) return process.env.TRIPLICATE_STATE_DIR;
  const home = process.env.HOME ?? process.env.USERPROFILE ?? '.';
  if (process.platform === 'win32') return join(process.env.LOCALAPPDATA ?? home, 'Triplicate');
  if (process.platform === 'darwin') return join(home, 'Library', 'Application Support', 'Triplicate');
  return join(process.env.XDG_STATE_HOME ?? join(home, '.local', 'state'), 'triplicate');
}
