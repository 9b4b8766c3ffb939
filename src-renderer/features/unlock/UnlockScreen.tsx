/**
 * Unlock the chosen archive with login and password. After repeated failures main throttles the login;
 * we count down live from the seconds it gives and keep the button disabled until then.
 * One of the two first screens: built from the light kit, so it paints without antd.
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api, call } from '../../api/client';
import type { UnlockedView } from '../../../src-main/contract/ipc';
import type { ActorView, ResetNotice } from '../../../src-main/contract/people';
import { CenteredPage } from '../../components/CenteredPage';
import { useFocusAfterPaint } from '../../components/useFocusAfterPaint';
import { useHydrated } from '../../components/useHydrated';
import { ErrorBanner } from '../../components/ErrorBanner';
import { Alert, Button, Card, Field, LockOutlined, PasswordField, TextInput } from '../../components/light';
import type { LockReason } from '../router/screens';
import { useThrottleWait } from './useThrottleWait';

interface Props {
  folder: string;
  lockedReason?: LockReason;
  onUnlocked: (actor: ActorView) => void;
  onSwitchArchive: () => void;
}

interface Values {
  login: string;
  password: string;
}

/** Which fields are missing (both are required; a login of spaces only counts as empty). */
type Missing = Partial<Record<keyof Values, boolean>>;

function missing(values: Values): Missing {
  return { login: !values.login.trim(), password: !values.password };
}

/** An ISO instant as this workstation's local date and time, in the screen's language. */
function localTime(iso: string, language: string): string {
  const at = new Date(iso);
  return Number.isNaN(at.getTime()) ? iso : at.toLocaleString(language === 'en' ? 'en-GB' : 'zh-CN');
}

