/**
 * The offline reading view: the same look as an online loan's (section tabs, the watermark with
 * reader, card number, copy number and time, printing through a logged request, no copying),
 * fed by main's offline reader instead of the archive. Every tab shown and every print is a
 * request main checks (due time, clock, revocations) and writes into the package's reading log
 * before it decrypts; copying out is never allowed offline. The view closes at the due time even
 * when left open: a timer here, and main's own check of its clock.
 */
import { CloseOutlined, CloudSyncOutlined, PrinterOutlined } from '@ant-design/icons';
import { Button, Space, Spin, Tabs, Tag, Typography } from 'antd';
import { useCallback, useEffect, useRef, useState, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { SECTION_LABELS } from '../../../src-main/contract/dossier-labels';
import { SECRECY_LABELS, type Section } from '../../../src-main/contract/dossiers';
import type { OpenedPackageView, ReaderEnd, ReaderSection } from '../../../src-main/contract/ipc-reader';
import { ApiError, api, call } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorBanner';
import { useLoanLabels } from '../loans/labels';
import { SectionContent } from '../loans/SectionContent';
import { Watermark } from '../loans/Watermark';

interface Props {
  opened: OpenedPackageView;
  onClose: (why: ReaderEnd) => void;
  /** Fetch the revocation list from the archive server while reading (main closes this package if named). */
  onFetchRevocations?: () => void;
}

// setTimeout holds at most 2^31-1 ms; a longer wait is re-armed when it fires.
const MAX_TIMER = 2_147_483_647;
const ENDS: Partial<Record<string, ReaderEnd>> = {
  'offline.expired': 'due',
  'offline.revoked': 'revoked',
  'offline.destroyed': 'revoked',
  'offline.notOpen': 'user',
  'offline.clockBehind': 'due',
};

export function OfflineReadingView({ opened, onClose, onFetchRevocations }: Props) {
  const { t, i18n } = useTranslation();
  const { time } = useLoanLabels();
  const lang = i18n.language === 'en' ? 'en' : 'zh-CN';
  const [section, setSection] = useState<Section>(opened.sections[0]!);
  const [shown, setShown] = useState<ReaderSection | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const closed = useRef(false);

  const end = useCallback(
    (why: ReaderEnd) => {
      if (closed.current) return;
      closed.current = true;
      setShown(null);
      onClose(why);
    },
    [onClose],
  );
  const failed = useCallback(
    (cause: unknown) => {
      const why = cause instanceof ApiError ? ENDS[cause.code] : undefined;
      if (why) end(why);
      else setError(cause);
    },
    [end],
  );

  // Every tab shown is its own request: main checks and logs it before decrypting.
  useEffect(() => {
    let live = true;
    setShown(null);
    call(api().reader.show({ section }))
      .then((r) => live && (setShown(r), setError(null)))
      .catch((cause: unknown) => live && failed(cause));
    return () => {
      live = false;
    };
  }, [section, failed]);

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout>;
    const arm = () => {
      const left = new Date(opened.dueAt).getTime() - Date.now();
      if (left <= 0) end('due');
      else timer = setTimeout(arm, Math.min(left, MAX_TIMER));
    };
    arm();
    return () => clearTimeout(timer);
  }, [opened.dueAt, end]);

  const print = useCallback(async () => {
    try {
      // Logged first: no print leaves the package unrecorded.
      const r = await call(api().reader.print({ section }));
      setShown(r);
      window.print();
    } catch (cause) {
      failed(cause);
    }
  }, [section, failed]);

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

  // Offline there is no archive to record a copy in: copying is always blocked.
  const onCopy = (e: React.ClipboardEvent) => {
    e.preventDefault();
    setNotice(t('reader.copyBlocked'));
  };
  const block = (e: SyntheticEvent) => e.preventDefault();

  return (
    <div className="loans-reading" data-testid="reading-view" role="dialog" aria-modal="true">
      <div className="loans-reading__bar no-print">
        <Space wrap>
          <Typography.Title level={4} style={{ margin: 0 }} data-testid="reading-title">
            {t('reader.heading', { number: opened.dossierNumber, customer: opened.customerName ?? '' })}
          </Typography.Title>
          <Tag color="red">★ {SECRECY_LABELS[opened.secrecy][lang]}</Tag>
          <Typography.Text type="secondary" data-testid="reading-due">
            {t('reader.dueAt', { at: time(opened.dueAt) })}
          </Typography.Text>
        </Space>
        <Space>
          {onFetchRevocations && (
            <Button icon={<CloudSyncOutlined />} onClick={onFetchRevocations} data-testid="reading-fetch-revocations">
              {t('reader.fetch')}
            </Button>
          )}
          <Button icon={<PrinterOutlined />} onClick={() => void print()} data-testid="reading-print">
            {t('reader.print')}
          </Button>
          <Button icon={<CloseOutlined />} onClick={() => end('user')} data-testid="reading-close">
            {t('reader.close')}
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
        items={opened.sections.map((s) => ({ key: s, label: <span data-testid={`reading-tab-${s}`}>{SECTION_LABELS[s][lang]}</span> }))}
      />
      <div
        className="loans-reading__content loans-print loans-no-select"
        data-testid="reading-content"
        onCopy={onCopy}
        onCut={onCopy}
        onContextMenu={block}
        onDragStart={block}
        // selectstart is not a React event: blocked through the native handler.
        ref={(el) => {
          if (el) el.onselectstart = (e) => (e.preventDefault(), false);
        }}
      >
        <div className="loans-print-heading print-only">
          <Typography.Title level={4}>
            {opened.dossierNumber} {opened.customerName ?? ''} ★{SECRECY_LABELS[opened.secrecy][lang]} — {SECTION_LABELS[section][lang]}
          </Typography.Title>
        </div>
        {shown ? (
          <SectionContent section={shown.section} content={shown.dossier.content} />
        ) : (
          <Spin tip={t('reader.loading')}>
            <div style={{ height: 120 }} />
          </Spin>
        )}
        {shown && <Watermark data={shown.watermark} />}
      </div>
    </div>
  );
}
