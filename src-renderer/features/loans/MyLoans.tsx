/** The borrower's own cards and loans: state, due time, holds queue place; read, renew, return, cancel. */
import { PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { App, Button, Form, InputNumber, Modal, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LoanView } from '../../../src-main/contract/loans';
import { api, call } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorBanner';
import { useSubmit } from '../../components/useSubmit';
import { useSession } from '../session/SessionContext';
import { BorrowCardModal } from './BorrowCardModal';
import { LoanTable } from './LoanTable';
import { OfflineIssueModal } from './OfflineIssueModal';
import { RevocationListButton, RevokePackageModal } from './OfflineRevoke';
import { useLoaded } from './useLoaded';

interface Props {
  onRead: (loan: LoanView) => void;
}

export function MyLoans({ onRead }: Props) {
  const { t } = useTranslation();
  const { actor } = useSession();
  const { modal, message } = App.useApp();
  const { value, error, setError, loading, reload } = useLoaded(() => call(api().loans.list({ overdue: false })));
  const [filing, setFiling] = useState(false);
  const [renewing, setRenewing] = useState<LoanView | null>(null);
  const [packaging, setPackaging] = useState<LoanView | null>(null);
  const [revoking, setRevoking] = useState<LoanView | null>(null);

  const act = (run: () => Promise<unknown>, done: string) => async () => {
    try {
      await run();
      void message.success(done);
      setError(null);
    } catch (cause) {
      setError(cause);
    }
    await reload();
  };

  const actions = (l: LoanView) => (
    <Space wrap>
      {l.state === 'on-loan' && (
        <Button type="primary" size="small" onClick={() => onRead(l)} data-testid={`read-${l.card}`}>
          {t('loans.mine.read')}
        </Button>
      )}
      {l.state === 'on-loan' && l.form === 'offline' && (
        <Button size="small" onClick={() => setPackaging(l)} data-testid={`offline-issue-${l.card}`}>
          {t('loans.offline.issue')}
        </Button>
      )}
      {(l.state === 'on-loan' || l.state === 'overdue') && l.form === 'offline' && (
        <Button size="small" danger onClick={() => setRevoking(l)} data-testid={`offline-revoke-${l.card}`}>
          {t('loans.offline.revoke')}
        </Button>
      )}
      {l.state === 'on-loan' && l.renewal === null && (
        <Button size="small" onClick={() => setRenewing(l)} data-testid={`renew-${l.card}`}>
          {t('loans.mine.renew')}
        </Button>
      )}
      {(l.state === 'on-loan' || l.state === 'overdue') && (
        <Button
          size="small"
          data-testid={`return-${l.card}`}
          onClick={() =>
            modal.confirm({
              title: t('loans.mine.returnTitle', { copy: l.copyNumber }),
              content: t('loans.mine.returnBody'),
              okText: t('loans.mine.return'),
              cancelText: t('common.cancel'),
              okButtonProps: { 'data-testid': 'confirm-ok' } as never,
              onOk: act(() => call(api().loans.return({ card: l.card })), t('loans.mine.returned')),
            })
          }
        >
          {t('loans.mine.return')}
        </Button>
      )}
      {(l.state === 'submitted' || l.state === 'queued') && (
        <Button
          size="small"
          danger
          data-testid={`cancel-${l.card}`}
          onClick={() =>
            modal.confirm({
              title: t('loans.mine.cancelTitle', { card: l.card }),
              okText: t('loans.mine.cancel'),
              cancelText: t('common.cancel'),
              okButtonProps: { danger: true, 'data-testid': 'confirm-ok' } as never,
              onOk: act(() => call(api().cards.cancel({ card: l.card })), t('loans.mine.cancelled')),
            })
          }
        >
          {t('loans.mine.cancel')}
        </Button>
      )}
    </Space>
  );

  return (
    <div data-testid="loans-mine">
      <Space className="loans-toolbar" wrap>
        {/* Rule 1 is main's; the button is only offered where main would accept the card. */}
        {actor.may.fileCards && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setFiling(true)} data-testid="card-new">
            {t('loans.card.new')}
          </Button>
        )}
        <Button icon={<ReloadOutlined />} onClick={() => void reload()} data-testid="mine-refresh">
          {t('loans.refresh')}
        </Button>
        <RevocationListButton onError={setError} />
      </Space>
      <ErrorBanner error={error} onClose={() => setError(null)} />
      <LoanTable testId="mine-table" loans={value ?? []} loading={loading} actions={actions} />
      {filing && (
        <BorrowCardModal
          onClose={() => setFiling(false)}
          onFiled={(loan) => {
            setFiling(false);
            void message.success(t('loans.card.filed', { card: loan.card }));
            void reload();
          }}
        />
      )}
      {renewing && (
        <RenewModal
          loan={renewing}
          onClose={() => setRenewing(null)}
          onDone={() => {
            setRenewing(null);
            void message.success(t('loans.mine.renewAsked'));
            void reload();
          }}
        />
      )}
      {packaging && <OfflineIssueModal loan={packaging} onClose={() => setPackaging(null)} />}
      {revoking && <RevokePackageModal loan={revoking} onClose={() => setRevoking(null)} onDone={reload} />}
    </div>
  );
}

function RenewModal({ loan, onClose, onDone }: { loan: LoanView; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const [days, setDays] = useState<number | null>(loan.periodDays);
  const {
    submit: renew,
    busy,
    error,
    setError,
  } = useSubmit(async (days: number) => {
    await call(api().loans.renew({ card: loan.card, days }));
    onDone();
  });
  const submit = async () => {
    if (days) await renew(days);
  };
  return (
    <Modal
      open
      title={t('loans.mine.renewTitle', { card: loan.card })}
      onCancel={onClose}
      onOk={() => void submit()}
      okText={t('loans.mine.renew')}
      cancelText={t('common.cancel')}
      okButtonProps={{ loading: busy, disabled: !days, 'data-testid': 'renew-ok' } as never}
    >
      <ErrorBanner error={error} onClose={() => setError(null)} />
      <Form layout="vertical">
        <Form.Item label={t('loans.mine.renewDays')}>
          <InputNumber min={1} max={90} precision={0} value={days} onChange={setDays} data-testid="renew-days" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