export function UnlockScreen({ folder, lockedReason, onUnlocked, onSwitchArchive }: Props) {
  const { t, i18n } = useTranslation();
  const [values, setValues] = useState<Values>({ login: '', password: '' });
  // A one-time reset code was accepted: the owner sets a new password (issue 11, point 5).
  const [resetStep, setResetStep] = useState<{ code: string } | null>(null);
  const [done, setDone] = useState<{ actor: ActorView; notice: ResetNotice } | null>(null);
  const [problems, setProblems] = useState<Missing>({});
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const { waiting, noteRefusal } = useThrottleWait();
  const loginRef = useFocusAfterPaint<HTMLInputElement>();
  // The window may show this screen from HTML before React runs (src-main/app/first-screen-html.ts).
  const hydrated = useHydrated();

  // As antd's Form: a field is checked again as it changes.
  const change = (name: keyof Values, value: string) => {
    const next = { ...values, [name]: value };
    setValues(next);
    setProblems((current) => ({ ...current, [name]: missing(next)[name] }));
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy || waiting > 0) return;
    const found = missing(values);
    setProblems(found);
    if (found.login || found.password) return;
    setBusy(true);
    setError(null);
    try {
      const actor = await call(api().session.unlock({ folder, login: values.login.trim(), password: values.password }));
      const { passwordReset: _none, ...view } = actor;
      onUnlocked(view);
    } catch (cause) {
      if (cause instanceof ApiError && cause.code === 'vault.newPasswordRequired') {
        setResetStep({ code: values.password });
        setBusy(false);
        return;
      }
      noteRefusal(cause);
      setError(cause);
      setValues((current) => ({ ...current, password: '' }));
      setBusy(false);
    }
  };

  // While throttled, the banner says how long is left now, not how long was left when main answered.
  const shown =
    error instanceof ApiError && error.code === 'vault.throttled'
      ? waiting > 0
        ? new ApiError(error.code, { ...error.params, seconds: waiting }, undefined)
        : null
      : error;

  const problem = (name: keyof Values) => (problems[name] ? t('common.required') : null);

  if (done) {
    const { actor, notice } = done;
    return (
      <CenteredPage testId="screen-unlock" width={520}>
        <Card title={t('unlock.resetTitle')}>
          <Alert
            type="info"
            title={t('unlock.resetNotice', {
              ...notice,
              requestedAt: localTime(notice.requestedAt, i18n.language),
              approvedAt: localTime(notice.approvedAt, i18n.language),
            })}
            style={{ marginBottom: 16 }}
            data-testid="unlock-reset-notice"
          />
          <Button variant="primary" block onClick={() => onUnlocked(actor)} data-testid="unlock-reset-continue">
            {t('unlock.continue')}
          </Button>
        </Card>
      </CenteredPage>
    );
  }
  if (resetStep) {
    return (
      <CenteredPage testId="screen-unlock" width={520}>
        <Card title={t('unlock.resetTitle')}>
          <NewPasswordForm
            folder={folder}
            login={values.login.trim()}
            code={resetStep.code}
            onDone={(actor) => {
              const { passwordReset, ...view } = actor;
              if (passwordReset) setDone({ actor: view, notice: passwordReset });
              else onUnlocked(view);
            }}
          />
        </Card>
      </CenteredPage>
    );
  }

  return (
    <CenteredPage testId="screen-unlock" width={520}>
      <Card title={t('unlock.title')}>
        {lockedReason && !error && <Alert type="info" title={t(`unlock.lockedReason_${lockedReason}`)} style={{ marginBottom: 16 }} />}
        <div className="lt-paragraph">
          <span className="lt-secondary">{t('unlock.folder')}: </span>
          <span className="folder-path" data-testid="unlock-folder">
            <code className="lt-code">{folder}</code>
          </span>
        </div>
        <ErrorBanner error={shown} testId="unlock-error" />
        <form onSubmit={submit} noValidate>
          <Field label={t('unlock.login')} htmlFor="login" error={problem('login')}>
            <TextInput
              id="login"
              value={values.login}
              onChange={(event) => change('login', event.target.value)}
              ref={loginRef}
              autoComplete="username"
              spellCheck={false}
              readOnly={!hydrated}
              aria-required
              invalid={!!problems.login}
              disabled={busy}
              data-testid="unlock-login"
            />
          </Field>
          <PasswordField
            id="password"
            label={t('unlock.password')}
            value={values.password}
            onChange={(password) => change('password', password)}
            autoComplete="current-password"
            readOnly={!hydrated}
            required
            error={problem('password')}
            disabled={busy}
            testId="unlock-password"
          />
          <Button variant="primary" htmlType="submit" icon={<LockOutlined />} block loading={busy} disabled={waiting > 0} data-testid="unlock-submit">
            {waiting > 0 ? <span data-testid="unlock-wait">{t('unlock.wait', { seconds: waiting })}</span> : t('unlock.submit')}
          </Button>
        </form>
        <Button variant="link" onClick={onSwitchArchive} style={{ paddingLeft: 0, marginTop: 12 }} data-testid="unlock-switch">
          {t('unlock.switchArchive')}
        </Button>
      </Card>
    </CenteredPage>
  );
}

/** The step after a one-time code: the owner's own new password, twice. */
function NewPasswordForm({ folder, login, code, onDone }: { folder: string; login: string; code: string; onDone: (actor: UnlockedView) => void }) {
  const { t } = useTranslation();
  const [first, setFirst] = useState('');
  const [again, setAgain] = useState('');
  const [mismatch, setMismatch] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    if (!first || first !== again) {
      setMismatch(true);
      return;
    }
    setMismatch(false);
    setBusy(true);
    setError(null);
    try {
      onDone(await call(api().session.unlock({ folder, login, password: code, newPassword: first })));
    } catch (cause) {
      setError(cause);
      setBusy(false);
    }
  };
  return (
    <>
      <div className="lt-paragraph">{t('unlock.resetBody')}</div>
      <ErrorBanner error={error} testId="unlock-reset-error" />
      <form onSubmit={submit} noValidate>
        <PasswordField
          id="new-password"
          label={t('unlock.newPassword')}
          value={first}
          onChange={setFirst}
          autoComplete="new-password"
          disabled={busy}
          testId="unlock-new-password"
        />
        <PasswordField
          id="new-password-confirm"
          label={t('unlock.newPasswordConfirm')}
          value={again}
          onChange={setAgain}
          autoComplete="new-password"
          error={mismatch ? t('unlock.newPasswordMismatch') : null}
          disabled={busy}
          testId="unlock-new-password-confirm"
        />
        <Button variant="primary" htmlType="submit" icon={<LockOutlined />} block loading={busy} data-testid="unlock-reset-submit">
          {t('unlock.resetSubmit')}
        </Button>
      </form>
    </>
  );
}
