/**
 * Key slots: one per person, one for the recovery key.
 *
 * password ──argon2id──▶ slot key ──AES-256-GCM──▶ slot's X25519 private key ──unseal──▶ database key
 *
 * The extra X25519 step is what lets `rekey` re-wrap every remaining slot: the new database key is
 * sealed to each slot's public key, which needs nobody's password. A removed person's slot is
 * deleted, so a copy of the old keyring they kept opens only the old key, which no longer opens the file.
 */
import { randomBytes } from 'node:crypto';
import { deriveKey, type DeriveKey, type KdfCost } from './kdf';
import { databaseKeyAad, slotPrivateKeyAad, type Slot } from './keyring';
import { decrypt, encrypt, newX25519Pair, openSealed, sealTo, type X25519Pair } from './seal';

export interface SlotSpec {
  archiveId: string;
  epoch: number;
  kind: Slot['kind'];
  locator: string | null;
  cost: KdfCost;
}

export async function createSlot(spec: SlotSpec, secret: Buffer, databaseKey: Buffer): Promise<Slot> {
  const id = randomBytes(8).toString('hex');
  const kdf = { alg: 'argon2id' as const, ...spec.cost, salt: randomBytes(16).toString('base64') };
  const pair = newX25519Pair();
  const slotKey = await deriveKey(secret, kdf);
  try {
    return {
      id,
      kind: spec.kind,
      locator: spec.locator,
      kdf,
      publicKey: pair.publicKey.toString('base64'),
      privateKey: encrypt(slotKey, pair.privateKey, slotPrivateKeyAad(spec.archiveId, id)),
      databaseKey: sealTo(pair.publicKey, databaseKey, databaseKeyAad(spec.archiveId, id, spec.epoch)),
    };
  } finally {
    slotKey.fill(0);
    pair.privateKey.fill(0);
  }
}

/** The slot's key pair, or null when the secret is wrong. */
export async function openSlotPair(archiveId: string, slot: Slot, secret: Buffer, derive: DeriveKey = deriveKey): Promise<X25519Pair | null> {
  const slotKey = await derive(secret, slot.kdf);
  try {
    const privateKey = decrypt(slotKey, slot.privateKey, slotPrivateKeyAad(archiveId, slot.id));
    return privateKey ? { privateKey, publicKey: Buffer.from(slot.publicKey, 'base64') } : null;
  } finally {
    slotKey.fill(0);
  }
}

/** The database key for `epoch`, or null when the slot was not sealed for it. */
export function unsealDatabaseKey(archiveId: string, epoch: number, slot: Slot, pair: X25519Pair): Buffer | null {
  return openSealed(pair, slot.databaseKey, databaseKeyAad(archiveId, slot.id, epoch));
}

/** Same slot, same password, new database key: what `rekey` does to every remaining slot. */
export function resealSlot(archiveId: string, epoch: number, slot: Slot, databaseKey: Buffer): Slot {
  const publicKey = Buffer.from(slot.publicKey, 'base64');
  return { ...slot, databaseKey: sealTo(publicKey, databaseKey, databaseKeyAad(archiveId, slot.id, epoch)) };
}

/** Recovery keys: 20 random bytes as eight groups of four Crockford base32 characters. */
const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

export function newRecoveryKey(): string {
  const bytes = randomBytes(20);
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += CROCKFORD[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  bytes.fill(0);
  return out.match(/.{4}/g)!.join('-');
}

/** Accepts the key as typed: any case, with or without dashes and spaces, O for 0 and I/L for 1. */
export function normaliseRecoveryKey(typed: string): Buffer {
  const cleaned = typed.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  return Buffer.from(cleaned, 'utf8');
}
