/** The people of the archive with their row actions (disable, duties, reset password). */
import { KeyOutlined, SafetyCertificateOutlined, StopOutlined } from '@ant-design/icons';
import { Button, Space, Table, Tag, Tooltip, type TableColumnsType } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ListedPerson } from '../../../src-main/contract/people';
import { DutyTags } from '../../components/DutyTags';
import { useLabels } from '../../components/labels';
import { useSession } from '../session/SessionContext';

interface Props {
  people: ListedPerson[];
  loading: boolean;
  onDisable: (person: ListedPerson) => void;
  onSetDuties: (person: ListedPerson) => void;
  onResetPassword: (person: ListedPerson) => void;
}

export function PeopleTable({ people, loading, onDisable, onSetDuties, onResetPassword }: Props) {
  const { t } = useTranslation();
  const { actor, departments } = useSession();
  const { department, rank } = useLabels();

  // No fixed widths: the table lays out to its content and wraps, so nothing is cut at the 1024 px minimum.
  const columns: TableColumnsType<ListedPerson> = [
    {
      title: t('people.login'),
      dataIndex: 'login',
      sorter: (a, b) => a.login.localeCompare(b.login),
      render: (login: string) => <span className="nowrap">{login}</span>,
    },
    { title: t('people.name'), dataIndex: 'name' },
    { title: t('people.department'), dataIndex: 'department', render: (code: string) => department(code, departments) },
    { title: t('people.rank'), dataIndex: 'rank', render: (value: ListedPerson['rank']) => rank(value) },
    { title: t('people.duties'), dataIndex: 'duties', render: (duties: ListedPerson['duties']) => <DutyTags duties={duties} /> },
    {
      title: t('people.status'),
      dataIndex: 'disabled',
      render: (disabled: boolean) => (disabled ? <Tag>{t('people.disabled')}</Tag> : <Tag color="green">{t('people.active')}</Tag>),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_, person) => {
        // Main refuses acting on oneself or a disabled account; greying the buttons just says so early.
        // Who may be reset is the core's decision, sent with each row.
        const off = person.disabled;
        const self = person.id === actor.id;
        return (
          <Space size={4} className="nowrap">
            <RowAction
              label={t('people.setDuties')}
              icon={<SafetyCertificateOutlined />}
              disabled={off || self}
              onClick={() => onSetDuties(person)}
              testId={`person-duties-${person.login}`}
            />
            <RowAction
              label={t('people.resetPassword')}
              icon={<KeyOutlined />}
              disabled={!person.mayRequestReset}
              onClick={() => onResetPassword(person)}
              testId={`person-reset-${person.login}`}
            />
            <RowAction
              label={t('people.disable')}
              icon={<StopOutlined />}
              danger
              disabled={off || self}
              onClick={() => onDisable(person)}
              testId={`person-disable-${person.login}`}
            />
          </Space>
        );
      },
    },
  ];

  return (
    <Table<ListedPerson>
      data-testid="people-table"
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={people}
      loading={loading}
      pagination={false}
      locale={{ emptyText: t('people.empty') }}
      rowClassName={(person) => (person.disabled ? 'row-disabled' : '')}
    />
  );
}

interface RowActionProps {
  label: string;
  icon: ReactNode;
  testId: string;
  disabled: boolean;
  danger?: boolean;
  onClick: () => void;
}

/** An icon button with its name as tooltip and accessible label: three fit in a row at 1024 px. */
function RowAction({ label, icon, testId, disabled, danger, onClick }: RowActionProps) {
  return (
    <Tooltip title={label}>
      <Button size="small" icon={icon} aria-label={label} danger={danger} disabled={disabled} onClick={onClick} data-testid={testId} />
    </Tooltip>
  );
}
