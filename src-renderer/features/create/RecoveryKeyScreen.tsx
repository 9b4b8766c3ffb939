/**
 * The recovery key, shown exactly once (it opens its own key slot). The person must say they saved it
 * before going on. Printing uses a print stylesheet that leaves only the key and the archive folder.
 */
import { CopyOutlined, PrinterOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Checkbox, Descriptions, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CreatedArchive } from '../../../src-main/contract/ipc';
import { CenteredPage } from '../../components/CenteredPage';
import { printPage } from '../../print/printPage';

interface Props {
  folder: string;
  created: CreatedArchive;
  onContinue: () => void;
}

export function RecoveryKeyScreen({ folder, created, onContinue }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [saved, setSaved] = useState(false);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(created.recoveryKey);
      void message.success(t('recovery.copied'));
    } catch {
      void message.error(t('recovery.copyFailed'));
    }
  };

  return (
    <CenteredPage testId="screen-recovery-key" width={760}>
      <Card title={t('recovery.title')}>
        <Alert
          className="no-print"
          type="warning"
          showIcon
          title={t('recovery.warningTitle')}
          description={t('recovery.warning')}
          style={{ marginBottom: 24 }}
        />
        <section className="print-area">
          <h1 className="print-only">{t('recovery.printHeading')}</h1>
          <Typography.Text type="secondary">{t('recovery.keyLabel')}</Typography.Text>
          <div className="recovery-key" data-testid="recovery-key">
            {created.recoveryKey}
          </div>
          <p className="recovery-folder">
            <Typography.Text type="secondary">{t('recovery.folderLabel')}: </Typography.Text>
            <Typography.Text code>{folder}</Typography.Text>
          </p>
        </section>
        <Descriptions className="no-print" column={1} size="small" style={{ margin: '16px 0' }}>
          <Descriptions.Item label={t('recovery.fingerprintLabel')}>
            <Space orientation="vertical" size={0}>
              <Typography.Text code copyable data-testid="key-fingerprint">
                {created.keyFingerprint}
              </Typography.Text>
              <Typography.Text type="secondary">{t('recovery.fingerprintHint')}</Typography.Text>
            </Space>
          </Descriptions.Item>
        </Descriptions>
        <Space className="no-print" wrap style={{ marginBottom: 24 }}>
          <Button icon={<PrinterOutlined />} onClick={() => void printPage()}>
            {t('recovery.print')}
          </Button>
          <Button icon={<CopyOutlined />} onClick={copy}>
            {t('recovery.copy')}
          </Button>
        </Space>
        <div className="no-print recovery-confirm">
          <Checkbox checked={saved} onChange={(event) => setSaved(event.target.checked)} data-testid="recovery-saved">
            {t('recovery.saved')}
          </Checkbox>
          <Button type="primary" disabled={!saved} onClick={onContinue} data-testid="recovery-continue">
            {t('common.continue')}
          </Button>
        </div>
      </Card>
    </CenteredPage>
  );
}
