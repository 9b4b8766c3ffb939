/** A session for one step of a test: unlocked as the person, locked afterwards whatever happens. */
import type { Session } from '../../src-main/core/session';
import type { TestArchive } from './archive';

export async function asPerson<T>(archive: TestArchive, who: { login: string; password: string }, work: (s: Session) => Promise<T>): Promise<T> {
  const session = await archive.unlock(who.login, who.password);
  try {
    return await work(session);
  } finally {
    await session.lock();
  }
}
