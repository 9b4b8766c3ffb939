/**
 * "Save as PDF" beside a printable screen's Print button: main renders the page on A4 with the
 * print rules (Electron's printToPDF) and writes the file where its save dialog says, once the core
 * has allowed the export the printout stands for.
 */
import { FilePdfOutlined } from '@ant-design/icons';
import { App, Button } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Request } from '../../src-main/contract/ipc';
import { api, call } from '../api/client';
import { useErrorText } from '../i18n/errors';
import { preparePrintout } from './printPage';

export function SavePdfButton({ request, disabled, testId }: { request: Request<'print:pdf'>; disabled?: boolean; testId: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [busy, setBusy] = useState(false);
  const save = async () => {
    setBusy(true);
    try {
      await preparePrintout();
      const result = await call(api().print.pdf(request));
      if (result.file) void message.success(t('print.savedPdf', { file: result.file }));
    } catch (cause) {
      void message.error(errorText(cause));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button icon={<FilePdfOutlined />} loading={busy} disabled={disabled} onClick={() => void save()} data-testid={testId}>
      {t('print.savePdf')}
    </Button>
  );
}
