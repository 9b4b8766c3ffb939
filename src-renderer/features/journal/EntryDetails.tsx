/** Every field of the selected entry: who, when, what, the outcome, the details (indented) and both hashes. */
import { Descriptions, Empty, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { JournalEntryView } from '../../../src-main/contract/ipc-journal';
import { localTime, objectLabel, prettyDetails } from './format';
import { OutcomeTag } from './OutcomeTag';

export function EntryDetails({ entry }: { entry: JournalEntryView | undefined }) {
  const { t } = useTranslation();
  if (!entry) return <Empty description={t('journal.details.none')} data-testid="journal-details-empty" />;
  const mono = (text: string) => (
    <Typography.Text code copyable className="journal-hash">
      {text}
    </Typography.Text>
  );
  return (
    <div data-testid="journal-details">
      <Descriptions
        size="small"
        column={1}
        bordered
        title={t('journal.details.title', { seq: entry.seq })}
        items={[
          { key: 'seq', label: t('journal.col.seq'), children: entry.seq },
          { key: 'utc', label: t('journal.details.utc'), children: entry.at },
          { key: 'local', label: t('journal.details.local'), children: localTime(entry.at, entry.tzOffset) },
          { key: 'actor', label: t('journal.col.actor'), children: entry.actorName ?? t('journal.details.system') },
          { key: 'actorId', label: t('journal.details.actorId'), children: entry.actorId ?? '—' },
          { key: 'duty', label: t('journal.col.duty'), children: entry.actorDuty ?? '—' },
          { key: 'ws', label: t('journal.details.workstation'), children: entry.workstation },
          { key: 'event', label: t('journal.col.event'), children: entry.event },
          { key: 'object', label: t('journal.col.object'), children: objectLabel(entry) },
          { key: 'outcome', label: t('journal.col.outcome'), children: <OutcomeTag outcome={entry.outcome} /> },
          { key: 'reason', label: t('journal.col.reason'), children: entry.reason ?? '—' },
          { key: 'prev', label: t('journal.details.prevHash'), children: mono(entry.prevHash) },
          { key: 'hash', label: t('journal.details.hash'), children: mono(entry.hash) },
        ]}
      />
      <Typography.Title level={5} style={{ marginTop: 12 }}>
        {t('journal.details.details')}
      </Typography.Title>
      <pre className="journal-json" data-testid="journal-details-json">
        {prettyDetails(entry.details)}
      </pre>
    </div>
  );
}
