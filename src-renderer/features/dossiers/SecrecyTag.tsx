/** A secrecy level as a tag, ★ marked, coloured by level. */
import { Tag } from 'antd';
import type { SecrecyLevel } from '../../../src-main/contract/dossiers';
import { useDossierLabels } from './labels';

const COLOURS: Record<SecrecyLevel, string> = { internal: 'default', secret: 'orange', confidential: 'red' };

export function SecrecyTag({ level }: { level: SecrecyLevel }) {
  const { secrecy } = useDossierLabels();
  return (
    <Tag color={COLOURS[level]} className="secrecy-tag" data-secrecy={level}>
      {secrecy(level)}
    </Tag>
  );
}
