/** Give a person a new password: main re-wraps their key slot with it. */
import { Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { MIN_PASSWORD_LENGTH, type PersonView } from '../../../src-main/contract/people';
import { api, call } from '../../api/client';
import { FormModal } from '../../components/FormModal';
import { confirmRules, passwordRules } from '../create/validators';
import { PERSON_SUBMIT } from './submitProps';
import { useSubmit } from '../../components/useSubmit';

interface Props {
  person: PersonView;
  onClose: () => void;
  onDone: (person: PersonView) => void;
}

interface Values {
  password: string;
  confirm: string;
}

export function ResetPasswordModal({ person, onClose, onDone }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();

  const submitting = useSubmit(async (values: Values) => {
    await call(api().people.resetPassword({ login: person.login, password: values.password }));
    onDone(person);
  });

  return (
    <FormModal
      title={t('people.resetTitle', { name: person.name })}
      form={form}
      submitting={submitting}
      onClose={onClose}
      okText={t('people.submit')}
      okButtonProps={PERSON_SUBMIT}
      width={520}
    >
      <Form.Item
        name="password"
        label={t('people.newPassword')}
        extra={t('create.passwordHint', { min: MIN_PASSWORD_LENGTH })}
        rules={passwordRules(t)}
      >
        <Input.Password autoComplete="new-password" data-testid="person-password" />
      </Form.Item>
      <Form.Item name="confirm" label={t('create.passwordConfirm')} dependencies={['password']} rules={confirmRules(t, 'password')}>
        <Input.Password autoComplete="new-password" data-testid="person-password-confirm" />
      </Form.Item>
    </FormModal>
  );
}
