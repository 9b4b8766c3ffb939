/**
 * Issue 14: a rekey through the archive server moves the archive to a new connection and a new WAL
 * file. The server's commit rule (synchronous=NORMAL, answers after one shared sync of the WAL,
 * group-sync.ts) must follow it: before, the new connection synced every commit until a restart,
 * and the group sync kept syncing the replaced WAL's descriptor.
 */
import { fstatSync, statSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OpenArchive } from '../../src-main/core/vault/open-archive';
import type { ArchiveSettings } from '../../src-main/contract/settings';
import { ADMIN, makeArchive, type TestArchive } from '../helpers/archive';
import { serveArchive, type TestServer } from '../helpers/server';

let archive: TestArchive;
let served: TestServer;
const internals = () => served.server as unknown as { ctx: { archive: OpenArchive }; sync: { fd: number | null } };
// SQLite's numbers for the pragma: 1 = NORMAL, 2 = FULL.
const synchronous = () => internals().ctx.archive.db.pragma('synchronous', { simple: true }) as number;

beforeAll(async () => {
  archive = await makeArchive();
  served = await serveArchive(archive);
}, 120_000);

afterAll(async () => {
  await served?.stop();
  archive?.cleanup();
});

describe('a rekey through the archive server', () => {
  it('keeps group commit on the new connection, syncing the new WAL file', async () => {
    const admin = await served.signedIn(ADMIN);
    try {
      expect(synchronous()).toBe(1);
      const before = internals().ctx.archive.db;
      const rekeyed = await admin.call<{ epoch: number }>('vault:rekey', {});
      expect(rekeyed.ok).toBe(true);
      const after = internals().ctx.archive.db;
      expect(after).not.toBe(before);
      expect(synchronous()).toBe(1);

      // A write after the rekey is answered only after a sync of the WAL file that now holds it.
      const updated = await admin.call<ArchiveSettings>('settings:update', { idleLockMinutes: 7 });
      expect(updated.ok && updated.value.idleLockMinutes).toBe(7);
      const fd = internals().sync.fd;
      expect(fd).not.toBeNull();
      expect(fstatSync(fd!).ino).toBe(statSync(`${after.name}-wal`).ino);

      const read = await admin.call<ArchiveSettings>('settings:get', {});
      expect(read.ok && read.value.idleLockMinutes).toBe(7);
    } finally {
      await admin.close();
    }
  }, 120_000);
});
