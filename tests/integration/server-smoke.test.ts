import { expect, it } from 'vitest';
import { ADMIN, makeArchive } from '../helpers/archive';
import { serveArchive } from '../helpers/server';

it('smoke', async () => {
  const archive = await makeArchive();
  const s = await serveArchive(archive);
  const c = await s.connect();
  const before = await c.call('people:list');
  expect(before).toMatchObject({ ok: false, error: { code: 'remote.notSignedIn' } });
  const who = await c.signIn(ADMIN.login, ADMIN.password);
  expect(who).toMatchObject({ ok: true, value: { login: 'admin' } });
  const people = await c.call('people:list');
  expect(people.ok).toBe(true);
  await c.close();
  await s.stop();
  archive.cleanup();
}, 60_000);
