/**
 * `triplicate loan list` and `triplicate register export` against a real archive: the same policy
 * and journal as the app (a custodian of another department is refused, exit 1), and the CSV
 * opens in Excel with Chinese text (UTF-8 with BOM).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDossier, fileDossier } from '../../src-main/core/dossiers/service';
import { approveCard, fileCard } from '../../src-main/core/loans/service';
import { lastEntries, type TestArchive } from '../helpers/archive';
import { runCli } from '../helpers/cli';
import { completeDossier, makeDossierArchive, PEOPLE, unlockAs } from '../helpers/dossiers';

let archive: TestArchive;
let card: string;
let number: string;

const cli = (args: string[], who: { login: string; password: string }) =>
  runCli([...args, '--archive', archive.folder, '--as', who.login, '--password-stdin'], `${who.password}\n`, { TRIPLICATE_STATE_DIR: archive.stateDir });

beforeAll(async () => {
  archive = await makeDossierArchive();
  const collector = await unlockAs(archive, PEOPLE.collector);
  const borrower = await unlockAs(archive, PEOPLE.manager);
  const custodian = await unlockAs(archive, PEOPLE.custodianS);
  number = (await createDossier(collector, completeDossier())).number;
  await fileDossier(collector, { number });
  card = (
    await fileCard(borrower, {
      copyNumber: `${number}-S`,
      purpose: '续约谈判',
      form: 'printed',
      periodDays: 2,
      readingPlace: '总部档案室',
      acknowledgeNoPublicReading: true,
    })
  ).card;
  await approveCard(custodian, { card });
  for (const s of [collector, borrower, custodian]) await s.lock();
}, 300_000);
afterAll(() => archive.cleanup());

describe('borrowing from the command line', () => {
  it("loan list shows a department's loans to its custodian, and the loan (made on the test clock) as overdue now", () => {
    const all = cli(['loan', 'list', '--department', 'sales', '--json'], PEOPLE.custodianS);
    expect(all.status, all.stderr).toBe(0);
    const rows = JSON.parse(all.stdout) as { card: string; state: string }[];
    expect(rows.map((r) => r.card)).toEqual([card]);
    const overdue = cli(['loan', 'list', '--department', 'sales', '--overdue'], PEOPLE.custodianS);
    expect(overdue.status, overdue.stderr).toBe(0);
    expect(overdue.stdout).toContain(card);
    expect(overdue.stdout).toContain('overdue');
    const own = cli(['loan', 'list'], PEOPLE.manager);
    expect(own.stdout).toContain(card);
  });

  it('a custodian of another department is refused the register (exit 1, journaled)', async () => {
    const refused = cli(['loan', 'list', '--department', 'sales'], PEOPLE.custodianM);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/custodian of the department/);
    const s = await unlockAs(archive, PEOPLE.custodianM);
    try {
      // The CLI's own session ends with its lock entry; the refusal is just before it.
      const entry = lastEntries(s, 5)
        .filter((e) => e.event === 'loan.list')
        .at(-1);
      expect(entry).toMatchObject({ event: 'loan.list', outcome: 'denied', reason: 'denied.notCopyCustodian' });
    } finally {
      await s.lock();
    }
  });

  it("register export writes the department's register as CSV with a BOM", () => {
    const out = join(archive.folder, '..', 'sales-register.csv');
    const result = cli(['register', 'export', '--department', 'sales', '--out', out], PEOPLE.custodianS);
    expect(result.status, result.stderr).toBe(0);
    const csv = readFileSync(out, 'utf8');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv).toContain(card);
    expect(csv).toContain('张经理');
    const again = cli(['register', 'export', '--department', 'sales', '--out', out], PEOPLE.custodianS);
    expect(again.status).toBe(1);
  });
});
