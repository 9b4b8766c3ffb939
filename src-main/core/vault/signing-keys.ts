/**
 * Each person's Ed25519 signing key (issue 12). The private half is sealed to the person's own key
 * slot (the slot's X25519 public key, as the database key is), so only their password — which opens
 * the slot's private key — opens it; a colleague holding the database key cannot sign in their name.
 * The public half is recorded in a journal entry signed by the administrator who added the person
 * (or, for the first administrator, at init), and verify trusts only those records.
 */
import { createPrivateKey, createPublicKey } from 'node:crypto';
import type { Db } from '../db/connection';
import { keyFingerprint, makeSigner, newSigningKey } from '../journal/signer';
import type { Journal } from '../journal/journal';
import type { KeyRecord, PersonSigner } from '../journal/person-signatures';
import type { Slot } from './keyring';
import { openSealed, sealedSchema, sealTo, type Sealed, type X25519Pair } from './seal';

export interface NewPersonKey {
  publicKey: Buffer;
  privateKeyDer: Buffer;
}

export function newPersonKey(): NewPersonKey {
  return newSigningKey();
}

function personKeyAad(archiveId: string, ownerId: string, slotId: string): string {
  return `triplicate-person-signing-key|v1|${archiveId}|${ownerId}|${slotId}`;
}

/** Seals the private half to `slot`; `ownerId` is the person's id (or `recovery` for the recovery slot). */
export function sealPersonKey(archiveId: string, ownerId: string, slot: Slot, privateKeyDer: Buffer): Sealed {
  return sealTo(Buffer.from(slot.publicKey, 'base64'), privateKeyDer, personKeyAad(archiveId, ownerId, slot.id));
}

export function openPersonKey(archiveId: string, ownerId: string, slotId: string, pair: X25519Pair, sealed: Sealed): Buffer | null {
  return openSealed(pair, sealed, personKeyAad(archiveId, ownerId, slotId));
}

export function keyRecord(personId: string, publicKey: Buffer): KeyRecord {
  return { person: personId, publicKey: publicKey.toString('base64'), fingerprint: keyFingerprint(publicKey) };
}

export function personSigner(personId: string, publicKey: Buffer, privateKeyDer: Buffer): PersonSigner {
  return { ...makeSigner(publicKey, privateKeyDer), personId, privateKeyDer };
}

export function storePersonKey(db: Db, personId: string, publicKey: Buffer, slotId: string, sealed: Sealed): void {
  db.prepare('INSERT OR REPLACE INTO person_keys (person_id, public_key, slot_id, sealed) VALUES (?, ?, ?, ?)').run(
    personId,
    publicKey,
    slotId,
    JSON.stringify(sealed),
  );
}

/** The person's signer, opened with their slot's key pair; null when none is stored for this slot. */
export function openPersonSigner(db: Db, archiveId: string, personId: string, slot: Slot, pair: X25519Pair): PersonSigner | null {
  const row = db.prepare('SELECT public_key, slot_id, sealed FROM person_keys WHERE person_id = ?').get(personId) as
    { public_key: Buffer; slot_id: string; sealed: string } | undefined;
  if (!row || row.slot_id !== slot.id) return null;
  let sealed: Sealed;
  try {
    sealed = sealedSchema.parse(JSON.parse(row.sealed));
  } catch {
    return null;
  }
  const der = openPersonKey(archiveId, personId, slot.id, pair, sealed);
  if (!der) return null;
  try {
    const signer = personSigner(personId, row.public_key, der);
    // The stored public half must be the private half's: a swapped row would sign under a key nobody recorded.
    return signer.publicKey.equals(publicKeyOf(der)) ? signer : null;
  } catch {
    return null;
  }
}

function publicKeyOf(der: Buffer): Buffer {
  const jwk = createPublicKey(createPrivateKey({ key: der, format: 'der', type: 'pkcs8' })).export({ format: 'jwk' });
  return Buffer.from(jwk.x as string, 'base64url');
}

/**
 * A person's key for a new slot: a fresh pair, sealed to it, stored; returns what the journal records.
 * When that person is signed in on `journal` (the archive server), their session signs with the new
 * key from the next entry on, since verify holds entries after the record to the new key.
 */
export function issuePersonKey(db: Db, archiveId: string, personId: string, slot: Slot, journal?: Journal): KeyRecord {
  const key = newPersonKey();
  try {
    storePersonKey(db, personId, key.publicKey, slot.id, sealPersonKey(archiveId, personId, slot, key.privateKeyDer));
    if (journal?.signerOf(personId)) journal.replaceKey(personSigner(personId, key.publicKey, Buffer.from(key.privateKeyDer)));
    return keyRecord(personId, key.publicKey);
  } finally {
    key.privateKeyDer.fill(0);
  }
}

/** The same key, sealed to the person's new slot (their own password change). */
export function resealPersonKey(db: Db, archiveId: string, signer: PersonSigner, slot: Slot): void {
  storePersonKey(db, signer.personId, signer.publicKey, slot.id, sealPersonKey(archiveId, signer.personId, slot, signer.privateKeyDer));
}

/** The recovery slot's signing key (init.ts keeps it in archive_meta); null in archives made before issue 12. */
export function openRecoverySigner(db: Db, archiveId: string, slot: Slot, pair: X25519Pair): PersonSigner | null {
  const text = db.prepare("SELECT value FROM archive_meta WHERE key = 'recovery_signing_key'").pluck().get() as string | undefined;
  if (!text) return null;
  try {
    const stored = JSON.parse(text) as { publicKey: string; slotId: string; sealed: unknown };
    if (stored.slotId !== slot.id) return null;
    const der = openPersonKey(archiveId, 'recovery', slot.id, pair, sealedSchema.parse(stored.sealed));
    return der ? personSigner('recovery', Buffer.from(stored.publicKey, 'base64'), der) : null;
  } catch {
    return null;
  }
}
