/**
 * The files a rekey makes beside the archive before it swaps them in. A copy left by a process
 * killed mid-rekey is void (the database and keyring in place still open each other) and is
 * removed by the next holder, so no later open ever reads it.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';

/** The database rewritten under the new key, renamed over `archive.db` once complete. */
export const NEXT_DATABASE_FILE = 'archive.db.next';

export function removeRekeyLeftovers(folder: string): void {
  for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(join(folder, NEXT_DATABASE_FILE + suffix), { force: true });
}
