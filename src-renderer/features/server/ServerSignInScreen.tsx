/**
 * Sign in to an archive server (issue 14): address, the certificate fingerprint the administrator
 * gave, login and password. Main connects, refuses any certificate but the pinned one (there is no
 * "trust anyway"), signs in and relays every later request; this screen never touches the network.
 * Servers used before are listed with their pinned fingerprint, never a password.
 */
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { RecentServer, ServerLostReason, ServerSignedIn } from '../../../src-main/contract/ipc-server';
import { api, call } from '../../api/client';
import { CenteredPage } from '../../components/CenteredPage';
import { useFocusAfterPaint } from '../../components/useFocusAfterPaint';
import { ErrorBanner } from '../../components/ErrorBanner';
import { Alert, Button, Card, CloseOutlined, Field, LockOutlined, PasswordField, TextInput, Tooltip } from '../../components/light';
import { appLocale, formatDateTime } from '../../i18n/format';
import { useThrottleWait } from '../unlock/useThrottleWait';

interface Props {
  address?: string;
  lost?: ServerLostReason;
  signedOut?: boolean;
  onSignedIn: (signed: ServerSignedIn) => void;
  onBack: () => void;
}

export function ServerSignInScreen({ address: initialAddress, lost, signedOut, onSignedIn, onBack }: Props) {
  const { t, i18n } = useTranslation();
  const [recent, setRecent] = useState<RecentServer[]>([]);
  const [address, setAddress] = useState(initialAddress ?? '');
  const [fingerprint, setFingerprint] = useState('');
  const [login, setLogin] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const { waiting, noteRefusal } = useThrottleWait();
  const firstRef = useFocusAfterPaint<HTMLInputElement>();

  useEffect(() => {
    call(api().server.recent({}))
      .then((servers) => {
        setRecent(servers);
        const known = servers.find((s) => s.address === (initialAddress ?? servers[0]?.address));
        if (known) {
          setAddress(known.address);
          setFingerprint(known.fingerprint);
        }
      })
      .catch(setError);
  }, [initialAddress]);

  const pick = (server: RecentServer) => {
    setAddress(server.address);
    setFingerprint(server.fingerprint);
  };

  const forget = (server: RecentServer) => {
    call(api().server.forget({ address: server.address })).then(setRecent, setError);
  };

  const ready = address.trim() && login.trim() && password && waiting === 0;
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!ready || busy) return;
    setBusy(true);
    setError(null);
    try {
      onSignedIn(await call(api().server.signIn({ address: address.trim(), fingerprint: fingerprint.trim(), login: login.trim(), password })));
    } catch (cause) {
      noteRefusal(cause);
      setError(cause);
      setPassword('');
      setBusy(false);
    }
  };

  const when = (iso: string) => formatDateTime(iso, appLocale(i18n.language));
  return (
    <CenteredPage testId="screen-server" width={560}>
      <Card title={t('server.title')}>
        {lost && !error && <Alert type="info" title={t(`server.lost_${lost}`)} style={{ marginBottom: 16 }} data-testid="server-lost" />}
        {signedOut && !lost && !error && <Alert type="info" title={t('server.lockedReason')} style={{ marginBottom: 16 }} />}
        <ErrorBanner error={error} testId="server-error" />
        <form onSubmit={submit} noValidate>
          <Field label={t('server.address')} htmlFor="server-address" error={null}>
            <TextInput
              id="server-address"
              ref={firstRef}
              value={address}
              onChange={(e) => setAddress(e.target.value)}
              placeholder={t('server.addressPlaceholder')}
              spellCheck={false}
              disabled={busy}
              data-testid="server-address"
            />
          </Field>
          <Field label={t('server.fingerprint')} htmlFor="server-fingerprint" error={null}>
            <TextInput
              id="server-fingerprint"
              value={fingerprint}
              onChange={(e) => setFingerprint(e.target.value)}
              spellCheck={false}
              disabled={busy}
              data-testid="server-fingerprint"
            />
          </Field>
          <div className="lt-paragraph lt-secondary">{t('server.fingerprintHint')}</div>
          <Field label={t('server.login')} htmlFor="server-login" error={null}>
            <TextInput
              id="server-login"
              value={login}
              onChange={(e) => setLogin(e.target.value)}
              autoComplete="username"
              spellCheck={false}
              disabled={busy}
              data-testid="server-login"
            />
          </Field>
          <PasswordField
            id="server-password"
            label={t('server.password')}
            value={password}
            onChange={setPassword}
            autoComplete="current-password"
            disabled={busy}
            testId="server-password"
          />
          <Button variant="primary" htmlType="submit" icon={<LockOutlined />} block loading={busy} disabled={!ready} data-testid="server-submit">
            {waiting > 0 ? t('unlock.wait', { seconds: waiting }) : t('server.submit')}
          </Button>
        </form>
        <h5 className="lt-title" style={{ marginTop: 16 }}>
          {t('server.recentTitle')}
        </h5>
        {recent.length === 0 ? (
          <div className="lt-secondary">{t('server.recentEmpty')}</div>
        ) : (
          <ul className="recent-list">
            {recent.map((server) => (
              <li key={server.address} className="recent-list__item">
                <button type="button" className="recent-list__open" data-testid="recent-server" onClick={() => pick(server)}>
                  <span className="recent-list__text">
                    <span className="recent-list__folder">{server.address}</span>
                    <span className="lt-secondary recent-list__when">{t('server.lastUsed', { when: when(server.lastUsedAt) })}</span>
                  </span>
                </button>
                <Tooltip title={t('server.forget')}>
                  <Button variant="text" icon={<CloseOutlined />} aria-label={t('server.forget')} onClick={() => forget(server)} />
                </Tooltip>
              </li>
            ))}
          </ul>
        )}
        <Button variant="link" onClick={onBack} style={{ paddingLeft: 0, marginTop: 12 }} data-testid="server-back">
          {t('server.back')}
        </Button>
      </Card>
    </CenteredPage>
  );
}
