/**
 * People administration (系统管理员). Only administrators see it in the menu; anyone else who reaches it
 * still asks main, and main's refusal is what they see.
 */
import { UserAddOutlined } from '@ant-design/icons';
import { App, Button, Card, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ListedPerson } from '../../../src-main/contract/people';
import { api, call } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorBanner';
import { PageHeading } from '../../components/PageHeading';
import { ChangePersonPanel } from '../lifecycle/ChangePersonPanel';
import { AddPersonModal } from './AddPersonModal';
import { PeopleTable } from './PeopleTable';
import { RekeyPanel } from './RekeyPanel';
import { ResetPasswordModal } from './ResetPasswordModal';
import { SetDutiesModal } from './SetDutiesModal';
import { usePeople } from './usePeople';

export function PeoplePage() {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const { people, error, setError, loading, replace } = usePeople();
  const [adding, setAdding] = useState(false);
  const [dutiesOf, setDutiesOf] = useState<ListedPerson | null>(null);
  const [resetOf, setResetOf] = useState<ListedPerson | null>(null);

  const disable = (person: ListedPerson) =>
    modal.confirm({
      title: t('people.disableTitle', { name: person.name, login: person.login }),
      content: t('people.disableBody'),
      okText: t('people.disable'),
      okButtonProps: { danger: true, 'data-testid': 'confirm-ok' },
      cancelText: t('common.cancel'),
      onOk: async () => {
        try {
          replace(await call(api().people.disable({ login: person.login })));
          setError(null);
          void message.success(t('people.disabledDone', { name: person.name }));
        } catch (cause) {
          setError(cause);
        }
      },
    });

  return (
    <Card data-testid="screen-people" className="page-card">
      <PageHeading title={t('people.title')} intro={t('people.intro')}>
        {people && (
          <Space wrap>
            <Button type="primary" icon={<UserAddOutlined />} onClick={() => setAdding(true)} data-testid="people-add">
              {t('people.add')}
            </Button>
            <ChangePersonPanel people={people} onChanged={replace} />
          </Space>
        )}
      </PageHeading>
      <ErrorBanner error={error} onClose={people ? () => setError(null) : undefined} />
      {people && (
        <>
          <PeopleTable people={people} loading={loading} onDisable={disable} onSetDuties={setDutiesOf} onResetPassword={setResetOf} />
          <Typography.Paragraph type="secondary" className="page-section" data-testid="people-reset-hint">
            {t('resets.adminHint')}
          </Typography.Paragraph>
          <div className="page-section">
            <RekeyPanel />
          </div>
          {adding && (
            <AddPersonModal
              onClose={() => setAdding(false)}
              onAdded={(person) => {
                replace(person);
                setAdding(false);
                void message.success(t('people.added', { name: person.name }));
              }}
            />
          )}
          {dutiesOf && (
            <SetDutiesModal
              person={dutiesOf}
              onClose={() => setDutiesOf(null)}
              onSaved={(person) => {
                replace(person);
                setDutiesOf(null);
                void message.success(t('people.dutiesSaved', { name: person.name }));
              }}
            />
          )}
          {resetOf && (
            <ResetPasswordModal
              person={resetOf}
              onClose={() => setResetOf(null)}
              onDone={(person) => {
                setResetOf(null);
                void message.success(t('people.resetDone', { name: person.name }));
              }}
            />
          )}
        </>
      )}
    </Card>
  );
}
