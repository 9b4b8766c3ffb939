/**
 * `triplicate offline issue | read | return` as a borrower and a custodian would run them: the
 * real command in a child process, passwords on stdin, the same policy and journal as the app.
 * The loan is made on today's clock, because the CLI (and the laptop) use the system's.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDossier, fileDossier } from '../../src-main/core/dossiers/service';
import { approveCard, fileCard } from '../../src-main/core/loans/service';
import { lastEntries, type TestArchive } from '../helpers/archive';
import { runCli } from '../helpers/cli';
import { completeDossier, makeDossierArchive, PEOPLE, unlockAs } from '../helpers/dossiers';

const PASSPHRASE = 'cli laptop passphrase';
let archive: TestArchive;
let dir: string;
let card: string;

const withArchive = (args: string[], who: { login: string; password: string }, extraStdin = '') =>
  runCli([...args, '--archive', archive.folder, '--as', who.login, '--password-stdin'], `${who.password}\n${extraStdin}`, { TRIPLICATE_STATE_DIR: archive.stateDir });

beforeAll(async () => {
  archive = await makeDossierArchive();
  archive.clock.set(new Date());
  const collector = await unlockAs(archive, PEOPLE.collector);
  const borrower = await unlockAs(archive, PEOPLE.manager);
  const custodian = await unlockAs(archive, PEOPLE.custodianS);
  const number = (await createDossier(collector, completeDossier())).number;
  await fileDossier(collector, { number });
  card = (await fileCard(borrower, { copyNumber: `${number}-S`, purpose: '出差拜访', form: 'offline', periodDays: 2, readingPlace: '本人笔记本电脑', acknowledgeNoPublicReading: true })).card;
  await approveCard(custodian, { card });
  for (const s of [collector, borrower, custodian]) await s.lock();
  dir = mkdtempSync(join(tmpdir(), 'triplicate-offline-cli-'));
}, 300_000);
afterAll(() => {
  archive.cleanup();
  rmSync(dir, { recursive: true, force: true });
});

describe('offline packages from the command line', () => {
  it('the borrower issues, reads with no archive, and the custodian returns it with the reads journaled', async () => {
    const out = join(dir, 'pkg.tpkg');
    const refused = withArchive(['offline', 'issue', '--card', card, '--out', join(dir, 'other.tpkg')], PEOPLE.otherManager, `${PASSPHRASE}\n`);
    expect(refused.status).toBe(1);
    expect(existsSync(join(dir, 'other.tpkg'))).toBe(false);

    const issued = withArchive(['offline', 'issue', '--card', card, '--out', out], PEOPLE.manager, `${PASSPHRASE}\n`);
    expect(issued.status, issued.stderr).toBe(0);
    expect(issued.stdout).toContain(card);
    expect(readFileSync(out).includes(Buffer.from('上海华为', 'utf8'))).toBe(false);

    const read = runCli(['offline', 'read', out, '--section', 'basic', '--password-stdin'], `${PASSPHRASE}\n`);
    expect(read.status, read.stderr).toBe(0);
    expect(read.stdout).toContain('上海华为电子科技有限公司');
    expect(read.stdout).toContain(PEOPLE.manager.name);
    expect(read.stdout).not.toContain('李明');
    const wrong = runCli(['offline', 'read', out, '--password-stdin'], 'wrong passphrase here\n');
    expect(wrong.status).toBe(1);
    expect(wrong.stderr).toContain('Wrong package passphrase');

    const returned = withArchive(['offline', 'return', out], PEOPLE.custodianS);
    expect(returned.status, returned.stderr).toBe(0);
    expect(returned.stdout).toContain('1 offline reads imported');
    const auditorView = await unlockAs(archive, PEOPLE.custodianS);
    try {
      const events = lastEntries(auditorView, 5).map((e) => [e.event, e.outcome, e.actorName]);
      expect(events).toContainEqual(['dossier.open', 'ok', PEOPLE.manager.name]);
      expect(events).toContainEqual(['offline.return', 'ok', PEOPLE.custodianS.name]);
      expect(events).toContainEqual(['loan.return', 'ok', PEOPLE.custodianS.name]);
    } finally {
      await auditorView.lock();
    }
  });
});
