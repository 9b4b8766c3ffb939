/** Where a server session goes when it ends (issue 14): never to a local unlock screen, nothing of the archive kept. */
import { describe, expect, it } from 'vitest';
import type { ActorView } from '../../src-main/contract/people';
import { afterLock, afterServerLost, type Screen } from '../../src-renderer/features/router/screens';

const actor = { id: 'p1', login: 'zhang.jl', name: '张经理', department: 'key-accounts', rank: 'account-manager', duties: [], may: [] } as unknown as ActorView;

describe('screens of a workstation', () => {
  const onServer: Screen = { name: 'main', folder: '127.0.0.1:7443', actor, server: '127.0.0.1:7443' };
  const local: Screen = { name: 'main', folder: '/archives/sales', actor };

  it('a lock of a server session leads to the server sign-in screen, without the actor', () => {
    expect(afterLock(onServer, 'idle')).toEqual({ name: 'server', address: '127.0.0.1:7443', signedOut: true });
    expect(afterLock(local, 'idle')).toEqual({ name: 'unlock', folder: '/archives/sales', lockedReason: 'idle' });
  });

  it('a lost server clears a server session and says why; a local session is not touched', () => {
    expect(afterServerLost(onServer, 'disconnected')).toEqual({ name: 'server', address: '127.0.0.1:7443', lost: 'disconnected' });
    expect(afterServerLost(onServer, 'stopped')).toEqual({ name: 'server', address: '127.0.0.1:7443', lost: 'stopped' });
    expect(afterServerLost(local, 'stopped')).toBe(local);
    expect(afterServerLost({ name: 'welcome' }, 'stopped')).toEqual({ name: 'welcome' });
  });
});
