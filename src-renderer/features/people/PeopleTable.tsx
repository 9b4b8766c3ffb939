/** The people of the archive with their row actions (disable, duties, reset password). */
import { Button, Space, Table, Tag, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PersonView } from '../../../src-main/contract/people';
import { DutyTags } from '../../components/DutyTags';
import { useLabels } from '../../components/labels';
import { useSession } from '../session/SessionContext';

interface Props {
  people: PersonView[];
  loading: boolean;
  onDisable: (person: PersonView) => void;
  onSetDuties: (person: PersonView) => void;
  onResetPassword: (person: PersonView) => void;
}

export function PeopleTable({ people, loading, onDisable, onSetDuties, onResetPassword }: Props) {
  const { t } = useTranslation();
  const { actor, departments } = useSession();
  const { department, rank } = useLabels();

  const columns: TableColumnsType<PersonView> = [
    { title: t('people.login'), dataIndex: 'login', width: 140, ellipsis: true, sorter: (a, b) => a.login.localeCompare(b.login) },
    { title: t('people.name'), dataIndex: 'name', width: 140, ellipsis: true },
    { title: t('people.department'), dataIndex: 'department', width: 140, render: (code: string) => department(code, departments) },
    { title: t('people.rank'), dataIndex: 'rank', width: 130, render: (value: PersonView['rank']) => rank(value) },
    { title: t('people.duties'), dataIndex: 'duties', width: 200, render: (duties: PersonView['duties']) => <DutyTags duties={duties} /> },
    {
      title: t('people.status'),
      dataIndex: 'disabled',
      width: 90,
      render: (disabled: boolean) => (disabled ? <Tag>{t('people.disabled')}</Tag> : <Tag color="green">{t('people.active')}</Tag>),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 250,
      render: (_, person) => {
        // Main refuses acting on oneself or a disabled account; greying the buttons just says so early.
        const off = person.disabled;
        const self = person.id === actor.id;
        return (
          <Space size={4} wrap>
            <Button size="small" disabled={off || self} onClick={() => onSetDuties(person)} data-testid={`person-duties-${person.login}`}>
              {t('people.setDuties')}
            </Button>
            <Button size="small" disabled={off} onClick={() => onResetPassword(person)} data-testid={`person-reset-${person.login}`}>
              {t('people.resetPassword')}
            </Button>
            <Button size="small" danger disabled={off || self} onClick={() => onDisable(person)} data-testid={`person-disable-${person.login}`}>
              {t('people.disable')}
            </Button>
          </Space>
        );
      },
    },
  ];

  return (
    <Table<PersonView>
      data-testid="people-table"
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={people}
      loading={loading}
      pagination={false}
      scroll={{ x: 1090 }}
      locale={{ emptyText: t('people.empty') }}
      rowClassName={(person) => (person.disabled ? 'row-disabled' : '')}
    />
  );
}
