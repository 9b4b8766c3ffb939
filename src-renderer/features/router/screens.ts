/** The screens of the app as a plain state machine (no URL routing: there is nothing to link to). */
import type { AppInfo, CreatedArchive, EventPayloads } from '../../../src-main/contract/ipc';
import type { ActorView } from '../../../src-main/contract/people';
import type { PackageDescription } from '../../../src-main/contract/ipc-reader';
import type { ServerLostReason } from '../../../src-main/contract/ipc-server';

export type LockReason = EventPayloads['event:locked']['reason'];

export type Screen =
  | { name: 'loading' }
  | { name: 'welcome' }
  | { name: 'create' }
  | { name: 'recovery'; folder: string; created: CreatedArchive }
  | { name: 'unlock'; folder: string; lockedReason?: LockReason }
  /** `server`: signed in on an archive server at that address (issue 14); `folder` is then the address. */
  | { name: 'main'; folder: string; actor: ActorView; server?: string }
  /**
   * The offline reader: no archive; `dropped` is the path of a package dropped on the window,
   * `handed` one the system handed the app (double-click), already chosen in main or refused.
   */
  | { name: 'reader'; dropped?: string; handed?: { chosen: PackageDescription } | { failure: unknown } }
  /** Sign in to an archive server; `lost` when main lost the connection, `signedOut` after a lock. */
  | { name: 'server'; address?: string; lost?: ServerLostReason; signedOut?: boolean };

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
 * The screen a reload resumes while main still holds a session: a server session stays one (its
 * lock or lost connection then leads to the server's sign-in); no actor any more, the unlock screen.
 */
export function resumedScreen(info: AppInfo, actor: ActorView | null): Screen {
  if (info.server) return actor ? { name: 'main', folder: info.server, actor, server: info.server } : { name: 'server', address: info.server, signedOut: true };
  const folder = info.recentArchives[0]?.folder ?? '';
  return actor ? { name: 'main', folder, actor } : folder ? { name: 'unlock', folder } : { name: 'welcome' };
}

/**
 * Where a lock sends us. Anything that came from the archive (the actor, a recovery key still on screen)
 * is dropped; only the folder stays so the person can unlock again.
 */
export function afterLock(screen: Screen, reason: LockReason): Screen {
  switch (screen.name) {
    case 'main':
      // A server session ends on the server's sign-in screen, never on a local unlock screen.
      if (screen.server !== undefined) return { name: 'server', address: screen.server, signedOut: true };
      return { name: 'unlock', folder: screen.folder, lockedReason: reason };
    case 'recovery':
      return { name: 'unlock', folder: screen.folder, lockedReason: reason };
    case 'loading':
    case 'welcome':
    case 'create':
    case 'unlock':
    case 'reader':
    case 'server':
      return screen;
    default:
      return assertNever(screen);
  }
}

/** Main lost the archive server: whatever was shown goes; the sign-in screen says why. */
export function afterServerLost(screen: Screen, reason: ServerLostReason): Screen {
  return screen.name === 'main' && screen.server !== undefined ? { name: 'server', address: screen.server, lost: reason } : screen;
}

export function assertNever(value: never): never {
  throw new Error(`unhandled case: ${JSON.stringify(value)}`);
}
