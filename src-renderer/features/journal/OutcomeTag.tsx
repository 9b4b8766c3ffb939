/** An entry's outcome as a coloured, translated tag. */
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { JournalOutcome } from '../../../src-main/contract/ipc-journal';

const COLOURS: Record<JournalOutcome, string> = { ok: 'green', denied: 'red', error: 'orange' };

export function OutcomeTag({ outcome }: { outcome: JournalOutcome }) {
  const { t } = useTranslation();
  return (
    <Tag color={COLOURS[outcome]} style={{ marginInlineEnd: 0 }}>
      {t(`journal.outcome.${outcome}`)}
    </Tag>
  );
}
