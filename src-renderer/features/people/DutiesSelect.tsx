/** Multi-select of duties that greys out the duties separation forbids next to the ones chosen. */
import { Select } from 'antd';
import { DUTIES, type Duty } from '../../../src-main/contract/people';
import { useLabels } from '../../components/labels';
import { dutiesInOrder, dutyDisabled } from './dutyRules';

interface Props {
  value?: Duty[];
  onChange?: (value: Duty[]) => void;
}

export function DutiesSelect({ value = [], onChange }: Props) {
  const { duty } = useLabels();
  return (
    <Select<Duty[]>
      mode="multiple"
      allowClear
      value={value}
      onChange={(next) => onChange?.(dutiesInOrder(next))}
      options={DUTIES.map((d) => ({ value: d, label: duty(d), disabled: dutyDisabled(d, value) }))}
      data-testid="person-duties"
      style={{ width: '100%' }}
    />
  );
}
