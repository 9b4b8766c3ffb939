/** Archives for the analysis tests: the dossier people, a few more, and dossiers made in one bulk batch. */
import { bulkCreateDossiers, type BulkDossier } from '../../src-main/core/dossiers/bulk';
import type { TestArchive, TestPerson } from './archive';
import { asPerson } from './as-person';
import { makeDossierArchive, PEOPLE } from './dossiers';

/** The information analyst (信息分析员) of issue 18. */
export const ANALYST: TestPerson = {
  login: 'qian.fx',
  name: '钱分析',
  department: 'marketing',
  rank: 'staff',
  duties: ['analyst'],
  password: 'qian.fx-password-1',
};

/** PEOPLE and `extra`, then `items` created by the collector in one batch; the numbers it issued. */
export async function makeBulkArchive(extra: TestPerson[], items: BulkDossier[]): Promise<{ archive: TestArchive; numbers: string[] }> {
  const archive = await makeDossierArchive();
  try {
    for (const p of extra) await archive.addPerson(p);
    const { numbers } = await asPerson(archive, PEOPLE.collector, (collector) => bulkCreateDossiers(collector, items));
    return { archive, numbers };
  } catch (error) {
    archive.cleanup();
    throw error;
  }
}
