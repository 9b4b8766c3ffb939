/**
 * Revoking an offline package and exporting the signed revocation list, from the custodian desk
 * and the borrower's loans (issue 15). The core decides who may (the copy's custodian, the
 * borrower) and journals; the list is saved where main's dialog says, to be opened on laptops.
 */
import { SafetyCertificateOutlined } from '@ant-design/icons';
import { App, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import type { LoanView } from '../../../src-main/contract/loans';
import { api, call } from '../../api/client';
import { useLoanLabels } from './labels';
import { ReasonModal } from './ReasonModal';

export function RevokePackageModal({ loan, onClose, onDone }: { loan: LoanView; onClose: () => void; onDone: () => Promise<void> }) {
  const { t } = useTranslation();
  const { time } = useLoanLabels();
  const { message } = App.useApp();
  return (
    <ReasonModal
      title={t('loans.offline.revokeTitle', { card: loan.card })}
      body={t('loans.offline.revokeBody')}
      label={t('loans.offline.revokeReason')}
      okText={t('loans.offline.revoke')}
      danger
      testId="offline-revoke"
      onClose={onClose}
      onSubmit={async (reason) => {
        const r = await call(api().offline.revoke({ card: loan.card, reason: reason ?? '' }));
        onClose();
        void message.success(t('loans.offline.revoked', { at: time(r.revokedAt) }));
        await onDone();
      }}
    />
  );
}

export function RevocationListButton({ onError }: { onError: (cause: unknown) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  return (
    <Button
      icon={<SafetyCertificateOutlined />}
      data-testid="offline-revocations"
      onClick={async () => {
        try {
          const r = await call(api().offline.revocations({}));
          if (r.file) void message.success(t('loans.offline.revocationsSaved', { count: r.count, file: r.file }));
        } catch (cause) {
          onError(cause);
        }
      }}
    >
      {t('loans.offline.revocations')}
    </Button>
  );
}
