/** People in every duty a dossier test needs, and a complete dossier to file. */
import { expect } from 'vitest';
import type { NewDossier } from '../../src-main/contract/dossiers';
import { ArchiveError } from '../../src-main/core/errors';
import { makeArchive, type TestArchive, type TestPerson } from './archive';

const person = (login: string, name: string, department: string, rank: TestPerson['rank'], duties: TestPerson['duties'] = []): TestPerson => ({
  login,
  name,
  department,
  rank,
  duties,
  password: `${login}-password-1`,
});

export const PEOPLE = {
  collector: person('wang.cai', '王采', 'customer-service', 'staff', ['collector']),
  otherCollector: person('zhao.ji', '赵集', 'customer-service', 'staff', ['collector']),
  manager: person('zhang.jl', '张经理', 'key-accounts', 'account-manager'),
  otherManager: person('liu.jl', '刘经理', 'sales', 'account-manager'),
  custodianC: person('chen.bg', '陈保管', 'customer-service', 'staff', ['custodian']),
  custodianS: person('sun.bg', '孙保管', 'sales', 'staff', ['custodian']),
  custodianM: person('zhou.bg', '周保管', 'marketing', 'staff', ['custodian']),
  deptManager: person('wu.bz', '吴部长', 'key-accounts', 'department-manager'),
  staff: person('xu.yg', '徐员工', 'sales', 'staff'),
} as const;

export async function makeDossierArchive(): Promise<TestArchive> {
  const archive = await makeArchive();
  for (const p of Object.values(PEOPLE)) await archive.addPerson(p);
  return archive;
}

export function unlockAs(archive: TestArchive, p: TestPerson) {
  return archive.unlock(p.login, p.password);
}

export function completeDossier(overrides: Partial<NonNullable<NewDossier['basic']>> = {}): NewDossier {
  return {
    basic: {
      customerName: '上海华为电子科技有限公司',
      legalRepresentative: '任正',
      address: '上海市浦东新区张江路 88 号',
      phone: '021-5555-0101',
      industry: '电子制造',
      sourceChannel: 'exhibitions',
      ...overrides,
    },
    classification: { grade: 'A', secrecy: 'secret', lifecycle: 'maintained', responsibleManager: PEOPLE.manager.login },
    keyPersons: [
      { name: '李明', title: '采购总监', purchaseRole: '决策者', phone: '138-0000-0001' },
      { name: '王芳', title: '财务经理', purchaseRole: '影响者' },
    ],
  };
}

export async function expectCode(promise: Promise<unknown>, code: string): Promise<ArchiveError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ArchiveError);
  expect((error as ArchiveError).code).toBe(code);
  return error as ArchiveError;
}
