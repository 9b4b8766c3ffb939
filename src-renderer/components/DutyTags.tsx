/** A person's duties as tags; the three separated duties (三员) get their own colours. */
import { Tag } from 'antd';
import type { Duty } from '../../src-main/contract/people';
import { useLabels } from './labels';

const COLOURS: Record<Duty, string> = { admin: 'red', custodian: 'blue', auditor: 'purple', collector: 'green', analyst: 'cyan' };

export function DutyTags({ duties, empty }: { duties: readonly Duty[]; empty?: string }) {
  const { duty } = useLabels();
  if (duties.length === 0) return empty ? <span className="muted">{empty}</span> : null;
  return (
    <span className="duty-tags">
      {duties.map((d) => (
        <Tag key={d} color={COLOURS[d]}>
          {duty(d)}
        </Tag>
      ))}
    </span>
  );
}
