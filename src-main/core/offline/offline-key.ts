/**
 * The key offline packages and revocation lists are signed with. Before issue 12 it was the
 * archive's one signing key; that key no longer signs the journal (people do), but a laptop reading
 * a package offline still needs one key it can check every package and revocation list against,
 * whoever issued or revoked it. Archives made before issue 12 keep using their old key for this;
 * new ones get a key of their own for packages only, kept inside the encrypted database. What a
 * holder of the database key can do with it is stated in core/offline/index.ts and the README.
 */
import type { Db } from '../db/connection';
import { makeSigner, newSigningKey, type Signer } from '../journal/signer';

export function offlineSigner(db: Db): Signer {
  const legacy = db.prepare('SELECT public_key, private_key FROM signing_key WHERE id = 1').get() as { public_key: Buffer; private_key: Buffer } | undefined;
  if (legacy) return makeSigner(legacy.public_key, legacy.private_key);
  const read = () => db.prepare("SELECT value FROM archive_meta WHERE key = 'offline_signing_key'").pluck().get() as string | undefined;
  let stored = read();
  if (!stored) {
    const key = newSigningKey();
    stored = JSON.stringify({ publicKey: key.publicKey.toString('base64'), privateKey: key.privateKeyDer.toString('base64') });
    db.prepare("INSERT OR IGNORE INTO archive_meta (key, value) VALUES ('offline_signing_key', ?)").run(stored);
    stored = read()!;
  }
  const { publicKey, privateKey } = JSON.parse(stored) as { publicKey: string; privateKey: string };
  return makeSigner(Buffer.from(publicKey, 'base64'), Buffer.from(privateKey, 'base64'));
}
