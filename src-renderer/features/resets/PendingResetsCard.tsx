/**
 * Password resets waiting for the signed-in person's approval (department managers, the general
 * manager, auditors). Approving shows the one-time code once; main never shows it again.
 */
import { App, Button, Card, List, Modal, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApprovedResetView, PendingResetView } from '../../../src-main/contract/people';
import { api, call } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorBanner';
import { appLocale, formatDateTime } from '../../i18n/format';

export function PendingResetsCard() {
  const { t, i18n } = useTranslation();
  const { modal } = App.useApp();
  const [rows, setRows] = useState<PendingResetView[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [code, setCode] = useState<ApprovedResetView | null>(null);

  const load = useCallback(async () => {
    try {
      setRows(await call(api().people.resetPending()));
    } catch (cause) {
      setError(cause);
    }
  }, []);
  useEffect(() => void load(), [load]);

  const approve = (row: PendingResetView) =>
    modal.confirm({
      title: t('resets.approveTitle', { name: row.name }),
      content: t('resets.approveBody', { name: row.name }),
      okText: t('resets.approve'),
      okButtonProps: { 'data-testid': 'confirm-ok' },
      cancelText: t('common.cancel'),
      onOk: async () => {
        try {
          setCode(await call(api().people.resetApprove({ login: row.login })));
          setError(null);
        } catch (cause) {
          setError(cause);
        }
        await load();
      },
    });

  // Nothing to approve: the card stays out of the way.
  if (!error && (!rows || rows.length === 0) && !code) return null;
  return (
    <Card title={t('resets.pendingTitle')} size="small" data-testid="pending-resets">
      <ErrorBanner error={error} onClose={() => setError(null)} />
      <List
        dataSource={rows ?? []}
        locale={{ emptyText: t('resets.pendingEmpty') }}
        renderItem={(row) => (
          <List.Item
            key={row.id}
            actions={[
              <Button key="approve" size="small" onClick={() => approve(row)} data-testid={`reset-approve-${row.login}`}>
                {t('resets.approve')}
              </Button>,
            ]}
          >
            <List.Item.Meta title={`${row.name} (${row.login})`} description={t('resets.requestedBy', { name: row.requestedBy, at: row.requestedAt })} />
          </List.Item>
        )}
      />
      {code && (
        <Modal
          open
          title={t('resets.codeTitle', { name: code.name })}
          onOk={() => setCode(null)}
          onCancel={() => setCode(null)}
          cancelButtonProps={{ style: { display: 'none' } }}
          okButtonProps={{ 'data-testid': 'reset-code-close' }}
          okText={t('resets.close')}
        >
          <Typography.Paragraph>{t('resets.codeBody', { name: code.name })}</Typography.Paragraph>
          <Typography.Title level={4} copyable={false} data-testid="reset-code">
            <code>{code.code}</code>
          </Typography.Title>
          <Typography.Paragraph type="warning" data-testid="reset-code-expires">
            {t('resets.codeExpires', { at: formatDateTime(code.expiresAt, appLocale(i18n.language)) })}
          </Typography.Paragraph>
        </Modal>
      )}
    </Card>
  );
}
