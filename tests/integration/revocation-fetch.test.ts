/**
 * The revocation list reaches the laptop from the archive server (issue 15, point 4), against a
 * real `triplicate serve` on 127.0.0.1: `offline revocations --server --fingerprint` fetches the
 * signed list as the borrower and writes it (journaled on the server); the reader's main-side
 * fetch keeps it on the laptop and closes the package open in the reader, which then refuses to
 * open and has its key destroyed; a wrong fingerprint sends nothing.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ReaderHost } from '../../src-main/app/reader-host';
import type { ReaderEnd } from '../../src-main/contract/ipc-reader';
import * as offline from '../../src-main/core/offline';
import { ADMIN, type TestArchive } from '../helpers/archive';
import { runCli } from '../helpers/cli';
import { expectCode, makeDossierArchive, PEOPLE, unlockAs } from '../helpers/dossiers';
import { issuePackage } from '../helpers/offline-packages';
import { startServe, type ServeProcess } from '../helpers/serve-process';

const PASSPHRASE = 'laptop passphrase 2026';

let archive: TestArchive;
let serve: ServeProcess;
let dir: string;
let pkg: { id: string; file: string };

beforeAll(async () => {
  archive = await makeDossierArchive();
  // The served archive runs on real time; the package is issued on it too.
  archive.clock.set(new Date());
  dir = mkdtempSync(join(tmpdir(), 'triplicate-revocation-fetch-'));
  pkg = await issuePackage(
    archive,
    { passphrase: PASSPHRASE, out: () => join(dir, 'laptop.tpkg'), readingPlace: '客户经理本人笔记本电脑' },
    async (borrower, issued) => {
      // The laptop is lost: the borrower revokes at the office; the laptop has not heard yet.
      await offline.revokePackage(borrower, { card: issued.card, reason: '笔记本电脑遗失' });
    },
  );
  serve = await startServe(archive.folder, ADMIN.login, ADMIN.password, { TRIPLICATE_STATE_DIR: archive.stateDir });
}, 300_000);

afterAll(async () => {
  if (serve && serve.child.exitCode === null) {
    serve.child.kill('SIGTERM');
    await serve.exited;
  }
  rmSync(dir, { recursive: true, force: true });
  archive?.cleanup();
}, 60_000);

const server = () => `127.0.0.1:${serve.port}`;

describe('the revocation list from the archive server', () => {
  it('offline revocations --server fetches the signed list as the borrower and writes it here', () => {
    const out = join(dir, 'fetched.json');
    const result = runCli(
      [
        'offline',
        'revocations',
        '--server',
        server(),
        '--fingerprint',
        serve.fingerprint,
        '--as',
        PEOPLE.manager.login,
        '--out',
        out,
        '--password-stdin',
        '--lang',
        'en',
      ],
      `${PEOPLE.manager.password}\n`,
    );
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain(out);
    const named = (JSON.parse(readFileSync(out, 'utf8')) as { list: { packages: { package: string }[] } }).list.packages.map((p) => p.package);
    expect(named).toContain(pkg.id);
    // A wrong fingerprint: refused before anything is sent, nothing written.
    const wrong = runCli(
      [
        'offline',
        'revocations',
        '--server',
        server(),
        '--fingerprint',
        'AA:'.repeat(31) + 'AA',
        '--as',
        PEOPLE.manager.login,
        '--out',
        join(dir, 'never.json'),
        '--password-stdin',
        '--lang',
        'en',
      ],
      `${PEOPLE.manager.password}\n`,
    );
    expect(wrong.status).toBe(1);
    expect(wrong.stderr).toMatch(/certificate/i);
  }, 120_000);

  it('the reader fetches it, closes the package open now, and the package never opens again', async () => {
    const closed: ReaderEnd[] = [];
    const reader = new ReaderHost({
      stateDir: join(dir, 'laptop-state'),
      clock: archive.clock,
      workstation: 'laptop-zhang',
      idleSource: { idleSeconds: () => 0 },
      onClosed: (r) => closed.push(r),
    });
    try {
      reader.choose(pkg.file);
      await reader.open(PASSPHRASE);
      expect(reader.isOpen).toBe(true);
      await expect(
        reader.fetchRevocations({ server: server(), fingerprint: serve.fingerprint, login: PEOPLE.manager.login, password: 'wrong password 123' }),
      ).rejects.toMatchObject({
        code: 'vault.wrongPassword',
      });
      expect(reader.isOpen).toBe(true);
      const fetched = await reader.fetchRevocations({
        server: server(),
        fingerprint: serve.fingerprint,
        login: PEOPLE.manager.login,
        password: PEOPLE.manager.password,
      });
      expect(fetched.closedOpen).toBe(true);
      expect(fetched.list.packages).toBeGreaterThanOrEqual(1);
      expect(closed).toContain('revoked');
      expect(reader.lists()).toHaveLength(1);
      reader.choose(pkg.file);
      await expectCode(reader.open(PASSPHRASE), 'offline.destroyed');
    } finally {
      reader.close('quit');
    }
  }, 120_000);
});

describe('after the server stops', () => {
  it('the server journaled each fetch as the borrower', async () => {
    serve.child.kill('SIGTERM');
    await serve.exited;
    const reader = await unlockAs(archive, PEOPLE.custodianS);
    try {
      const rows = reader.archive.db.prepare(`SELECT actor_name, details FROM journal WHERE event = 'offline.revocations' AND outcome = 'ok'`).all() as {
        actor_name: string;
        details: string;
      }[];
      const fetched = rows.filter((r) => (JSON.parse(r.details) as { fetched?: boolean }).fetched === true);
      expect(fetched.length).toBe(2);
      expect(fetched.every((r) => r.actor_name === PEOPLE.manager.name)).toBe(true);
    } finally {
      await reader.lock();
    }
  }, 120_000);
});
