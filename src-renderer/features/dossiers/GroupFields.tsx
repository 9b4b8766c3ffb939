/**
 * One object field group (basic, classification, market…) as form items, each field with the
 * control its kind needs and the contract's rules. Shared by the full form and "Record an update";
 * `leading` puts a column before the fields (the archive number on the full form).
 */
import { Col, Form } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { FieldInput } from './FieldInput';
import { OBJECT_SECTIONS, type ObjectSection } from './formFields';
import { useDossierLabels } from './labels';
import { fieldRules } from './validation';

interface Props {
  section: ObjectSection;
  /** `field` on the full form, `record` on the update form: test ids stay distinct. */
  testPrefix: string;
  /** The full form marks ★ fields and checks them when filing; an update requires nothing. */
  filing: (() => boolean) | null;
  leading?: ReactNode;
}

export function GroupFields({ section, testPrefix, filing, leading }: Props) {
  const { t } = useTranslation();
  const { field } = useDossierLabels();
  return (
    <>
      {leading}
      {OBJECT_SECTIONS[section].map((def) => (
        <Col span={def.kind === 'textarea' ? 24 : 12} key={def.name}>
          <Form.Item
            name={[section, def.name]}
            label={`${filing && def.star ? '★ ' : ''}${field(`${section}.${def.name}`)}`}
            rules={filing ? fieldRules(def, t, filing) : fieldRules({ ...def, required: false }, t, () => false)}
          >
            <FieldInput kind={def.kind} testId={`${testPrefix}-${section}-${def.name}`} />
          </Form.Item>
        </Col>
      ))}
    </>
  );
}
