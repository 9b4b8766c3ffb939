/**
 * The offline reading view: the same look as an online loan's (section tabs, the watermark with
 * reader, card number, copy number and time, printing through a logged request, no copying),
 * fed by main's offline reader instead of the archive. Every tab shown and every print is a
 * request main checks (due time, clock, revocations) and writes into the package's reading log
 * before it decrypts; copying out is never allowed offline. The view closes at the due time even
 * when left open: a timer here, and main's own check of its clock.
 */
import { CloudSyncOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useCallback, useEffect, useState, type ClipboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Section } from '../../../src-main/contract/dossiers';
import type { OpenedPackageView, ReaderEnd, ReaderSection } from '../../../src-main/contract/ipc-reader';
import { ApiError, api, call } from '../../api/client';
import { useLoanLabels } from '../loans/labels';
import { ReadingFrame } from '../loans/ReadingFrame';
import { useCloseAtDue, usePrintShortcut, useReadingEnd } from '../loans/reading-hooks';

interface Props {
  opened: OpenedPackageView;
  onClose: (why: ReaderEnd) => void;
  /** Fetch the revocation list from the archive server while reading (main closes this package if named). */
  onFetchRevocations?: () => void;
}

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
  const [section, setSection] = useState<Section>(opened.sections[0]!);
  const [shown, setShown] = useState<ReaderSection | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const end = useReadingEnd(onClose, setShown);
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

  const onDue = useCallback(() => end('due'), [end]);
  useCloseAtDue(opened.dueAt, onDue);

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
  usePrintShortcut(print);

  // Offline there is no archive to record a copy in: copying is always blocked.
  const onCopy = (e: ClipboardEvent) => {
    e.preventDefault();
    setNotice(t('reader.copyBlocked'));
  };

  return (
    <ReadingFrame
      lang={i18n.language === 'en' ? 'en' : 'zh-CN'}
      number={opened.dossierNumber}
      customer={opened.customerName ?? ''}
      secrecy={opened.secrecy}
      title={t('reader.heading', { number: opened.dossierNumber, customer: opened.customerName ?? '' })}
      due={t('reader.dueAt', { at: time(opened.dueAt) })}
      actions={
        onFetchRevocations && (
          <Button icon={<CloudSyncOutlined />} onClick={onFetchRevocations} data-testid="reading-fetch-revocations">
            {t('reader.fetch')}
          </Button>
        )
      }
      printText={t('reader.print')}
      closeText={t('reader.close')}
      loadingText={t('reader.loading')}
      onPrint={() => void print()}
      onClose={() => end('user')}
      error={error}
      onErrorClose={() => setError(null)}
      notice={notice}
      sections={opened.sections}
      section={section}
      onSection={setSection}
      shown={shown && { section: shown.section, content: shown.dossier.content, watermark: shown.watermark }}
      allowCopyOut={false}
      onCopy={onCopy}
    />
  );
}
