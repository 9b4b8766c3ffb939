/**
 * The three copies (一式三份): number, department, custodian, shelf, state, revision and lag. Their
 * custodians re-issue a lagging copy and record a lost one; anyone who may list them may print the
 * cover sheet the core answers for (the core refuses whoever may not).
 */
import { Button, Empty, Space, Table, Tag } from 'antd';
import { App } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CopySheet, CopyRow } from '../../../src-main/contract/dossiers';
import { api, call } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorBanner';
import { useLabels } from '../../components/labels';
import { useSession } from '../session/SessionContext';
import { CopySheetModal } from './CopySheetModal';
import { LostCopyModal } from './LostCopyModal';

const STATE_COLOURS = { 'in-custody': 'green', 'on-loan': 'blue', lost: 'red', destroyed: 'default' } as const;

export function CopiesPanel({ number, onChanged }: { number: string; onChanged?: () => void }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const { departments } = useSession();
  const { department } = useLabels();
  const [copies, setCopies] = useState<CopyRow[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [losing, setLosing] = useState<CopyRow | null>(null);
  const [sheet, setSheet] = useState<CopySheet | null>(null);
  const [busy, setBusy] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      setCopies(await call(api().copies.list({ number })));
    } catch (cause) {
      setError(cause);
    }
  }, [number]);
  useEffect(() => {
    void load();
  }, [load]);

  const act = async (copy: CopyRow, run: () => Promise<unknown>) => {
    setBusy(copy.copyNumber);
    setError(null);
    try {
      await run();
      await load();
      onChanged?.();
    } catch (cause) {
      setError(cause);
    } finally {
      setBusy(null);
    }
  };
  const reissue = (copy: CopyRow) =>
    act(copy, async () => {
      const done = await call(api().copies.reissue({ copyNumber: copy.copyNumber }));
      void message.success(t('dossiers.copies.reissued', { copy: done.copyNumber, revision: done.revision }));
    });
  const openSheet = (copy: CopyRow) => act(copy, async () => setSheet(await call(api().copies.sheet({ copyNumber: copy.copyNumber }))));
  // Whether this person keeps the copy is the core's answer for each row (can() on its department).
  const keeps = (copy: CopyRow) => copy.mayKeep;

  if (!copies) return error ? <ErrorBanner error={error} /> : null;
  if (!copies.length) return <Empty description={t('dossiers.copies.none')} />;
  return (
    <div data-testid="copies-panel">
      <ErrorBanner error={error} onClose={() => setError(null)} />
      <Table
        size="small"
        pagination={false}
        rowKey="copyNumber"
        dataSource={copies}
        scroll={{ x: 'max-content' }}
        onRow={(c) => ({ 'data-testid': `copy-${c.copyNumber.slice(-1)}` }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          { key: 'n', title: t('dossiers.copies.copyNumber'), dataIndex: 'copyNumber' },
          { key: 'd', title: t('dossiers.copies.department'), render: (_, c: CopyRow) => department(c.department, departments) },
          { key: 'c', title: t('dossiers.copies.custodian'), render: (_, c: CopyRow) => c.custodian?.name ?? '—' },
          { key: 's', title: t('dossiers.copies.shelf'), dataIndex: 'shelf' },
          {
            key: 'st',
            title: t('dossiers.copies.state'),
            render: (_, c: CopyRow) => (
              <Tag color={STATE_COLOURS[c.state]} title={c.lostReason ?? undefined}>
                {t(`dossiers.copyState.${c.state}`)}
              </Tag>
            ),
          },
          { key: 'r', title: t('dossiers.copies.revision'), dataIndex: 'revision' },
          {
            key: 'l',
            title: t('dossiers.copies.lag'),
            render: (_, c: CopyRow) =>
              c.lag > 0 ? (
                <Tag color="orange" data-testid="copy-lag" data-lag={c.lag}>
                  {t('dossiers.copies.lagValue', { count: c.lag })}
                </Tag>
              ) : (
                <Tag data-testid="copy-lag" data-lag={0}>
                  {t('dossiers.copies.current')}
                </Tag>
              ),
          },
          {
            key: 'a',
            title: t('dossiers.copies.actions'),
            render: (_, c: CopyRow) => (
              <Space size={4} wrap={false}>
                {keeps(c) && (c.lag > 0 || c.state === 'lost') && (c.state === 'in-custody' || c.state === 'lost') && (
                  <Button
                    size="small"
                    type="primary"
                    loading={busy === c.copyNumber}
                    onClick={() => void reissue(c)}
                    data-testid={`copy-reissue-${c.copyNumber.slice(-1)}`}
                  >
                    {t('dossiers.copies.reissue')}
                  </Button>
                )}
                {keeps(c) && (c.state === 'in-custody' || c.state === 'on-loan') && (
                  <Button size="small" danger onClick={() => setLosing(c)} data-testid={`copy-lost-${c.copyNumber.slice(-1)}`}>
                    {t('dossiers.copies.lost')}
                  </Button>
                )}
                {keeps(c) && (
                  <Button size="small" onClick={() => void openSheet(c)} data-testid={`copy-sheet-${c.copyNumber.slice(-1)}`}>
                    {t('dossiers.copies.sheet')}
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
      {losing && (
        <LostCopyModal
          copy={losing}
          onClose={() => setLosing(null)}
          onDone={(done) => {
            setLosing(null);
            void message.success(t('dossiers.copies.lostDone', { copy: done.copyNumber }));
            void load();
            onChanged?.();
          }}
        />
      )}
      {sheet && <CopySheetModal sheet={sheet} locale={i18n.language === 'en' ? 'en' : 'zh-CN'} onClose={() => setSheet(null)} />}
    </div>
  );
}
