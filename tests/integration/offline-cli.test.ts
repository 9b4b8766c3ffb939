/**
 * `triplicate offline issue | read | return` as a borrower and a custodian would run them: the
 * real command in a child process, passwords on stdin, the same policy and journal as the app.
 * The loan is made on today's clock, because the CLI (and the laptop) use the system's.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fictionalDossier, seededRng } from '../../src-main/cli/demo/data';
import { createDossier, fileDossier } from '../../src-main/core/dossiers/service';
import { approveCard, fileCard } from '../../src-main/core/loans/service';
import { lastEntries, type TestArchive } from '../helpers/archive';
import { runCli } from '../helpers/cli';
import { completeDossier, makeDossierArchive, PEOPLE, unlockAs } from '../helpers/dossiers';

const PASSPHRASE = 'cli laptop passphrase';
const BIN = join(__dirname, '..', '..', 'src-main', 'cli', 'bin.cjs');
let archive: TestArchive;
let dir: string;
let card: string;

const withArchive = (args: string[], who: { login: string; password: string }, extraStdin = '') =>
  runCli([...args, '--archive', archive.folder, '--as', who.login, '--password-stdin'], `${who.password}\n${extraStdin}`, {
    TRIPLICATE_STATE_DIR: archive.stateDir,
  });

beforeAll(async () => {
  archive = await makeDossierArchive();
  archive.clock.set(new Date());
  const collector = await unlockAs(archive, PEOPLE.collector);
  const borrower = await unlockAs(archive, PEOPLE.manager);
  const custodian = await unlockAs(archive, PEOPLE.custodianS);
  const number = (await createDossier(collector, completeDossier())).number;
  await fileDossier(collector, { number });
  card = (
    await fileCard(borrower, {
      copyNumber: `${number}-S`,
      purpose: '出差拜访',
      form: 'offline',
      periodDays: 2,
      readingPlace: '本人笔记本电脑',
      acknowledgeNoPublicReading: true,
    })
  ).card;
  await approveCard(custodian, { card });
  for (const s of [collector, borrower, custodian]) await s.lock();
  dir = mkdtempSync(join(tmpdir(), 'triplicate-offline-cli-'));
}, 300_000);
afterAll(() => {
  archive.cleanup();
  rmSync(dir, { recursive: true, force: true });
});

describe('offline packages from the command line', () => {
  it('Ctrl+C at the passphrase ends the command with 130 and no stack trace', async () => {
    const child = spawn(process.execPath, [BIN, 'offline', 'read', join(dir, 'none.tpkg'), '--password-stdin'], {
      env: { ...process.env, LANG: 'en_US.UTF-8', LC_ALL: '' },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    // stdin stays open: the command waits for the passphrase line until interrupted. Wait until it
    // is idle there (Linux: its CPU time in /proc stops moving for a second), at most 60 s.
    const cpu = () => {
      try {
        const fields = readFileSync(`/proc/${child.pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
        return Number(fields[11]) + Number(fields[12]);
      } catch {
        return -1;
      }
    };
    let last = cpu();
    let still = 0;
    for (let i = 0; i < 240 && still < 4; i++) {
      await new Promise((r) => setTimeout(r, 250));
      const now = cpu();
      still = now === last && now > 0 ? still + 1 : 0;
      last = now;
    }
    child.kill('SIGINT');
    const code = await new Promise<number | null>((resolve) => {
      const timer = setTimeout(() => (child.kill('SIGKILL'), resolve(null)), 20_000);
      child.on('exit', (c) => (clearTimeout(timer), resolve(c)));
    });
    expect(code).toBe(130);
    expect(stderr).not.toMatch(/Error| {4}at /);
  });

  it("offline read prints none of a demo customer's names or phone numbers", async () => {
    // The demo's own generator (triplicate demo): Chinese names, addresses and phone numbers.
    const demo = fictionalDossier(seededRng(20261206), PEOPLE.manager.login);
    const content = { ...demo, classification: { ...demo.classification, secrecy: 'secret' as const, lifecycle: 'maintained' as const } };
    const collector = await unlockAs(archive, PEOPLE.collector);
    const number = (await createDossier(collector, content)).number;
    await fileDossier(collector, { number });
    await collector.lock();
    const borrower = await unlockAs(archive, PEOPLE.manager);
    const demoCard = (
      await fileCard(borrower, {
        copyNumber: `${number}-S`,
        purpose: '出差拜访',
        form: 'offline',
        periodDays: 2,
        readingPlace: '本人笔记本电脑',
        acknowledgeNoPublicReading: true,
      })
    ).card;
    await borrower.lock();
    const custodian = await unlockAs(archive, PEOPLE.custodianS);
    await approveCard(custodian, { card: demoCard });
    await custodian.lock();
    const out = join(dir, 'demo.tpkg');
    const issued = withArchive(['offline', 'issue', '--card', demoCard, '--out', out], PEOPLE.manager, `${PASSPHRASE}\n`);
    expect(issued.status, issued.stderr).toBe(0);
    const secrets = [
      content.basic.legalRepresentative,
      content.basic.address,
      content.basic.phone,
      content.basic.creditCode,
      ...(content.keyPersons ?? []).flatMap((p) => [p.name, p.phone]),
    ].filter((v): v is string => typeof v === 'string' && v.length > 0);
    expect(secrets.length).toBeGreaterThanOrEqual(5);
    for (const args of [[], ['--json']]) {
      const read = runCli(['offline', 'read', out, '--password-stdin', ...args], `${PASSPHRASE}\n`);
      expect(read.status, read.stderr).toBe(0);
      expect(read.stdout).toContain(content.basic.customerName);
      for (const value of secrets) expect(read.stdout, value).not.toContain(value);
    }
  });

  it('the borrower issues, reads with no archive, and the custodian returns it with the reads journaled', async () => {
    const out = join(dir, 'pkg.tpkg');
    const refused = withArchive(['offline', 'issue', '--card', card, '--out', join(dir, 'other.tpkg')], PEOPLE.otherManager, `${PASSPHRASE}\n`);
    expect(refused.status).toBe(1);
    expect(existsSync(join(dir, 'other.tpkg'))).toBe(false);

    const issued = withArchive(['offline', 'issue', '--card', card, '--out', out], PEOPLE.manager, `${PASSPHRASE}\n`);
    expect(issued.status, issued.stderr).toBe(0);
    expect(issued.stdout).toContain(card);
    expect(readFileSync(out).includes(Buffer.from('上海华为', 'utf8'))).toBe(false);

    // What the package is, never its content: no field value of the dossier but its name.
    const read = runCli(['offline', 'read', out, '--password-stdin'], `${PASSPHRASE}\n`);
    expect(read.status, read.stderr).toBe(0);
    expect(read.stdout).toContain('上海华为电子科技有限公司');
    expect(read.stdout).toContain(PEOPLE.manager.name);
    expect(read.stdout).toContain(card);
    expect(read.stdout).toMatch(/Readable\tyes/);
    expect(read.stdout).toMatch(/Reading log\t1 entries, intact/);
    for (const value of ['任正', '上海市浦东新区张江路', '021-5555-0101', '电子制造', '李明', '王芳', '138-0000-0001', '采购总监', '财务经理']) {
      expect(read.stdout).not.toContain(value);
    }
    const json = runCli(['offline', 'read', out, '--password-stdin', '--json'], `${PASSPHRASE}\n`);
    expect(json.status, json.stderr).toBe(0);
    expect(JSON.parse(json.stdout)).toMatchObject({ readable: true, log: { status: 'intact', entries: 2 } });
    expect(json.stdout).not.toContain('138-0000-0001');
    const sections = runCli(['offline', 'read', out, '--section', 'keyPersons', '--password-stdin'], `${PASSPHRASE}\n`);
    expect(sections.status).toBe(2);
    expect(sections.stdout).not.toContain('李明');
    // A reader that goes away (| head -1) ends the command quietly: no stack trace.
    const piped = spawnSync(
      'bash',
      [
        '-c',
        `set -o pipefail; printf '%s\\n' "$PASS" | "${process.execPath}" "${BIN}" offline read "${out}" --password-stdin | head -1; echo "status=\${PIPESTATUS[1]}" >&2`,
      ],
      {
        encoding: 'utf8',
        env: { ...process.env, PASS: PASSPHRASE, TRIPLICATE_KDF_TARGET_MS: '1', LANG: 'en_US.UTF-8', LC_ALL: '' },
        timeout: 60_000,
      },
    );
    expect(piped.stdout.trim().split('\n')).toHaveLength(1);
    expect(piped.stderr).not.toMatch(/EPIPE|Error| {4}at /);
    expect(piped.stderr).toMatch(/status=0/);
    // A reader that is gone before anything is written (| true): still no trace, exit 0.
    const gone = spawnSync(
      'bash',
      ['-c', `printf '%s\\n' "$PASS" | "${process.execPath}" "${BIN}" offline read "${out}" --password-stdin | true; echo "status=\${PIPESTATUS[1]}" >&2`],
      {
        encoding: 'utf8',
        env: { ...process.env, PASS: PASSPHRASE, TRIPLICATE_KDF_TARGET_MS: '1', LANG: 'en_US.UTF-8', LC_ALL: '' },
        timeout: 60_000,
      },
    );
    expect(gone.stderr).not.toMatch(/EPIPE|Error| {4}at /);
    expect(gone.stderr).toMatch(/status=0/);
    const wrong = runCli(['offline', 'read', out, '--password-stdin'], 'wrong passphrase here\n');
    expect(wrong.status).toBe(1);
    expect(wrong.stderr).toContain('Wrong package passphrase');

    const returned = withArchive(['offline', 'return', out], PEOPLE.custodianS);
    expect(returned.status, returned.stderr).toBe(0);
    expect(returned.stdout).toMatch(/[345] offline reads imported/);
    const dead = runCli(['offline', 'read', out, '--password-stdin'], `${PASSPHRASE}\n`);
    expect(dead.status, dead.stderr).toBe(0);
    expect(dead.stdout).toMatch(/Readable\tno: This offline package was returned or revoked/);
    const auditorView = await unlockAs(archive, PEOPLE.custodianS);
    try {
      const events = lastEntries(auditorView, 5).map((e) => [e.event, e.outcome, e.actorName]);
      expect(events).toContainEqual(['dossier.open', 'ok', PEOPLE.manager.name]);
      expect(events).toContainEqual(['offline.return', 'ok', PEOPLE.custodianS.name]);
      expect(events).toContainEqual(['loan.return', 'ok', PEOPLE.custodianS.name]);
    } finally {
      await auditorView.lock();
    }
  }, 600_000);
});
