/**
 * OFFLINE PACKAGES (离线借阅包) — reading a dossier on a laptop away from the archive, with every
 * read accounted for, nothing readable outside the app, and an auditor able to prove it.
 *
 * THE PIECES
 *   issue.ts          offline.issue — the borrower, on their own active loan whose card's form is
 *                     "offline package" (policy/offline.ts says why the borrower and not the custodian)
 *   package-file.ts   the one file: public signed header + encrypted payload
 *   keys.ts           package key, argon2id passphrase wrap, HKDF log key
 *   read.ts           the offline reader: no archive, content in memory only (OfflineReader for
 *                     the app, inspectOfflinePackage for the CLI: never content)
 *   revocation-store.ts  the revocation lists a laptop keeps
 *   reading-log.ts    the hash-chained, HMAC'd reading log beside the package
 *   return.ts         offline.return — the custodian imports the log into the journal
 *   revoke.ts         offline.revoke and the signed revocation list (offline.revocations)
 *   revocation-list.ts  that list's format and its check on the laptop
 *   repository.ts     offline_packages (migration 0100)
 *
 * THE FILE
 *   header (public, signed): package id, archive id and signing-key fingerprint, card, copy and
 *     dossier numbers, borrower id (a UUID), issued-at, due-at, sections, the argon2id parameters
 *     and the wrapped package key.
 *   payload (AES-256-GCM under a random 32-byte package key, the canonical header as AAD): the
 *     reader's login and name, and the dossier's packed sections. Padded to 4 KiB steps.
 *   package key: wrapped (AES-256-GCM) under argon2id(passphrase) — the archive's calibrated cost,
 *     never below 64 MiB / 3 passes (vault/kdf.ts). The borrower sets the passphrase when the
 *     package is made; it is never stored, journaled or sent anywhere.
 *   signature: Ed25519 (the archive's key, the same that signs journal checkpoints) over the header
 *     and the SHA-256 of nonce+ciphertext.
 *   What the file shows without the passphrase: ids, numbers, times. Not the customer's name, not
 *   the reader's name — the brief's header carried the borrower's name; it moved into the payload
 *   so a laptop found on a train does not say whose it is or whom it is about
 *   ("Nothing readable leaks outside the encrypted file").
 *
 * THREAT MODEL
 *   Lost or stolen laptop. The finder has the file and the log, not the passphrase: every guess
 *     costs an argon2id derivation of ≥ 64 MiB; the log shows times and section names only.
 *     The borrower (or the custodian) revokes the package at once; the archive records it.
 *   Borrower keeps the file past due. The reader refuses at due-at by the reading machine's clock
 *     (rule 4), and refuses when that clock is behind the issue time or the last recorded read
 *     (a clock set back). Recall, a lost copy, the borrower's departure (rule 7) and the loan's
 *     return all revoke the package in the same transaction that ends the loan; laptops learn it
 *     from the signed revocation list (which names returned packages too), and a reader that
 *     refuses a revoked package logs it and destroys the package key in that file (issue 15).
 *   Returned package. The return destroys the package key in the returned file (package-file.ts
 *     `destroyPackageKey`). A copy made before the return reads until its laptop gets the list or
 *     the due time passes; its log, when it comes back, is imported flagged `afterReturn`.
 *     HONEST LIMIT: a laptop that never comes online again, never gets the list and keeps its clock
 *     right can read until due-at. Software cannot recall bytes from a disk it does not control;
 *     that is why due-at is enforced offline and loan periods are short.
 *   Tampered package. Any changed byte in the header or the ciphertext breaks the signature and is
 *     refused before a passphrase is tried; a package re-signed with another key fails the
 *     fingerprint check (the archive's, or one the reader was given), and on return the archive
 *     accepts only the exact header it signed (its hash is stored).
 *   Tampered reading log. Each line is chained (seq, previous MAC) and MAC'd with a key derived
 *     from the package key; the archive kept that MAC key, so on return an edited, removed,
 *     reordered, foreign or cut-off line is found without the passphrase, journaled as an error
 *     (`offline.log`, `offline.logBroken`) and opens an incident against the borrower.
 *     HONEST LIMIT: the borrower holds the passphrase, hence the package key, hence the log key.
 *     A borrower who writes their own software can read without logging, or rebuild a shorter
 *     chain; deleting the tail or the whole log leaves a chain that verifies. The log is evidence
 *     of what the app recorded, tamper-evident against everyone else and against edits by hand —
 *     not a barrier against a determined borrower. The seeds' answer to that is accountability
 *     (如有违规…严肃处理), which the signed issue entry and the loan record make possible.
 *
 * ACCOUNTING
 *   offline.issue, offline.return, offline.revoke, offline.revocations are journal entries like any
 *   operation (session.perform, one entry whatever the outcome). Offline reads become `dossier.open`
 *   entries at their original times on return, actor = the borrower, details { offline: true,
 *   package, card, … }: the auditor's filters by person, dossier and time find them with the rest.
 */
export * from './service';
