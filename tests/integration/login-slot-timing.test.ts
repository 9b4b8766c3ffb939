/**
 * An unknown login must cost what a wrong password costs (login-slot.ts), or the time of a refusal
 * says whether the login exists: at the archive server's sign-in, to anyone who can reach it. The
 * derivations are recorded, then run for real, against a real archive's keyring.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deriveKey, type KdfParams } from '../../src-main/core/vault/kdf';
import { readKeyring, type Keyring } from '../../src-main/core/vault/keyring';
import { openLoginSlot } from '../../src-main/core/vault/login-slot';
import { makeArchive, type TestArchive } from '../helpers/archive';

const MANAGER = { login: 'wang.jl', name: '王经理', department: 'sales', rank: 'account-manager' as const, password: 'wang-password-01' };

let archive: TestArchive;
let keyring: Keyring;

beforeAll(async () => {
  archive = await makeArchive();
  await archive.addPerson(MANAGER);
  keyring = readKeyring(archive.folder);
}, 120_000);
afterAll(() => archive?.cleanup());

async function costsOf(login: string, password: string): Promise<Omit<KdfParams, 'salt'>[]> {
  const seen: Omit<KdfParams, 'salt'>[] = [];
  const opened = await openLoginSlot(keyring, login, password, undefined, (secret, params) => {
    const { salt: _salt, ...cost } = params;
    seen.push(cost);
    return deriveKey(secret, params);
  });
  opened?.pair.privateKey.fill(0);
  expect(opened).toBeNull();
  return seen;
}

describe('a refused login and password', () => {
  it('costs the same argon2id whether the login exists or not', async () => {
    const slotCost = keyring.slots.filter((s) => s.kind === 'person').at(-1)!.kdf;
    const { salt: _salt, ...expected } = slotCost;
    // The tests' slots carry two lanes; the floor the decoy used before has one.
    expect(expected.parallelism).toBe(2);
    expect(await costsOf(MANAGER.login, 'not-the-password')).toEqual([expected]);
    expect(await costsOf('nobody.here', 'not-the-password')).toEqual([expected]);
  }, 60_000);

  it('a password shaped like a reset code costs two derivations either way', async () => {
    const code = 'ABCD-EFGH-JKLM-NPQR-STUV-WXYZ-2345-6789';
    const known = await costsOf(MANAGER.login, code);
    const unknown = await costsOf('nobody.here', code);
    expect(known).toHaveLength(2);
    expect(unknown).toEqual(known);
  }, 60_000);
});
