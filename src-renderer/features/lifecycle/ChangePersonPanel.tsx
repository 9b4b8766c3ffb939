/**
 * People change for administrators (issue 16, point 8): rank, department and direct manager of a
 * person. Main checks every rule again (a custodian stays in a holding department, no circle of
 * managers, not oneself) and journals the values before and after.
 */
import { Button, Form, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { RANKS, type ListedPerson, type Rank } from '../../../src-main/contract/people';
import { api, call } from '../../api/client';
import { FormModal } from '../../components/FormModal';
import { useSubmit } from '../../components/useSubmit';
import { useLabels } from '../../components/labels';
import { useSession } from '../session/SessionContext';

interface ChangeForm {
  login: string;
  rank: Rank;
  department: string;
  manager: string;
}

const NONE = '';

export function ChangePersonPanel({ people, onChanged }: { people: ListedPerson[]; onChanged: (person: ListedPerson) => void }) {
  const { t } = useTranslation();
  const { departments } = useSession();
  const { department, rank } = useLabels();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<ChangeForm>();
  const active = people.filter((p) => !p.disabled);

  const pick = (login: string) => {
    const p = people.find((x) => x.login === login);
    if (!p) return;
    const manager = people.find((x) => x.id === p.managerId);
    form.setFieldsValue({ rank: p.rank, department: p.department, manager: manager?.login ?? NONE });
  };

  const submitting = useSubmit(async (v: ChangeForm) => {
    onChanged(await call(api().personnel.change({ login: v.login, rank: v.rank, department: v.department, manager: v.manager === NONE ? null : v.manager })));
    setOpen(false);
    form.resetFields();
  });

  return (
    <>
      <Button onClick={() => setOpen(true)} data-testid="person-change">
        {t('lifecycle.change.button')}
      </Button>
      {open && (
        <FormModal
          title={t('lifecycle.change.title')}
          form={form}
          submitting={submitting}
          onClose={() => setOpen(false)}
          okText={t('common.save')}
          okButtonProps={{ 'data-testid': 'confirm-ok' }}
        >
          <Form.Item name="login" label={t('lifecycle.change.person')} rules={[{ required: true, message: t('lifecycle.required') }]}>
            <Select showSearch options={active.map((p) => ({ value: p.login, label: `${p.name} (${p.login})` }))} onChange={pick} data-testid="change-login" />
          </Form.Item>
          <Form.Item name="rank" label={t('lifecycle.change.rank')} rules={[{ required: true, message: t('lifecycle.required') }]}>
            <Select options={RANKS.map((r) => ({ value: r, label: rank(r) }))} />
          </Form.Item>
          <Form.Item name="department" label={t('lifecycle.change.department')} rules={[{ required: true, message: t('lifecycle.required') }]}>
            <Select options={departments.map((d) => ({ value: d.code, label: department(d.code, departments) }))} />
          </Form.Item>
          <Form.Item name="manager" label={t('lifecycle.change.manager')}>
            <Select
              showSearch
              options={[{ value: NONE, label: t('lifecycle.change.noManager') }, ...active.map((p) => ({ value: p.login, label: `${p.name} (${p.login})` }))]}
            />
          </Form.Item>
        </FormModal>
      )}
    </>
  );
}
