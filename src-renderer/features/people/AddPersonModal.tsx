/** Add a person: login, name, department, rank, duties and an initial password (they open their own slot). */
import { Alert, Col, Form, Input, Row, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { MIN_PASSWORD_LENGTH, RANKS, type Duty, type ListedPerson, type Rank } from '../../../src-main/contract/people';
import { api, call } from '../../api/client';
import { FormModal } from '../../components/FormModal';
import { useLabels } from '../../components/labels';
import { loginRules, nameRules, passwordRules } from '../create/validators';
import { useSession } from '../session/SessionContext';
import { DutiesSelect } from './DutiesSelect';
import { PERSON_SUBMIT } from './submitProps';
import { useSubmit } from '../../components/useSubmit';

/** Mounted only while shown, so its fields (and test ids) never linger hidden in the page. */
interface Props {
  onClose: () => void;
  onAdded: (person: ListedPerson) => void;
}

interface Values {
  login: string;
  name: string;
  department: string;
  rank: Rank;
  duties: Duty[];
  password: string;
}

export function AddPersonModal({ onClose, onAdded }: Props) {
  const { t } = useTranslation();
  const { departments } = useSession();
  const { rank, department } = useLabels();
  const [form] = Form.useForm<Values>();
  const duties = Form.useWatch('duties', form) ?? [];

  const submitting = useSubmit(async (values: Values) => {
    const person = await call(
      api().people.add({
        login: values.login.trim(),
        name: values.name.trim(),
        department: values.department,
        rank: values.rank,
        duties: values.duties ?? [],
        password: values.password,
      }),
    );
    onAdded(person);
  });

  return (
    <FormModal
      title={t('people.addTitle')}
      form={form}
      submitting={submitting}
      onClose={onClose}
      okText={t('people.submit')}
      okButtonProps={PERSON_SUBMIT}
      width={640}
      initialValues={{ rank: 'staff', duties: [] }}
    >
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item name="login" label={t('people.login')} extra={t('create.adminLoginHint')} rules={loginRules(t)}>
            <Input autoComplete="off" spellCheck={false} data-testid="person-login" />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="name" label={t('people.name')} rules={nameRules(t)}>
            <Input autoComplete="off" data-testid="person-name" />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item name="department" label={t('people.department')} rules={[{ required: true, message: t('common.required') }]}>
            <Select data-testid="person-department" options={departments.map((d) => ({ value: d.code, label: department(d.code, departments) }))} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="rank" label={t('people.rank')} rules={[{ required: true, message: t('common.required') }]}>
            <Select data-testid="person-rank" options={RANKS.map((r) => ({ value: r, label: rank(r) }))} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="duties" label={t('people.duties')} extra={t('people.separationHint')}>
        <DutiesSelect />
      </Form.Item>
      {duties.includes('custodian') && <Alert type="info" showIcon title={t('people.custodianHint')} style={{ marginBottom: 16 }} />}
      <Form.Item name="password" label={t('people.initialPassword')} extra={t('create.passwordHint', { min: MIN_PASSWORD_LENGTH })} rules={passwordRules(t)}>
        <Input.Password autoComplete="new-password" data-testid="person-password" />
      </Form.Item>
    </FormModal>
  );
}
