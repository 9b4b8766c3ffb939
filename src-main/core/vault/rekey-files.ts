/**
 * Files an interrupted change can leave beside the archive: the copy a rekey makes before it swaps
 * it in, and the temporary files of atomic writes (`files.ts`). Both are void once the database
 * and keyring in place open each other, and the next holder removes them, so no later open ever
 * reads one.
 */
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

/** The database rewritten under the new key, renamed over `archive.db` once complete. */
export const NEXT_DATABASE_FILE = 'archive.db.next';

/** `writeFileAtomic`'s temporary names for the keyrings and the holder note. */
const ATOMIC_TEMP = /^(keyring\.json|keyring\.next\.json|archive\.holder\.json)\.[0-9a-f]{12}\.tmp$/;

export function removeRekeyLeftovers(folder: string): void {
  for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(join(folder, NEXT_DATABASE_FILE + suffix), { force: true });
  for (const name of readdirSync(folder)) {
    if (ATOMIC_TEMP.test(name)) rmSync(join(folder, name), { force: true });
  }
}
