/**
 * The look both reading views share, an online loan's and an offline package's: the bar with the
 * title, secrecy, due time, print and close; the section tabs; the content under its watermark,
 * with copying, cutting, the context menu, dragging and selecting blocked unless copying out is
 * allowed; a print-only heading. What is fetched, journaled or logged stays with each view.
 */
import { CloseOutlined, PrinterOutlined } from '@ant-design/icons';
import { Button, Space, Spin, Tabs, Tag, Typography } from 'antd';
import type { ClipboardEvent, ReactNode, SyntheticEvent } from 'react';
import { SECTION_LABELS } from '../../../src-main/contract/dossier-labels';
import { SECRECY_LABELS, type DossierContent, type SecrecyLevel, type Section } from '../../../src-main/contract/dossiers';
import type { Watermark as WatermarkData } from '../../../src-main/contract/loans';
import { ErrorBanner } from '../../components/ErrorBanner';
import { SectionContent } from './SectionContent';
import { Watermark } from './Watermark';

/** One section as shown: its content and the watermark main computed for this view. */
export interface ShownSection {
  section: Section;
  content: DossierContent;
  watermark: WatermarkData;
}

interface Props {
  lang: 'en' | 'zh-CN';
  number: string;
  customer: string;
  secrecy: SecrecyLevel;
  title: ReactNode;
  due: ReactNode;
  /** Buttons before print and close. */
  actions?: ReactNode;
  printText: ReactNode;
  closeText: ReactNode;
  loadingText: ReactNode;
  onPrint: () => void;
  onClose: () => void;
  error: unknown;
  onErrorClose: () => void;
  notice: string | null;
  sections: readonly Section[];
  section: Section;
  onSection: (section: Section) => void;
  shown: ShownSection | null;
  allowCopyOut: boolean;
  /** Copy and cut; called even when copying out is not allowed, so the view can say so. */
  onCopy: (e: ClipboardEvent) => void;
}

export function ReadingFrame(p: Props) {
  const block = (e: SyntheticEvent) => {
    if (!p.allowCopyOut) e.preventDefault();
  };
  const secrecy = SECRECY_LABELS[p.secrecy][p.lang];
  return (
    <div className="loans-reading" data-testid="reading-view" role="dialog" aria-modal="true">
      <div className="loans-reading__bar no-print">
        <Space wrap>
          <Typography.Title level={4} style={{ margin: 0 }} data-testid="reading-title">
            {p.title}
          </Typography.Title>
          <Tag color="red">★ {secrecy}</Tag>
          <Typography.Text type="secondary" data-testid="reading-due">
            {p.due}
          </Typography.Text>
        </Space>
        <Space>
          {p.actions}
          <Button icon={<PrinterOutlined />} onClick={p.onPrint} data-testid="reading-print">
            {p.printText}
          </Button>
          <Button icon={<CloseOutlined />} onClick={p.onClose} data-testid="reading-close">
            {p.closeText}
          </Button>
        </Space>
      </div>
      <ErrorBanner error={p.error} onClose={p.onErrorClose} />
      {p.notice && (
        <Typography.Paragraph type="warning" className="no-print" data-testid="reading-notice">
          {p.notice}
        </Typography.Paragraph>
      )}
      <Tabs
        className="no-print"
        activeKey={p.section}
        onChange={(key) => p.onSection(key as Section)}
        items={p.sections.map((s) => ({ key: s, label: <span data-testid={`reading-tab-${s}`}>{SECTION_LABELS[s][p.lang]}</span> }))}
      />
      <div
        className={`loans-reading__content loans-print ${p.allowCopyOut ? '' : 'loans-no-select'}`}
        data-testid="reading-content"
        onCopy={p.onCopy}
        onCut={p.onCopy}
        onContextMenu={block}
        onDragStart={block}
        // selectstart is not a React event: blocked through the native handler.
        ref={(el) => {
          if (el) el.onselectstart = (e) => (p.allowCopyOut ? true : (e.preventDefault(), false));
        }}
      >
        <div className="loans-print-heading print-only">
          <Typography.Title level={4}>
            {p.number} {p.customer} ★{secrecy} — {SECTION_LABELS[p.section][p.lang]}
          </Typography.Title>
        </div>
        {p.shown ? (
          <SectionContent section={p.shown.section} content={p.shown.content} />
        ) : (
          <Spin tip={p.loadingText}>
            <div style={{ height: 120 }} />
          </Spin>
        )}
        {p.shown && <Watermark data={p.shown.watermark} />}
      </div>
    </div>
  );
}
