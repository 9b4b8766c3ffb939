/**
 * The reading view: the only way a borrower sees a dossier. Read-only sections under a watermark;
 * printing is journaled by main before the print dialog opens; copying out is blocked unless the
 * archive allows it, and then journaled. Access ends at the loan's due time even with the view
 * open: a timer closes it for the person, and main checks every fetch at that moment (rule 4), so a
 * refused fetch closes it too. A recall is noticed by polling the person's own cards.
 */
import { useCallback, useEffect, useState, type ClipboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { SECTIONS, type Section } from '../../../src-main/contract/dossiers';
import type { LoanReading, LoanView } from '../../../src-main/contract/loans';
import { ApiError, api, call } from '../../api/client';
import { useLoanLabels } from './labels';
import { ReadingFrame } from './ReadingFrame';
import { useCloseAtDue, usePrintShortcut, useReadingEnd } from './reading-hooks';
import { printPage } from '../../print/printPage';

/** Why the view closed; the page shows the matching sentence. */
export type ReadingEnd = 'closed' | 'due' | 'recalled' | 'ended';

interface Props {
  loan: LoanView;
  onClose: (why: ReadingEnd) => void;
  /** How often the person's own cards are asked for, to notice a recall. */
  pollMs?: number;
}

export function ReadingView({ loan, onClose, pollMs = 5000 }: Props) {
  const { t } = useTranslation();
  const { time, english } = useLoanLabels();
  const [section, setSection] = useState<Section>('basic');
  const [reading, setReading] = useState<LoanReading | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [allowCopyOut, setAllowCopyOut] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const end = useReadingEnd(onClose, setReading);

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
  const onDue = useCallback(() => end('due'), [end]);
  useCloseAtDue(dueAt, onDue);

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
  usePrintShortcut(print);

  const onCopy = (e: ClipboardEvent) => {
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

  return (
    <ReadingFrame
      lang={english ? 'en' : 'zh-CN'}
      number={loan.number}
      customer={loan.customerName}
      secrecy={loan.secrecy}
      title={t('loans.reading.title', { number: loan.number, customer: loan.customerName })}
      due={t('loans.reading.dueAt', { at: time(dueAt) })}
      printText={t('loans.reading.print')}
      closeText={t('loans.reading.close')}
      loadingText={t('loans.reading.loading')}
      onPrint={() => void print()}
      onClose={() => end('closed')}
      error={error}
      onErrorClose={() => setError(null)}
      notice={notice}
      sections={SECTIONS}
      section={section}
      onSection={setSection}
      shown={reading && { section, content: reading.dossier.content, watermark: reading.watermark }}
      allowCopyOut={allowCopyOut}
      onCopy={onCopy}
    />
  );
}
