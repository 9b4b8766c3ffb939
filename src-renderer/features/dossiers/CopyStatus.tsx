/** The three copies in one line of the catalogue: a letter each, coloured by state, with its lag. */
import { Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CopyStatusView } from '../../../src-main/contract/dossiers';
import { useLabels } from '../../components/labels';
import { useSession } from '../session/SessionContext';

const STATE_COLOURS = { 'in-custody': 'green', 'on-loan': 'blue', lost: 'red', destroyed: 'default' } as const;

export function CopyStatus({ copies }: { copies: CopyStatusView[] }) {
  const { t } = useTranslation();
  const { departments } = useSession();
  const { department } = useLabels();
  if (!copies.length) return <span className="copy-status--none">{t('dossiers.status.draft')}</span>;
  return (
    <span className="copy-status">
      {copies.map((c) => (
        <Tooltip
          key={c.copyNumber}
          title={t('dossiers.copyTip', {
            copy: c.copyNumber,
            department: department(c.department, departments),
            state: t(`dossiers.copyState.${c.state}`),
            revision: c.revision,
            lag: c.lag,
          })}
        >
          <Tag color={c.lag > 0 && c.state === 'in-custody' ? 'orange' : STATE_COLOURS[c.state]} className="copy-status__tag">
            {c.copyNumber.slice(-1)}
            {c.lag > 0 ? ` −${c.lag}` : ''}
          </Tag>
        </Tooltip>
      ))}
    </span>
  );
}
