/**
 * The printed copy's cover sheet, watermarked across the page with the copy number, revision,
 * custodian, date and secrecy level. The watermark is text in the DOM, not a background image,
 * so it reaches paper even when the print dialog leaves backgrounds out.
 */
import { Button, Descriptions, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CopySheet } from '../../../src-main/contract/dossiers';
import type { Locale } from '../../../src-main/contract/messages';
import { printPage } from '../../print/printPage';

interface Props {
  sheet: CopySheet;
  locale: Locale;
  onClose: () => void;
}

export function CopySheetModal({ sheet, locale, onClose }: Props) {
  const { t } = useTranslation();
  const today = new Date().toISOString().slice(0, 10);
  const department = locale === 'en' ? sheet.department.nameEn : sheet.department.nameZh;
  const mark = sheet.secrecyMark[locale];
  const watermark = t('dossiers.copies.watermark', {
    copy: sheet.copyNumber,
    revision: sheet.revision,
    custodian: sheet.custodian?.name ?? '—',
    date: today,
    secrecy: mark,
  });
  return (
    <Modal
      open
      width={720}
      title={t('dossiers.copies.sheet')}
      onCancel={onClose}
      footer={[
        <Button key="close" onClick={onClose}>
          {t('dossiers.copies.close')}
        </Button>,
        <Button key="print" type="primary" onClick={() => void printPage()} data-testid="sheet-print">
          {t('dossiers.copies.print')}
        </Button>,
      ]}
    >
      <div className="copy-sheet print-area" data-testid="copy-sheet">
        <div className="copy-sheet__watermark" aria-hidden data-testid="copy-sheet-watermark">
          {Array.from({ length: 60 }, (_, i) => (
            <span key={i}>{watermark}</span>
          ))}
        </div>
        <div className="copy-sheet__body">
          <Typography.Text className="copy-sheet__mark">{mark}</Typography.Text>
          <Typography.Title level={3} style={{ marginTop: 8 }}>
            {t('dossiers.copies.sheetTitle')}
          </Typography.Title>
          <Descriptions column={1} bordered size="small">
            <Descriptions.Item label={t('dossiers.copies.sheetNumber')}>{sheet.number}</Descriptions.Item>
            <Descriptions.Item label={t('dossiers.copies.sheetCustomer')}>{sheet.customerName}</Descriptions.Item>
            <Descriptions.Item label={t('dossiers.copies.sheetCopy')}>{sheet.copyNumber}</Descriptions.Item>
            <Descriptions.Item label={t('dossiers.copies.sheetRevision')}>{sheet.revision}</Descriptions.Item>
            <Descriptions.Item label={t('dossiers.copies.sheetDepartment')}>{department}</Descriptions.Item>
            <Descriptions.Item label={t('dossiers.copies.sheetCustodian')}>{sheet.custodian?.name ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('dossiers.copies.sheetIssued')}>{sheet.issuedAt.slice(0, 10)}</Descriptions.Item>
            <Descriptions.Item label={t('dossiers.copies.sheetPrinted')}>{today}</Descriptions.Item>
            <Descriptions.Item label={t('dossiers.copies.sheetSecrecy')}>{mark}</Descriptions.Item>
          </Descriptions>
          <Typography.Paragraph type="secondary" style={{ marginTop: 16 }}>
            {t('dossiers.copies.sheetNotice')}
          </Typography.Paragraph>
        </div>
      </div>
    </Modal>
  );
}
