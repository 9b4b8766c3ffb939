/**
 * Chooses the screen and owns the lock transition. The unlocked subtree is mounted under a key that
 * changes on every unlock, so a lock throws away all archive state (people, names, settings) with it.
 */
import { lazy, Suspense, useCallback, useEffect, useState } from 'react';
import type { AppInfo } from '../../../src-main/contract/ipc';
import type { ActorView } from '../../../src-main/contract/people';
import { api, call } from '../../api/client';
import { UnlockScreen } from '../unlock/UnlockScreen';
import { WelcomeScreen } from '../welcome/WelcomeScreen';
import { ServerSignInScreen } from '../server/ServerSignInScreen';
import { afterLock, afterServerLost, assertNever, firstScreen, resumedScreen, type LockReason, type Screen } from './screens';

// The first screen is welcome or unlock: only they are in the entry chunk, built without antd
// (components/light). Ant Design itself, the unlocked app (every feature, tables, forms) and the
// create flow are separate chunks, fetched when needed or when the window is idle after the first
// paint (antd's runtime and styles alone cost more than the rest of the first paint).
const loadAntd = () => import('../../components/AntdScope');
const loadMain = () => import('../shell/MainLayout');
const loadCreate = () => import('../create/CreateArchiveScreen');
const loadRecovery = () => import('../create/RecoveryKeyScreen');
const AntdScope = lazy(() => loadAntd().then((m) => ({ default: m.AntdScope })));
const MainLayout = lazy(() => loadMain().then((m) => ({ default: m.MainLayout })));
const CreateArchiveScreen = lazy(() => loadCreate().then((m) => ({ default: m.CreateArchiveScreen })));
const RecoveryKeyScreen = lazy(() => loadRecovery().then((m) => ({ default: m.RecoveryKeyScreen })));
const loadReader = () => import('../reader/OfflineReaderScreen');
const OfflineReaderScreen = lazy(() => loadReader().then((m) => ({ default: m.OfflineReaderScreen })));

export function ScreenRouter(props: { initialInfo: AppInfo | null }) {
  useEffect(() => {
    const idle = window.requestIdleCallback ?? ((f: () => void) => window.setTimeout(f, 200));
    idle(() => void Promise.all([loadAntd(), loadMain(), loadCreate(), loadRecovery()]).catch(() => {}));
  }, []);
  return (
    <Suspense fallback={null}>
      <Screens {...props} />
    </Suspense>
  );
}

function Screens({ initialInfo }: { initialInfo: AppInfo | null }) {
  const [screen, setScreen] = useState<Screen>(() => firstScreen(initialInfo));
  const [sessionKey, setSessionKey] = useState(0);

  const locked = useCallback((reason: LockReason) => {
    setScreen((current) => afterLock(current, reason));
    setSessionKey((key) => key + 1);
  }, []);

  useEffect(() => api().session.onLocked((event) => locked(event.reason)), [locked]);
  // The server connection dropped or the server stopped: content goes at once, as with a lock.
  useEffect(
    () =>
      api().server.onLost((event) => {
        setScreen((current) => afterServerLost(current, event.reason));
        setSessionKey((key) => key + 1);
      }),
    [],
  );

  // After a reload of the window while main still holds a session, resume it rather than ask again.
  useEffect(() => {
    if (!initialInfo?.unlocked) return;
    call(api().session.current())
      .then((actor) => setScreen(resumedScreen(initialInfo, actor)))
      .catch(() => setScreen({ name: 'welcome' }));
  }, [initialInfo]);

  // A package double-clicked in the file manager (issue 15) waits in main until no archive is open:
  // taken on the welcome or unlock screen, at once or as soon as it arrives.
  const noArchive = screen.name === 'welcome' || screen.name === 'unlock';
  useEffect(() => {
    if (!noArchive) return;
    const take = () =>
      call(api().reader.waiting({})).then(
        (chosen) => chosen && setScreen({ name: 'reader', handed: { chosen } }),
        (failure: unknown) => setScreen({ name: 'reader', handed: { failure } }),
      );
    void take();
    return api().reader.onWaiting(() => void take());
  }, [noArchive]);

  const unlocked = (folder: string, actor: ActorView) => {
    setSessionKey((key) => key + 1);
    setScreen({ name: 'main', folder, actor });
  };

  switch (screen.name) {
    case 'loading':
      return null;
    case 'welcome':
      return (
        <WelcomeScreen
          initialRecent={initialInfo?.recentArchives}
          onCreate={() => setScreen({ name: 'create' })}
          onOpen={(folder) => setScreen({ name: 'unlock', folder })}
          onOpenPackage={(dropped) => setScreen(dropped ? { name: 'reader', dropped } : { name: 'reader' })}
          onConnectServer={() => setScreen({ name: 'server' })}
        />
      );
    case 'server':
      return (
        <ServerSignInScreen
          address={screen.address}
          lost={screen.lost}
          signedOut={screen.signedOut}
          onSignedIn={({ address, settled: _settled, ...actor }) => {
            setSessionKey((key) => key + 1);
            setScreen({ name: 'main', folder: address, actor, server: address });
          }}
          onBack={() => setScreen({ name: 'welcome' })}
        />
      );
    case 'reader':
      return (
        <AntdScope>
          <OfflineReaderScreen dropped={screen.dropped} handed={screen.handed} onExit={() => setScreen({ name: 'welcome' })} />
        </AntdScope>
      );
    case 'create':
      return (
        <AntdScope>
          <CreateArchiveScreen
            onBack={() => setScreen({ name: 'welcome' })}
            onCreated={(folder, created) => setScreen({ name: 'recovery', folder, created })}
          />
        </AntdScope>
      );
    case 'recovery':
      return (
        <AntdScope>
          <RecoveryKeyScreen folder={screen.folder} created={screen.created} onContinue={() => unlocked(screen.folder, screen.created.actor)} />
        </AntdScope>
      );
    case 'unlock':
      return (
        <UnlockScreen
          key={screen.folder}
          folder={screen.folder}
          lockedReason={screen.lockedReason}
          onUnlocked={(actor) => unlocked(screen.folder, actor)}
          onSwitchArchive={() => setScreen({ name: 'welcome' })}
        />
      );
    case 'main':
      return (
        <AntdScope>
          <MainLayout key={sessionKey} folder={screen.folder} actor={screen.actor} onLocked={() => locked('user')} />
        </AntdScope>
      );
    default:
      return assertNever(screen);
  }
}
