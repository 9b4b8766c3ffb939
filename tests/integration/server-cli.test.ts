/**
 * Issue 14: `triplicate serve` in its own process, and the CLI as a workstation of it: an auditor
 * runs `journal verify` and `journal export` with --server/--fingerprint (same output and exit
 * codes as with --archive), a wrong fingerprint is refused, and stopping the server (SIGTERM)
 * leaves an archive whose journal verifies and whose key is no longer held.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ADMIN } from '../helpers/archive';
import { AUDITOR, serverOptions, useServedArchive } from '../helpers/served-archive';
import { runCli } from '../helpers/cli';
import { verifyArchiveJournal } from '../../src-main/core/journal/service';

const served = useServedArchive('triplicate-serve-out-');

const remote = (fingerprint = served.serve.fingerprint) => serverOptions(served, AUDITOR.login, fingerprint);

describe('the CLI against an archive server', () => {
  it('prints the certificate fingerprint and keeps the certificate beside the archive, not in it', () => {
    expect(served.serve.output()).toContain(served.serve.fingerprint);
    expect(existsSync(join(`${served.archive.folder}.server`, 'tls-cert.pem'))).toBe(true);
    expect(statSync(join(`${served.archive.folder}.server`, 'tls-key.pem')).mode & 0o077).toBe(0);
    expect(existsSync(join(served.archive.folder, 'tls-cert.pem'))).toBe(false);
  });

  it('journal verify as an auditor, same output and exit code as with --archive', () => {
    const result = runCli(['journal', 'verify', ...remote()], `${AUDITOR.password}\n`);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/Journal intact: \d+ entries/i);
  }, 60_000);

  it('journal export as an auditor writes the export and its manifest here, and verify-export accepts them', () => {
    const out = join(served.outDir, 'journal.csv');
    const result = runCli(['journal', 'export', ...remote(), '--format', 'csv', '--out', out], `${AUDITOR.password}\n`);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain(out);
    expect(readFileSync(out, 'utf8').length).toBeGreaterThan(100);
    expect(statSync(out).mode & 0o077).toBe(0);
    const verified = runCli(['verify-export', out, '--lang', 'en'], '');
    expect(verified.status).toBe(0);
  }, 60_000);

  it("the administrator is refused journal verify by the server's policy: exit 1, one line", () => {
    const args = remote().map((a) => (a === AUDITOR.login ? ADMIN.login : a));
    const result = runCli(['journal', 'verify', ...args], `${ADMIN.password}\n`);
    expect(result.status).toBe(1);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
  }, 60_000);

  it('a wrong password is refused with the usual message and exit 1', () => {
    const result = runCli(['journal', 'verify', ...remote()], 'not-the-password-1\n');
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('Wrong login or password');
  }, 60_000);

  it('a certificate other than the pinned one is refused, naming both fingerprints; nothing is signed in', () => {
    const wrong = served.serve.fingerprint.replace(/^../, served.serve.fingerprint.startsWith('00') ? '11' : '00');
    const result = runCli(['journal', 'verify', ...remote(wrong)], `${AUDITOR.password}\n`);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(served.serve.fingerprint);
    expect(result.stderr).toContain(wrong);
  }, 60_000);

  it('SIGTERM ends the sessions, signs the head, closes the archive; it then unlocks locally and verifies', async () => {
    served.serve.child.kill('SIGTERM');
    expect(await served.serve.exited).toBe(0);
    expect(served.serve.output()).toMatch(/Stopped/);
    const auditor = await served.archive.unlock(AUDITOR.login, AUDITOR.password);
    try {
      const report = await verifyArchiveJournal(auditor);
      expect(report.ok).toBe(true);
      const events = auditor.archive.db
        .prepare(
          "SELECT event, outcome FROM journal WHERE event IN ('archive.serve', 'remote.refused') OR (event = 'session.unlock' AND details LIKE '%remote%')",
        )
        .all() as Array<{ event: string; outcome: string }>;
      expect(events.filter((e) => e.event === 'archive.serve' && e.outcome === 'ok')).toHaveLength(1);
      expect(events.some((e) => e.event === 'session.unlock' && e.outcome === 'denied')).toBe(true);
    } finally {
      await auditor.lock();
    }
  }, 60_000);
});
