/**
 * Issue 14: the archive server killed with SIGKILL while a write is on its way. The workstation is
 * told the outcome is unknown; the server restarts (same certificate), the administrator unlocks
 * it again, the retried write (same idempotency key) is applied exactly once, and the journal verifies.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { LoanView } from '../../src-main/contract/loans';
import { verifyArchiveJournal } from '../../src-main/core/journal/service';
import { newRequestKey, RemoteClient } from '../../src-main/ipc/remote/client';
import { ADMIN, type TestArchive } from '../helpers/archive';
import { makeDossierArchive, PEOPLE } from '../helpers/dossiers';
import { startServe, type ServeProcess } from '../helpers/serve-process';
import { cardFor, fileDossiers } from '../helpers/server-flow';

const AUDITOR = { login: 'shen.sj', name: '沈审计', department: 'audit', rank: 'staff' as const, duties: ['auditor' as const], password: 'shen-password-01' };
/** Milliseconds between sending the write and the kill: before, during and after the write. */
const KILL_DELAYS = [0, 4, 25];

let archive: TestArchive;
let numbers: string[];
let serve: ServeProcess | null = null;

beforeAll(async () => {
  archive = await makeDossierArchive();
  await archive.addPerson(AUDITOR);
  numbers = await fileDossiers(
    archive,
    KILL_DELAYS.map(() => 'secret' as const),
  );
}, 300_000);

afterAll(async () => {
  if (serve && serve.child.exitCode === null) {
    serve.child.kill('SIGKILL');
    await serve.exited;
  }
  archive?.cleanup();
});

const start = () => startServe(archive.folder, ADMIN.login, ADMIN.password, { TRIPLICATE_STATE_DIR: archive.stateDir });

async function signedIn(s: ServeProcess): Promise<RemoteClient> {
  const client = await RemoteClient.connect({ host: '127.0.0.1', port: s.port, fingerprint: s.fingerprint, connectTimeoutMs: 10_000 });
  const who = await client.signIn(PEOPLE.manager.login, PEOPLE.manager.password);
  expect(who.ok).toBe(true);
  return client;
}

it('a write interrupted by SIGKILL is reported unknown, and its retry applies once', async () => {
  serve = await start();
  const fingerprint = serve.fingerprint;
  for (const [i, delay] of KILL_DELAYS.entries()) {
    const copy = `${numbers[i]}-S`;
    const client = await signedIn(serve);
    const key = newRequestKey();
    const answer = client.call<LoanView>('cards:file', cardFor(copy), { key });
    await new Promise((r) => setTimeout(r, delay));
    serve.child.kill('SIGKILL');
    expect(await serve.exited).toBe('SIGKILL');
    const first = await answer;
    if (!first.ok) expect(first.error.code).toBe('remote.outcomeUnknown');
    await client.close();

    serve = await start();
    expect(serve.fingerprint).toBe(fingerprint);
    const again = await signedIn(serve);
    const retried = await again.call<LoanView>('cards:file', cardFor(copy), { key });
    if (!retried.ok) expect(retried.error.code).toBe('remote.alreadyApplied');
    if (first.ok && retried.ok) expect(retried.value).toEqual(first.value);
    const mine = await again.call<LoanView[]>('loans:list', {});
    expect(mine.ok).toBe(true);
    expect((mine as { value: LoanView[] }).value.filter((l) => l.copyNumber === copy)).toHaveLength(1);
    await again.close();
  }
  serve.child.kill('SIGTERM');
  expect(await serve.exited).toBe(0);

  const auditor = await archive.unlock(AUDITOR.login, AUDITOR.password);
  try {
    expect((await verifyArchiveJournal(auditor)).ok).toBe(true);
    for (const n of numbers) {
      const filed = auditor.archive.db
        .prepare("SELECT count(*) AS n FROM journal WHERE event = 'loan.file' AND outcome = 'ok' AND details LIKE ?")
        .get(`%${n}-S%`) as { n: number };
      expect(filed.n, n).toBe(1);
    }
  } finally {
    await auditor.lock();
  }
}, 300_000);
