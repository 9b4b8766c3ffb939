/** The archive's Ed25519 key: made at init, private half kept inside the encrypted database. */
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';

export interface Signer {
  publicKey: Buffer;
  fingerprint: string;
  sign(message: Buffer): string;
}

export function newSigningKey(): { publicKey: Buffer; privateKeyDer: Buffer } {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  return {
    publicKey: Buffer.from(publicKey.export({ format: 'jwk' }).x as string, 'base64url'),
    privateKeyDer: privateKey.export({ format: 'der', type: 'pkcs8' }),
  };
}

/** SHA-256 of the raw 32-byte public key, hex: what auditors compare out of band. */
export function keyFingerprint(publicKey: Buffer): string {
  return createHash('sha256').update(publicKey).digest('hex');
}

export function ed25519PublicKey(raw: Buffer): KeyObject {
  return createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: raw.toString('base64url') }, format: 'jwk' });
}

export function makeSigner(publicKey: Buffer, privateKeyDer: Buffer): Signer {
  const key = createPrivateKey({ key: privateKeyDer, format: 'der', type: 'pkcs8' });
  return {
    publicKey,
    fingerprint: keyFingerprint(publicKey),
    sign: (message) => sign(null, message, key).toString('base64'),
  };
}

/**
 * Public keys already made into KeyObjects, by their raw bytes: verify checks a signature per
 * session and per checkpoint, a few people's keys tens of thousands of times. Bounded, so a
 * journal naming very many keys cannot grow it without end.
 */
const publicKeys = new Map<string, KeyObject>();
const MAX_CACHED_KEYS = 4096;

function publicKeyObject(raw: Buffer): KeyObject {
  const id = raw.toString('base64');
  let key = publicKeys.get(id);
  if (!key) {
    key = ed25519PublicKey(raw);
    if (publicKeys.size >= MAX_CACHED_KEYS) publicKeys.clear();
    publicKeys.set(id, key);
  }
  return key;
}

export function verifySignature(publicKey: Buffer, message: Buffer, signatureB64: string): boolean {
  try {
    return verify(null, message, publicKeyObject(publicKey), Buffer.from(signatureB64, 'base64'));
  } catch {
    return false;
  }
}
