/** The screens of the app as a plain state machine (no URL routing: there is nothing to link to). */
import type { CreatedArchive, EventPayloads } from '../../../src-main/contract/ipc';
import type { ActorView } from '../../../src-main/contract/people';

export type LockReason = EventPayloads['event:locked']['reason'];

export type Screen =
  | { name: 'loading' }
  | { name: 'welcome' }
  | { name: 'create' }
  | { name: 'recovery'; folder: string; created: CreatedArchive }
  | { name: 'unlock'; folder: string; lockedReason?: LockReason }
  | { name: 'main'; folder: string; actor: ActorView };

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
      return screen;
    default:
      return assertNever(screen);
  }
}

export function assertNever(value: never): never {
  throw new Error(`unhandled case: ${JSON.stringify(value)}`);
}
