/**
 * A list group (key persons, contact records) as an editable sub-table: the main columns in the row,
 * the other fields when the row is expanded. Replaced whole on save, as the core stores it.
 */
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Col, Form, Row, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import type { FieldDef } from './formFields';
import { FieldInput } from './FieldInput';
import { useDossierLabels } from './labels';
import { fieldRules } from './validation';

interface Props {
  section: 'keyPersons' | 'contactRecords' | 'celebrations';
  defs: FieldDef[];
  columns: string[];
  addText: string;
  filing: () => boolean;
}

/** "Key person: name" → "name" as a column heading: the section already says whose. */
function short(label: string): string {
  const at = Math.max(label.lastIndexOf('：'), label.lastIndexOf(': '));
  const rest = at < 0 ? label : label.slice(at + (label[at] === '：' ? 1 : 2));
  return rest.charAt(0).toUpperCase() + rest.slice(1);
}

export function ListSection({ section, defs, columns, addText, filing }: Props) {
  const { t } = useTranslation();
  const { field } = useDossierLabels();
  const inRow = defs.filter((d) => columns.includes(d.name));
  const expanded = defs.filter((d) => !columns.includes(d.name));
  const label = (d: FieldDef) => `${d.required ? '* ' : ''}${short(field(`${section}.${d.name}`))}`;
  return (
    <Form.List name={section}>
      {(items, { add, remove }) => (
        <div data-testid={`${section}-table`}>
          <Table
            className="dossier-subtable"
            size="small"
            pagination={false}
            rowKey="key"
            dataSource={items}
            locale={{ emptyText: t('dossiers.form.noItems') }}
            columns={[
              ...inRow.map((d) => ({
                key: d.name,
                title: label(d),
                render: (_: unknown, item: (typeof items)[number]) => (
                  <Form.Item name={[item.name, d.name]} rules={fieldRules(d, t, filing)}>
                    <FieldInput compact kind={d.kind} testId={`${section}-${item.name}-${d.name}`} />
                  </Form.Item>
                ),
              })),
              {
                key: 'remove',
                width: 48,
                render: (_: unknown, item: (typeof items)[number]) => (
                  <Button
                    type="text"
                    danger
                    icon={<DeleteOutlined />}
                    aria-label={t('dossiers.form.remove')}
                    title={t('dossiers.form.remove')}
                    onClick={() => remove(item.name)}
                    data-testid={`${section}-${item.name}-remove`}
                  />
                ),
              },
            ]}
            expandable={{
              expandedRowRender: (item) => (
                <Row gutter={12}>
                  {expanded.map((d) => (
                    <Col span={d.kind === 'textarea' ? 24 : 12} key={d.name}>
                      <Form.Item
                        name={[item.name, d.name]}
                        label={short(field(`${section}.${d.name}`))}
                        rules={fieldRules(d, t, filing)}
                        style={{ marginBottom: 8 }}
                      >
                        <FieldInput kind={d.kind} testId={`${section}-${item.name}-${d.name}`} />
                      </Form.Item>
                    </Col>
                  ))}
                </Row>
              ),
            }}
          />
          <Button icon={<PlusOutlined />} onClick={() => add({})} style={{ marginTop: 8 }} data-testid={`${section}-add`}>
            {addText}
          </Button>
        </div>
      )}
    </Form.List>
  );
}
