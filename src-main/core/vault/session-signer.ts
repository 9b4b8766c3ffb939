/**
 * At unlock: the person's own signing key for the session, and the archive's place against this
 * workstation's anchor (issue 12).
 *
 * A person with no key yet (an archive made before issue 12) gets one now, sealed to their slot and
 * recorded by a `person.key` entry that the new key signs; verify accepts such a record only for a
 * person who had none. Anything the anchor check finds is journaled before the session does anything.
 */
import type { PersonRecord } from '../people/repository';
import type { Slot } from './keyring';
import type { OpenArchive } from './open-archive';
import type { X25519Pair } from './seal';
import { keyRecord, newPersonKey, openPersonSigner, personSigner, sealPersonKey, storePersonKey } from './signing-keys';

export function attachSessionSigner(archive: OpenArchive, person: PersonRecord, slot: Slot, pair: X25519Pair): void {
  const opened = openPersonSigner(archive.db, archive.archiveId, person.id, slot, pair);
  if (opened) {
    archive.attachSigner(opened);
    return;
  }
  const key = newPersonKey();
  const signer = personSigner(person.id, key.publicKey, key.privateKeyDer);
  archive.journal.transaction(() => {
    storePersonKey(archive.db, person.id, key.publicKey, slot.id, sealPersonKey(archive.archiveId, person.id, slot, key.privateKeyDer));
    archive.attachSigner(signer);
    archive.journal.append({
      actor: { id: person.id, name: person.name, duty: null },
      event: 'person.key',
      object: { type: 'person', id: person.id },
      outcome: 'ok',
      details: { signingKey: keyRecord(person.id, key.publicKey), reason: 'enrol' },
    });
  });
}

/** Compares the archive with this workstation's anchor and the keyring's head; journals what is wrong. */
export function checkArchivePlace(archive: OpenArchive, actor: { id: string; name: string }): void {
  const problem = archive.options.anchors.check(archive.archiveId, archive.db, archive.keyring);
  const found = problem ?? (archive.headWatch.missingAtOpen ? { kind: 'head-missing' as const, seq: 0 } : null);
  if (!found) return;
  archive.integrity = { kind: found.kind, seq: found.seq };
  archive.journal.append({
    actor: { id: actor.id, name: actor.name, duty: null },
    event: 'journal.integrity',
    outcome: 'error',
    reason: 'journal.behindAnchor',
    details: { ...found },
  });
}
