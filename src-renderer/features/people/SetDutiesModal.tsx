/** Change a person's duties. Main refuses conflicts, the last administrator, and one's own account. */
import { Form, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Duty, ListedPerson } from '../../../src-main/contract/people';
import { api, call } from '../../api/client';
import { FormModal } from '../../components/FormModal';
import { DutiesSelect } from './DutiesSelect';
import { PERSON_SUBMIT } from './submitProps';
import { useSubmit } from '../../components/useSubmit';

interface Props {
  person: ListedPerson;
  onClose: () => void;
  onSaved: (person: ListedPerson) => void;
}

export function SetDutiesModal({ person, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ duties: Duty[] }>();

  const submitting = useSubmit(async ({ duties }: { duties: Duty[] }) => {
    onSaved(await call(api().people.setDuties({ login: person.login, duties: duties ?? [] })));
  });

  return (
    <FormModal
      title={t('people.setDutiesTitle', { name: person.name })}
      form={form}
      submitting={submitting}
      onClose={onClose}
      okText={t('people.submit')}
      okButtonProps={PERSON_SUBMIT}
      width={520}
      initialValues={{ duties: person.duties }}
    >
      <Form.Item name="duties" label={t('people.duties')}>
        <DutiesSelect />
      </Form.Item>
      <Typography.Paragraph type="secondary">{t('people.separationHint')}</Typography.Paragraph>
    </FormModal>
  );
}
