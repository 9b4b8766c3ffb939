/** Change a person's duties. Main refuses conflicts, the last administrator, and one's own account. */
import { Form, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Duty, PersonView } from '../../../src-main/contract/people';
import { api, call } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorBanner';
import { DutiesSelect } from './DutiesSelect';
import { submitProps } from './submitProps';

interface Props {
  person: PersonView;
  onClose: () => void;
  onSaved: (person: PersonView) => void;
}

export function SetDutiesModal({ person, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ duties: Duty[] }>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const submit = async ({ duties }: { duties: Duty[] }) => {
    setBusy(true);
    setError(null);
    try {
      onSaved(await call(api().people.setDuties({ login: person.login, duties: duties ?? [] })));
    } catch (cause) {
      setError(cause);
    } finally {
      setBusy(false);
    }
  };

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
