/** The screens of the app as a plain state machine (no URL routing: there is nothing to link to). */
import type { AppInfo, CreatedArchive, EventPayloads } from '../../../src-main/contract/ipc';
import type { ActorView } from '../../../src-main/contract/people';
import type { PackageDescription } from '../../../src-main/contract/ipc-reader';

export type LockReason = EventPayloads['event:locked']['reason'];

export type Screen =
  | { name: 'loading' }
  | { name: 'welcome' }
  | { name: 'create' }
  | { name: 'recovery'; folder: string; created: CreatedArchive }
  | { name: 'unlock'; folder: string; lockedReason?: LockReason }
  | { name: 'main'; folder: string; actor: ActorView }
  /**
   * The offline reader: no archive; `dropped` is the path of a package dropped on the window,
   * `handed` one the system handed the app (double-click), already chosen in main or refused.
   */
  | { name: 'reader'; dropped?: string; handed?: { chosen: PackageDescription } | { failure: unknown } };

/**
 * The screen the window opens on. Most people use one archive every day: they land on its unlock
 * screen, as a password manager opens on its lock screen, and "switch archive" leads to the
 * remembered list. An archive moved away meanwhile costs nothing worse than before: unlocking
 * says no archive was found there, beside "switch archive". With no archive remembered, the
 * welcome screen (create or open one). After a reload while main still holds a session, the
 * router resumes it (loading until it knows). Without app info (main did not answer), welcome:
 * nothing is assumed about archives.
 */
export function firstScreen(info: AppInfo | null): Screen {
  if (info?.unlocked) return { name: 'loading' };
  const latest = info?.recentArchives[0];
  return latest ? { name: 'unlock', folder: latest.folder } : { name: 'welcome' };
}

/**
 * Where a lock sends us. Anything that came from the archive (the actor, a recovery key still on screen)
 * is dropped; only the folder stays so the person can unlock again.
 */
export function afterLock(screen: Screen, reason: LockReason): Screen {
  switch (screen.name) {
    case 'main':
    case 'recovery':
      return { name: 'unlock', folder: screen.folder, lockedReason: reason };
    case 'loading':
    case 'welcome':
    case 'create':
    case 'unlock':
    case 'reader':
      return screen;
    default:
      return assertNever(screen);
  }
}

export function assertNever(value: never): never {
  throw new Error(`unhandled case: ${JSON.stringify(value)}`);
}
