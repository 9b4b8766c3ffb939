/**
 * The reading view: the only way a borrower sees a dossier. Read-only sections under a watermark;
 * printing is journaled by main before the print dialog opens; copying out is blocked unless the
 * archive allows it, and then journaled. Access ends at the loan's due time even with the view
 * open: a timer closes it for the person, and main checks every fetch at that moment (rule 4), so a
 * refused fetch closes it too. A recall is noticed by polling the person's own cards.
 */
import { CloseOutlined, PrinterOutlined } from '@ant-design/icons';
import { Button, Space, Spin, Tabs, Tag, Typography } from 'antd';
import { useCallback, useEffect, useRef, useState, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { SECTION_LABELS } from '../../../src-main/contract/dossier-labels';
import { SECRECY_LABELS, SECTIONS, type Section } from '../../../src-main/contract/dossiers';
import type { LoanReading, LoanView } from '../../../src-main/contract/loans';
import { ApiError, api, call } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorBanner';
import { useLoanLabels } from './labels';
import { SectionContent } from './SectionContent';
import { Watermark } from './Watermark';
import { printPage } from '../../print/printPage';

/** Why the view closed; the page shows the matching sentence. */
export type ReadingEnd = 'closed' | 'due' | 'recalled' | 'ended';

interface Props {
  loan: LoanView;
  onClose: (why: ReadingEnd) => void;
  /** How often the person's own cards are asked for, to notice a recall. */
  pollMs?: number;
}

// setTimeout holds at most 2^31-1 ms; a longer wait is re-armed when it fires.
const MAX_TIMER = 2_147_483_647;

export function ReadingView({ loan, onClose, pollMs = 5000 }: Props) {
  const { t } = useTranslation();
  const { time, english } = useLoanLabels();
  const [section, setSection] = useState<Section>('basic');
  const [reading, setReading] = useState<LoanReading | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [allowCopyOut, setAllowCopyOut] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const closed = useRef(false);

  const end = useCallback(
    (why: ReadingEnd) => {
      if (closed.current) return;
      closed.current = true;
      setReading(null);
      onClose(why);
    },
    [onClose],
  );

  // Every section shown is its own fetch: main checks the loan at that moment and journals the view.
  useEffect(() => {
    let live = true;
    call(api().loans.read({ card: loan.card, sections: [section] }))
      .then((r) => live && (setReading(r), setError(null)))
      .catch((cause: unknown) => {
        if (!live) return;
        if (cause instanceof ApiError && (cause.code === 'denied.noContentAccess' || cause.code === 'loan.notActive')) end('ended');
        else setError(cause);
      });
    return () => {
      live = false;
    };
  }, [loan.card, section, end]);

  useEffect(() => {
    call(api().settings.get())
      .then((s) => setAllowCopyOut(s.allowCopyOut))
      .catch(() => setAllowCopyOut(false));
  }, []);

  // The due time closes the view in front of the person (main refuses any fetch after it anyway).
  const dueAt = reading?.dueAt ?? loan.dueAt;
  useEffect(() => {
    if (!dueAt) return;
    let timer: ReturnType<typeof setTimeout>;
    const arm = () => {
      const left = new Date(dueAt).getTime() - Date.now();
      if (left <= 0) end('due');
      else timer = setTimeout(arm, Math.min(left, MAX_TIMER));
    };
    arm();
    return () => clearTimeout(timer);
  }, [dueAt, end]);

  // A recall (or a return elsewhere) ends the loan now: notice it on the next look at my cards.
  useEffect(() => {
    const timer = setInterval(async () => {
      try {
        const mine = await call(api().loans.list({ overdue: false }));
        const now = mine.find((l) => l.card === loan.card);
        if (!now || now.state === 'recalled') end('recalled');
        else if (now.state === 'overdue') end('due');
        else if (now.state !== 'on-loan') end('ended');
      } catch {
        // A failed poll proves nothing; the next fetch of content is checked by main regardless.
      }
    }, pollMs);
    return () => clearInterval(timer);
  }, [loan.card, pollMs, end]);

  const print = useCallback(async () => {
    try {
      // Journaled first: no print leaves the view unrecorded.
      await call(api().loans.print({ card: loan.card, sections: [section] }));
      await printPage();
    } catch (cause) {
      if (cause instanceof ApiError && cause.code === 'denied.noContentAccess') end('ended');
      else setError(cause);
    }
  }, [loan.card, section, end]);

  // Ctrl/Cmd+P goes through the journaled print too.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'p') {
        e.preventDefault();
        void print();
      }
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [print]);

  const onCopy = (e: React.ClipboardEvent) => {
    const characters = window.getSelection()?.toString().length ?? 0;
    if (!allowCopyOut || characters === 0) {
      e.preventDefault();
      setNotice(t('loans.reading.copyBlocked'));
      return;
    }
    // Allowed by the archive: the copy goes ahead and main records it.
    void call(api().loans.copyOut({ card: loan.card, section, characters: Math.min(characters, 1_000_000) }))
      .then(() => setNotice(t('loans.reading.copyJournaled')))
      .catch((cause: unknown) => setError(cause));
  };
  const block = (e: SyntheticEvent) => {
    if (!allowCopyOut) e.preventDefault();
  };

  return (
    <div className="loans-reading" data-testid="reading-view" role="dialog" aria-modal="true">
      <div className="loans-reading__bar no-print">
        <Space wrap>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {t('loans.reading.title', { number: loan.number, customer: loan.customerName })}
          </Typography.Title>
          <Tag color="red">★ {SECRECY_LABELS[loan.secrecy][english ? 'en' : 'zh-CN']}</Tag>
          <Typography.Text type="secondary" data-testid="reading-due">
            {t('loans.reading.dueAt', { at: time(dueAt) })}
          </Typography.Text>
        </Space>
        <Space>
          <Button icon={<PrinterOutlined />} onClick={() => void print()} data-testid="reading-print">
            {t('loans.reading.print')}
          </Button>
          <Button icon={<CloseOutlined />} onClick={() => end('closed')} data-testid="reading-close">
            {t('loans.reading.close')}
          </Button>
        </Space>
      </div>
      <ErrorBanner error={error} onClose={() => setError(null)} />
      {notice && (
        <Typography.Paragraph type="warning" className="no-print" data-testid="reading-notice">
          {notice}
        </Typography.Paragraph>
      )}
      <Tabs
        className="no-print"
        activeKey={section}
        onChange={(key) => setSection(key as Section)}
        items={SECTIONS.map((s) => ({ key: s, label: <span data-testid={`reading-tab-${s}`}>{SECTION_LABELS[s][english ? 'en' : 'zh-CN']}</span> }))}
      />
      <div
        className={`loans-reading__content loans-print ${allowCopyOut ? '' : 'loans-no-select'}`}
        data-testid="reading-content"
        onCopy={onCopy}
        onCut={onCopy}
        onContextMenu={block}
        onDragStart={block}
        // selectstart is not a React event: blocked through the native handler below.
        ref={(el) => {
          if (el) el.onselectstart = (e) => (allowCopyOut ? true : (e.preventDefault(), false));
        }}
      >
        <div className="loans-print-heading print-only">
          <Typography.Title level={4}>
            {loan.number} {loan.customerName} ★{SECRECY_LABELS[loan.secrecy][english ? 'en' : 'zh-CN']} — {SECTION_LABELS[section][english ? 'en' : 'zh-CN']}
          </Typography.Title>
        </div>
        {reading ? (
          <SectionContent section={section} content={reading.dossier.content} />
        ) : (
          <Spin tip={t('loans.reading.loading')}>
            <div style={{ height: 120 }} />
          </Spin>
        )}
        {reading && <Watermark data={reading.watermark} />}
      </div>
    </div>
  );
}
