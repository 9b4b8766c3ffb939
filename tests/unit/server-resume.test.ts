/** A window reloaded during a server session (issue 14): it resumes as a server session, never as a local one. */
import { describe, expect, it } from 'vitest';
import type { AppInfo } from '../../src-main/contract/ipc';
import type { ActorView } from '../../src-main/contract/people';
import { afterLock, afterServerLost, resumedScreen } from '../../src-renderer/features/router/screens';

const actor = { id: 'p1', login: 'zhang.jl', name: '张经理', department: 'key-accounts', rank: 'account-manager', duties: [], may: [] } as unknown as ActorView;
const recent = [{ folder: '/archives/sales', lastOpenedAt: '2026-01-01T00:00:00.000Z' }] as AppInfo['recentArchives'];

describe('resuming after a reload', () => {
  it('a server session resumes on the server, and its lock or loss then leads to the server sign-in', () => {
    const info: AppInfo = { version: '1', locale: 'en', recentArchives: recent, unlocked: true, server: '127.0.0.1:7443' };
    const screen = resumedScreen(info, actor);
    expect(screen).toEqual({ name: 'main', folder: '127.0.0.1:7443', actor, server: '127.0.0.1:7443' });
    expect(afterLock(screen, 'screen-lock')).toEqual({ name: 'server', address: '127.0.0.1:7443', signedOut: true });
    expect(afterServerLost(screen, 'stopped')).toEqual({ name: 'server', address: '127.0.0.1:7443', lost: 'stopped' });
  });

  it('a server session that ended meanwhile shows the server sign-in, not a local unlock screen', () => {
    const info: AppInfo = { version: '1', locale: 'en', recentArchives: recent, unlocked: true, server: '127.0.0.1:7443' };
    expect(resumedScreen(info, null)).toEqual({ name: 'server', address: '127.0.0.1:7443', signedOut: true });
  });

  it('a local session resumes as before', () => {
    const info: AppInfo = { version: '1', locale: 'en', recentArchives: recent, unlocked: true };
    expect(resumedScreen(info, actor)).toEqual({ name: 'main', folder: '/archives/sales', actor });
    expect(resumedScreen(info, null)).toEqual({ name: 'unlock', folder: '/archives/sales' });
    expect(resumedScreen({ ...info, recentArchives: [] }, null)).toEqual({ name: 'welcome' });
  });
});
