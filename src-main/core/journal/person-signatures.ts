/**
 * Entries signed by the people they name (issue 12).
 *
 * Every run of consecutive entries written in one session and naming that session's person is
 * signed by the person's Ed25519 key over the run's range and its last chain hash; since the hash
 * chain fixes every earlier entry, nobody else can drop or change an entry before a run without
 * breaking a signature they cannot remake. Each session also keeps a running digest of its runs'
 * ranges, signed with every run, so verify checks one signature per session (its last) and only
 * walks back run by run when that one fails, to name the place.
 *
 * Checkpoints are signed by people too: `checkpointMessage` (entry.ts) by the session's person at
 * every lock and every 1000 entries, `auditMessage` by an auditor whose verify checked every entry.
 */
import { hash } from 'node:crypto';
import type { Signer } from './signer';

/** A person's key in use by a session; `privateKeyDer` stays only as long as the session is open. */
export interface PersonSigner extends Signer {
  personId: string;
  privateKeyDer: Buffer;
}

/** Where a session's running digest starts, so digests of two sessions never coincide. */
export function sessionDigestStart(archiveId: string, personId: string, sessionId: string): string {
  return hash('sha256', `triplicate-session|v1|${archiveId}|${personId}|${sessionId}`, 'hex');
}

/** The digest after one more run: every range the session signed so far, in order. */
export function nextDigest(previous: string, first: number, last: number): string {
  return hash('sha256', `${previous}|${first}|${last}`, 'hex');
}

/** What a run's signature covers. */
export function entriesMessage(archiveId: string, personId: string, sessionId: string, first: number, last: number, lastHash: string, digest: string): Buffer {
  return Buffer.from(`triplicate-entries|v1|${archiveId}|${personId}|${sessionId}|${first}|${last}|${lastHash}|${digest}`, 'utf8');
}

/** An auditor's co-signature: "I checked every entry up to here and could attribute each one". */
export function auditMessage(archiveId: string, seq: number, headHash: string, at: string): Buffer {
  return Buffer.from(`triplicate-audit|v1|${archiveId}|${seq}|${headHash}|${at}`, 'utf8');
}

/** What the recovery key signs when it gives an administrator a new key (recover.ts). */
export function recoveryMessage(archiveId: string, personId: string, publicKeyB64: string, prevHash: string): Buffer {
  return Buffer.from(`triplicate-recovery-key-change|v1|${archiveId}|${personId}|${publicKeyB64}|${prevHash}`, 'utf8');
}

/** A public key as journal entries record it (`details.signingKey`). */
export interface KeyRecord {
  person: string;
  publicKey: string;
  fingerprint: string;
}

/** Events whose entries may record a person's public key; verify reads them through the event index. */
export const KEY_EVENTS = [
  'archive.init',
  'person.add',
  'person.resetPassword',
  'person.key',
  'vault.recover',
  'person.setDuties',
  // Two-person resets (people/resets.ts): the approver records the owner's new key, against an administrator's request.
  'person.resetRequest',
  'person.resetApprove',
] as const;
