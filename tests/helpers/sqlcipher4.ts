/**
 * An independent SQLCipher 4 reader for page 1, written from the published format with node:crypto
 * only — so the tests prove the file is SQLCipher 4, not merely "readable by our own library".
 *
 * SQLCipher 4 defaults (https://www.zetetic.net/sqlcipher/sqlcipher-api/): 4096-byte pages,
 * AES-256-CBC, HMAC-SHA512, 80 reserved bytes per page (16-byte IV + 64-byte HMAC), the first
 * 16 bytes of the file are the salt. With a raw key (`x'…'`) the key is used as is; the HMAC key is
 * PBKDF2-HMAC-SHA512(key, salt XOR 0x3a, 2 iterations).
 */
import { createDecipheriv, createHmac, pbkdf2Sync } from 'node:crypto';

const PAGE = 4096;
const RESERVE = 80;

export interface Page1 {
  hmacOk: boolean;
  /** The decrypted bytes that follow the salt (SQLite header offset 16 onwards). */
  plaintext: Buffer;
}

export function readSqlcipher4Page1(file: Buffer, rawKey: Buffer): Page1 {
  const salt = file.subarray(0, 16);
  const page = file.subarray(0, PAGE);
  const body = page.subarray(16, PAGE - RESERVE);
  const iv = page.subarray(PAGE - RESERVE, PAGE - RESERVE + 16);
  const mac = page.subarray(PAGE - RESERVE + 16, PAGE - RESERVE + 16 + 64);
  const hmacSalt = Buffer.from(salt.map((b) => b ^ 0x3a));
  const hmacKey = pbkdf2Sync(rawKey, hmacSalt, 2, 32, 'sha512');
  const pageNo = Buffer.alloc(4);
  pageNo.writeUInt32LE(1);
  const expected = createHmac('sha512', hmacKey).update(body).update(iv).update(pageNo).digest();
  const decipher = createDecipheriv('aes-256-cbc', rawKey, iv);
  decipher.setAutoPadding(false);
  const plaintext = Buffer.concat([decipher.update(body), decipher.final()]);
  return { hmacOk: expected.equals(mac), plaintext };
}
