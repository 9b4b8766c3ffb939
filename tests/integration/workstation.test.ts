/**
 * Issue 14, point 4: the desktop app's main process as a workstation of a real archive server on
 * loopback. The renderer's requests go through the workstation router; the server's core decides and
 * journals. Pinned fingerprint only; unreachable server; the session's lock, idle lock and sign-out;
 * a write whose answer a dropped connection lost is applied exactly once; the server stopping.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LoanView } from '../../src-main/contract/loans';
import type { OpenArchive } from '../../src-main/core/vault/open-archive';
import { APP_STATE_FILE } from '../../src-main/app/app-state';
import type { TestArchive } from '../helpers/archive';
import { makeDossierArchive, PEOPLE } from '../helpers/dossiers';
import { serveArchive, type TestServer } from '../helpers/server';
import { cardFor, fileDossiers } from '../helpers/server-flow';
import { makeWorkstation, type TestWorkstation } from '../helpers/workstation';

let archive: TestArchive;
let served: TestServer;
let numbers: string[];
let address: string;
const workstations: TestWorkstation[] = [];

const serverArchive = (): OpenArchive => served.archive;
const count = (sql: string, ...args: unknown[]) =>
  (
    serverArchive()
      .db.prepare(sql)
      .get(...args) as { n: number }
  ).n;
const station = (options?: Parameters<typeof makeWorkstation>[0]) => {
  const w = makeWorkstation(options);
  workstations.push(w);
  return w;
};
const signIn = (w: TestWorkstation, person: { login: string; password: string }, fingerprint = served.fingerprint) =>
  w.call<{ login: string; address: string; settled: number }>('server:signIn', { address, fingerprint, login: person.login, password: person.password });

beforeAll(async () => {
  archive = await makeDossierArchive();
  numbers = await fileDossiers(archive, ['secret', 'secret', 'secret']);
  served = await serveArchive(archive);
  address = `127.0.0.1:${served.port}`;
}, 300_000);

afterAll(async () => {
  for (const w of workstations) await w.close();
  await served?.stop();
  archive?.cleanup();
});

describe('the desktop app as a workstation', () => {
  it('refuses any certificate but the pinned one, and says when the server cannot be reached', async () => {
    const w = station();
    const wrong = served.fingerprint.replace(/^../, served.fingerprint.startsWith('00') ? '11' : '00');
    const changed = await signIn(w, PEOPLE.manager, wrong);
    expect(changed.ok).toBe(false);
    if (!changed.ok) {
      expect(changed.error.code).toBe('remote.certificateChanged');
      expect(changed.error.message).toContain(served.fingerprint);
    }
    const unknown = await signIn(w, PEOPLE.manager, '');
    expect(!unknown.ok && unknown.error.code).toBe('remote.certificateUnknown');
    const closedPort = await w.call('server:signIn', { address: '127.0.0.1:1', fingerprint: served.fingerprint, login: 'x', password: 'y' });
    expect(!closedPort.ok && closedPort.error.code).toBe('remote.unreachable');
    // Nothing was remembered, and the renderer's requests still go to the (locked) local side.
    expect(w.state.recentServers).toEqual([]);
    const local = await w.call('people:list');
    expect(!local.ok && local.error.code).toBe('vault.locked');
    // A wrong password is refused by the server, in the language asked for.
    await w.call('app:setLocale', { locale: 'zh-CN' });
    const wrongPassword = await w.call('server:signIn', {
      address,
      fingerprint: served.fingerprint,
      login: PEOPLE.manager.login,
      password: 'not-the-password',
    });
    expect(!wrongPassword.ok && wrongPassword.error.code).toBe('vault.wrongPassword');
  });

  it('relays every archive channel once signed in; remembers the server in the state folder only; sign-out ends it', async () => {
    const w = station();
    const before = count("SELECT count(*) AS n FROM journal WHERE event = 'session.unlock' AND outcome = 'ok'");
    const signed = await signIn(w, PEOPLE.custodianC);
    expect(signed.ok && signed.value.login).toBe(PEOPLE.custodianC.login);
    expect(count("SELECT count(*) AS n FROM journal WHERE event = 'session.unlock' AND outcome = 'ok'")).toBe(before + 1);
    const current = await w.call<{ login: string } | null>('session:current');
    expect(current.ok && current.value?.login).toBe(PEOPLE.custodianC.login);
    const info = await w.call<{ unlocked: boolean; server?: string }>('app:info');
    expect(info.ok && info.value.unlocked).toBe(true);
    // A reloaded window learns the session is the server's (its lock leads to the server sign-in).
    expect(info.ok && info.value.server).toBe(address);
    const found = await w.call<{ total: number }>('dossiers:search', {});
    expect(found.ok).toBe(true);
    // Remembered with its fingerprint in the workstation's state folder, never in the archive folder.
    expect(JSON.parse(readFileSync(join(w.stateDir, APP_STATE_FILE), 'utf8')).recentServers[0]).toMatchObject({ address, fingerprint: served.fingerprint });
    const recent = await w.call<{ address: string }[]>('server:recent');
    expect(recent.ok && recent.value[0]?.address).toBe(address);
    expect(readdirSync(archive.folder).some((f) => f.includes('state'))).toBe(false);
    // The journal names the workstation as reported and the address the server saw.
    const last = serverArchive().db.prepare("SELECT details FROM journal WHERE event = 'session.unlock' ORDER BY seq DESC LIMIT 1").get() as {
      details: string;
    };
    expect(JSON.parse(last.details).remote.reported).toBe('test-workstation');

    const locked = await w.call('session:lock');
    expect(locked.ok).toBe(true);
    expect(w.events.some((e) => e.event === 'event:locked')).toBe(true);
    expect(w.link.actor).toBeNull();
    const after = await w.call('people:list');
    expect(!after.ok && after.error.code).toBe('vault.locked');
    const lockEntry = serverArchive().db.prepare("SELECT details FROM journal WHERE event = 'session.lock' ORDER BY seq DESC LIMIT 1").get() as {
      details: string;
    };
    expect(JSON.parse(lockEntry.details).reason).toBe('user');
  });

  it('locks after the archive idle time measured on the workstation', async () => {
    const w = station({ idleOverrideSeconds: 1 });
    expect((await signIn(w, PEOPLE.staff)).ok).toBe(true);
    w.away.seconds = 5;
    for (let i = 0; i < 100 && !w.events.some((e) => e.event === 'event:locked'); i++) await new Promise((r) => setTimeout(r, 50));
    expect(w.link.actor).toBeNull();
    expect(w.events.find((e) => e.event === 'event:locked')?.payload).toEqual({ reason: 'idle' });
    const lockEntry = serverArchive().db.prepare("SELECT details FROM journal WHERE event = 'session.lock' ORDER BY seq DESC LIMIT 1").get() as {
      details: string;
    };
    expect(JSON.parse(lockEntry.details).reason).toBe('idle');
  });

  it('a write whose answer was lost with the connection is applied exactly once at the next sign-in', async () => {
    const w = station();
    expect((await signIn(w, PEOPLE.manager)).ok).toBe(true);
    const client = (w.link as unknown as { signed: { client: { ws: { removeAllListeners(e: string): void; terminate(): void } } } }).signed.client;
    const loansBefore = count('SELECT count(*) AS n FROM loans');
    // The server applies the write, but its answer never reaches the workstation.
    client.ws.removeAllListeners('message');
    const pending = w.call<LoanView>('cards:file', cardFor(`${numbers[0]}-C`));
    for (let i = 0; i < 200 && count('SELECT count(*) AS n FROM loans') === loansBefore; i++) await new Promise((r) => setTimeout(r, 25));
    expect(count('SELECT count(*) AS n FROM loans')).toBe(loansBefore + 1);
    client.ws.terminate();
    const outcome = await pending;
    expect(!outcome.ok && outcome.error.code).toBe('remote.outcomeUnknown');
    for (let i = 0; i < 40 && !w.events.some((e) => e.event === 'event:serverLost'); i++) await new Promise((r) => setTimeout(r, 25));
    expect(w.events.find((e) => e.event === 'event:serverLost')?.payload).toEqual({ reason: 'disconnected' });
    expect(w.link.actor).toBeNull();
    expect(w.link.unsettledCount(address, PEOPLE.manager.login)).toBe(1);

    // Signing in again sends it once more with its key: the server answers it, applies nothing new.
    const again = await signIn(w, PEOPLE.manager);
    expect(again.ok && again.value.settled).toBe(1);
    expect(count('SELECT count(*) AS n FROM loans')).toBe(loansBefore + 1);
    expect(w.link.unsettledCount(address, PEOPLE.manager.login)).toBe(0);
    const filed = count("SELECT count(*) AS n FROM journal WHERE event = 'loan.file' AND outcome = 'ok'");
    expect(filed).toBe(count('SELECT count(*) AS n FROM loans'));

    // A write that never reached the server (the connection already gone) is applied once too.
    const client2 = (w.link as unknown as { signed: { client: { ws: { terminate(): void } } } }).signed.client;
    client2.ws.terminate();
    await new Promise((r) => setTimeout(r, 100));
    const refused = await w.call('cards:file', cardFor(`${numbers[1]}-C`));
    expect(!refused.ok && refused.error.code).toBe('vault.locked');
    expect(count('SELECT count(*) AS n FROM loans')).toBe(loansBefore + 1);
  });

  it('the server stopping clears the workstation and says so', async () => {
    const w = station();
    expect((await signIn(w, PEOPLE.custodianS)).ok).toBe(true);
    await served.stop();
    for (let i = 0; i < 80 && w.link.actor; i++) await new Promise((r) => setTimeout(r, 25));
    expect(w.link.actor).toBeNull();
    expect(w.events.find((e) => e.event === 'event:serverLost')?.payload).toEqual({ reason: 'stopped' });
    const after = await w.call('people:list');
    expect(!after.ok && after.error.code).toBe('vault.locked');
    expect(existsSync(archive.folder)).toBe(true);
  });
});
