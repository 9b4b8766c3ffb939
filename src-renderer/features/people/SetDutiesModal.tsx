/** Change a person's duties. Main refuses conflicts, the last administrator, and one's own account. */
import { Form, Modal, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Duty, PersonView } from '../../../src-main/contract/people';
import { api, call } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorBanner';
import { DutiesSelect } from './DutiesSelect';
import { submitProps } from './submitProps';

interface Props {
  person: PersonView | null;
  onClose: () => void;
  onSaved: (person: PersonView) => void;
}

export function SetDutiesModal({ person, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ duties: Duty[] }>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    if (person) form.setFieldsValue({ duties: person.duties });
    setError(null);
  }, [person, form]);

  const submit = async ({ duties }: { duties: Duty[] }) => {
    if (!person) return;
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
      open={person != null}
      title={person ? t('people.setDutiesTitle', { name: person.name }) : ''}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('people.submit')}
      cancelText={t('common.cancel')}
      okButtonProps={submitProps(busy)}
      width={520}
      forceRender
    >
      <ErrorBanner error={error} onClose={() => setError(null)} />
      <Form form={form} layout="vertical" onFinish={submit} disabled={busy}>
        <Form.Item name="duties" label={t('people.duties')}>
          <DutiesSelect />
        </Form.Item>
        <Typography.Paragraph type="secondary">{t('people.separationHint')}</Typography.Paragraph>
      </Form>
    </Modal>
  );
}
