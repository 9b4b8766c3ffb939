/** The custodian's desk: loans of the department's copies, the overdue list, recall, receive a return, record a lost copy. */
import { ReloadOutlined } from '@ant-design/icons';
import { App, Button, Space, Switch, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LoanView } from '../../../src-main/contract/loans';
import { api, call } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorBanner';
import { useSession } from '../session/SessionContext';
import { LoanTable } from './LoanTable';
import { ReasonModal } from './ReasonModal';
import { RevocationListButton, RevokePackageModal } from './OfflineRevoke';
import { useLoaded } from './useLoaded';

export function CustodianDesk() {
  const { t } = useTranslation();
  const { actor } = useSession();
  const { modal, message } = App.useApp();
  const [overdue, setOverdue] = useState(false);
  const { value, error, setError, loading, reload } = useLoaded(
    () => call(api().loans.list({ department: actor.department, overdue })),
    [overdue, actor.department],
  );
  const [recalling, setRecalling] = useState<LoanView | null>(null);
  const [losing, setLosing] = useState<LoanView | null>(null);
  const [revoking, setRevoking] = useState<LoanView | null>(null);
  const live = (value ?? []).filter((l) => overdue || l.state === 'on-loan' || l.state === 'overdue' || l.state === 'queued');

  const actions = (l: LoanView) =>
    l.state === 'on-loan' || l.state === 'overdue' ? (
      <Space wrap>
        <Button size="small" danger onClick={() => setRecalling(l)} data-testid={`recall-${l.card}`}>
          {t('loans.desk.recall')}
        </Button>
        <Button
          size="small"
          data-testid={`receive-${l.card}`}
          onClick={() =>
            modal.confirm({
              title: t('loans.desk.receiveTitle', { copy: l.copyNumber }),
              okText: t('loans.desk.receive'),
              cancelText: t('common.cancel'),
              okButtonProps: { 'data-testid': 'confirm-ok' } as never,
              onOk: async () => {
                try {
                  await call(api().loans.return({ card: l.card }));
                  void message.success(t('loans.desk.received'));
                  setError(null);
                } catch (cause) {
                  setError(cause);
                }
                await reload();
              },
            })
          }
        >
          {t('loans.desk.receive')}
        </Button>
        {l.form === 'offline' && (
          <Button
            size="small"
            data-testid={`offline-return-${l.card}`}
            onClick={async () => {
              try {
                const r = await call(api().offline.return({ card: l.card }));
                if (r) {
                  if (r.problem) void message.warning(t('loans.offline.broken', { line: r.problem.line }));
                  else void message.success(t('loans.offline.returned', { imported: r.imported, log: r.log }));
                  // Flagged for the custodian: late, or reads made on a copy after the return.
                  if (r.flags.includes('late')) void message.warning(t('loans.offline.flagLate'));
                  if (r.flags.includes('afterReturn')) void message.warning(t('loans.offline.flagAfterReturn'));
                  if (!r.keyDestroyed) void message.warning(t('loans.offline.keyKept'));
                }
                setError(null);
              } catch (cause) {
                setError(cause);
              }
              await reload();
            }}
          >
            {t('loans.offline.returnPackage')}
          </Button>
        )}
        {l.form === 'offline' && (
          <Button size="small" danger onClick={() => setRevoking(l)} data-testid={`offline-revoke-${l.card}`}>
            {t('loans.offline.revoke')}
          </Button>
        )}
        <Button size="small" onClick={() => setLosing(l)} data-testid={`lost-${l.card}`}>
          {t('loans.desk.lost')}
        </Button>
      </Space>
    ) : null;

  return (
    <div data-testid="loans-desk">
      <Space className="loans-toolbar" wrap>
        <Typography.Text type="secondary">{t('loans.desk.intro')}</Typography.Text>
        <Space>
          <Switch checked={overdue} onChange={setOverdue} data-testid="desk-overdue" />
          <span>{t('loans.desk.overdueOnly')}</span>
        </Space>
        <Button icon={<ReloadOutlined />} onClick={() => void reload()}>
          {t('loans.refresh')}
        </Button>
        <RevocationListButton onError={setError} />
      </Space>
      <ErrorBanner error={error} onClose={() => setError(null)} />
      <LoanTable testId="desk-table" loans={live} loading={loading} showBorrower actions={actions} />
      {recalling && (
        <ReasonModal
          title={t('loans.desk.recallTitle', { card: recalling.card })}
          body={t('loans.desk.recallBody')}
          label={t('loans.desk.recallReason')}
          optional
          okText={t('loans.desk.recall')}
          danger
          testId="recall"
          onClose={() => setRecalling(null)}
          onSubmit={async (reason) => {
            await call(api().loans.recall({ card: recalling.card, ...(reason ? { reason } : {}) }));
            setRecalling(null);
            void message.success(t('loans.desk.recalled'));
            await reload();
          }}
        />
      )}
      {losing && (
        <ReasonModal
          title={t('loans.desk.lostTitle', { copy: losing.copyNumber })}
          body={t('loans.desk.lostBody')}
          label={t('loans.desk.lostReason')}
          okText={t('loans.desk.lost')}
          danger
          testId="lost"
          onClose={() => setLosing(null)}
          onSubmit={async (description) => {
            const result = await call(api().loans.lost({ card: losing.card, description: description ?? '' }));
            setLosing(null);
            void message.success(t('loans.desk.lostDone', { incident: result.incident }));
            await reload();
          }}
        />
      )}
      {revoking && <RevokePackageModal loan={revoking} onClose={() => setRevoking(null)} onDone={reload} />}
    </div>
  );
}
