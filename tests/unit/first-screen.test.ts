/**
 * The screen the window opens on (src-renderer/features/router/screens.ts): the unlock screen of the
 * most recently opened archive, the welcome screen when none is remembered, and a resumed session
 * after a reload.
 */
import { describe, expect, it } from 'vitest';
import type { AppInfo } from '../../src-main/contract/ipc';
import { afterLock, firstScreen } from '../../src-renderer/features/router/screens';

const info = (over: Partial<AppInfo>): AppInfo => ({ version: '1.0.0', locale: 'zh-CN', recentArchives: [], unlocked: false, ...over });

describe('firstScreen', () => {
  it('opens on the unlock screen of the archive opened last (main keeps the list newest first)', () => {
    const recentArchives = [
      { folder: '/archives/sales', lastOpenedAt: '2026-11-20T09:00:00.000Z' },
      { folder: '/archives/old', lastOpenedAt: '2026-10-01T09:00:00.000Z' },
    ];
    expect(firstScreen(info({ recentArchives }))).toEqual({ name: 'unlock', folder: '/archives/sales' });
  });

  it('opens on the welcome screen when no archive is remembered, or when main did not answer', () => {
    expect(firstScreen(info({}))).toEqual({ name: 'welcome' });
    expect(firstScreen(null)).toEqual({ name: 'welcome' });
  });

  it('waits for the session check after a reload while main holds a session', () => {
    const recentArchives = [{ folder: '/archives/sales', lastOpenedAt: '2026-11-20T09:00:00.000Z' }];
    expect(firstScreen(info({ unlocked: true, recentArchives }))).toEqual({ name: 'loading' });
  });

  it('a lock on the first screen stays there (no reason shown, nothing to drop)', () => {
    const first = firstScreen(info({ recentArchives: [{ folder: '/a', lastOpenedAt: '2026-11-20T09:00:00.000Z' }] }));
    expect(afterLock(first, 'idle')).toBe(first);
  });
});
