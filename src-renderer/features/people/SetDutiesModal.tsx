/** Change a person's duties. Main refuses conflicts, the last administrator, and one's own account. */
import { Form, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Duty, PersonView } from '../../../src-main/contract/people';
import { api, call } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorBanner';
import { DutiesSelect } from './DutiesSelect';
import { submitProps } from './submitProps';
import { useSubmit } from '../../components/useSubmit';

interface Props {
  person: PersonView;
  onClose: () => void;
  onSaved: (person: PersonView) => void;
}

export function SetDutiesModal({ person, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ duties: Duty[] }>();

  const { submit, busy, error, setError } = useSubmit(async ({ duties }: { duties: Duty[] }) => {
    onSaved(await call(api().people.setDuties({ login: person.login, duties: duties ?? [] })));
  });

  return (
    <Modal
      open
      title={t('people.setDutiesTitle', { name: person.name })}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('people.submit')}
      cancelText={t('common.cancel')}
      okButtonProps={submitProps(busy)}
      width={520}
    >
      <ErrorBanner error={error} onClose={() => setError(null)} />
      <Form form={form} layout="vertical" onFinish={submit} disabled={busy} initialValues={{ duties: person.duties }}>
        <Form.Item name="duties" label={t('people.duties')}>
          <DutiesSelect />
        </Form.Item>
        <Typography.Paragraph type="secondary">{t('people.separationHint')}</Typography.Paragraph>
      </Form>
    </Modal>
  );
}
