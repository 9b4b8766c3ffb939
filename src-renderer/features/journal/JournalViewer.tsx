/**
 * The journal viewer: filters above, the entries (virtualized, fetched a page at a time) across the
 * full width, and the selected entry's every field in a pane that slides in from the right without
 * blocking the list (arrow keys keep moving the selection). The chain's status has its own tab.
 */
import { ExportOutlined, ReloadOutlined, VerticalAlignTopOutlined } from '@ant-design/icons';
import { Button, Drawer, InputNumber, Space, Spin, Typography } from 'antd';
import { useCallback, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { JournalFilters } from '../../../src-main/contract/ipc-journal';
import { ErrorBanner } from '../../components/ErrorBanner';
import { EntryDetails } from './EntryDetails';
import { ExportModal } from './ExportModal';
import { FilterBar } from './FilterBar';
import { localTime, objectLabel } from './format';
import { OutcomeTag } from './OutcomeTag';
import { useJournalPages } from './useJournalPages';
import { VirtualList } from './VirtualList';

const ROW_HEIGHT = 34;

export function JournalViewer() {
  const { t } = useTranslation();
  const [filters, setFilters] = useState<JournalFilters>({});
  const [startAfter, setStartAfter] = useState(0);
  const [jumpTo, setJumpTo] = useState<number | null>(null);
  const [generation, setGeneration] = useState(0);
  const [selected, setSelected] = useState<number | null>(null);
  const [exporting, setExporting] = useState(false);
  const pages = useJournalPages(filters, startAfter, generation);
  const { ensure } = pages;
  const onRange = useCallback((first: number, last: number) => ensure(first, last), [ensure]);

  const restart = (after: number) => {
    setSelected(null);
    setStartAfter(after);
    setGeneration((g) => g + 1);
  };

  const cell = (className: string, content: ReactNode) => <span className={`jcell ${className}`}>{content}</span>;
  const header = (
    <>
      {cell('jcell--seq', t('journal.col.seq'))}
      {cell('jcell--time', t('journal.col.time'))}
      {cell('jcell--actor', t('journal.col.actor'))}
      {cell('jcell--event', t('journal.col.event'))}
      {cell('jcell--object', t('journal.col.object'))}
      {cell('jcell--outcome', t('journal.col.outcome'))}
    </>
  );
  const renderRow = (index: number) => {
    const e = pages.entryAt(index);
    if (!e) return cell('jcell--loading', t('journal.loadingRow'));
    return (
      <>
        {cell('jcell--seq', e.seq)}
        {cell('jcell--time', localTime(e.at, e.tzOffset))}
        {cell('jcell--actor', e.actorName ?? t('journal.details.system'))}
        {cell('jcell--event', e.event)}
        {cell('jcell--object', objectLabel(e))}
        {cell('jcell--outcome', <OutcomeTag outcome={e.outcome} />)}
      </>
    );
  };

  return (
    <div className="journal-viewer" data-testid="journal-viewer">
      <FilterBar
        onApply={(next) => {
          setFilters(next);
          restart(0);
        }}
      />
      <Space className="journal-toolbar" wrap>
        <Typography.Text type="secondary" data-testid="journal-count">
          {pages.ended ? t('journal.countEnded', { count: pages.rowCount }) : t('journal.countOpen', { count: pages.rowCount })}
        </Typography.Text>
        {pages.loading && <Spin size="small" />}
        <Space.Compact>
          <InputNumber
            min={1}
            placeholder={t('journal.jumpPlaceholder')}
            value={jumpTo}
            onChange={(v) => setJumpTo(typeof v === 'number' ? v : null)}
            style={{ width: 150 }}
            data-testid="journal-jump-seq"
          />
          <Button onClick={() => jumpTo !== null && restart(jumpTo - 1)} data-testid="journal-jump">
            {t('journal.jump')}
          </Button>
        </Space.Compact>
        <Button icon={<VerticalAlignTopOutlined />} onClick={() => restart(0)}>
          {t('journal.first')}
        </Button>
        <Button icon={<ReloadOutlined />} onClick={() => restart(startAfter)} data-testid="journal-refresh">
          {t('journal.refresh')}
        </Button>
        <Button type="primary" icon={<ExportOutlined />} onClick={() => setExporting(true)} data-testid="journal-export">
          {t('journal.export.open')}
        </Button>
      </Space>
      <ErrorBanner error={pages.error} />
      <div className="journal-list-area">
        <VirtualList
          // A new query starts at the top: remounting resets the scroll position with the rows.
          key={generation}
          rowCount={pages.rowCount}
          rowHeight={ROW_HEIGHT}
          onRange={onRange}
          renderRow={renderRow}
          selected={selected}
          onSelect={setSelected}
          header={header}
          testId="journal-list"
          ariaLabel={t('journal.title')}
        />
      </div>
      <Drawer
        open={selected !== null}
        mask={false}
        size={460}
        title={t('journal.details.pane')}
        onClose={() => setSelected(null)}
        data-testid="journal-details-pane"
      >
        <EntryDetails entry={selected === null ? undefined : pages.entryAt(selected)} />
      </Drawer>
      {exporting && <ExportModal filters={filters} onClose={() => setExporting(false)} />}
    </div>
  );
}
