/**
 * Every page of a SQLCipher 4 file decrypted with the raw key, using node:crypto only (the format
 * as tests/helpers/sqlcipher4.ts describes it): what anyone holding the key sees, free pages and
 * slack space included, so a test can search the whole decrypted database for strings.
 */
import { createDecipheriv, createHmac, pbkdf2Sync } from 'node:crypto';

const PAGE = 4096;
const RESERVE = 80;

export function decryptSqlcipher4(file: Buffer, rawKey: Buffer): { plaintext: Buffer; badPages: number } {
  const salt = file.subarray(0, 16);
  const hmacKey = pbkdf2Sync(rawKey, Buffer.from(salt.map((b) => b ^ 0x3a)), 2, 32, 'sha512');
  const pages: Buffer[] = [];
  let badPages = 0;
  for (let offset = 0, n = 1; offset + PAGE <= file.length; offset += PAGE, n++) {
    const page = file.subarray(offset, offset + PAGE);
    const body = page.subarray(n === 1 ? 16 : 0, PAGE - RESERVE);
    const iv = page.subarray(PAGE - RESERVE, PAGE - RESERVE + 16);
    const mac = page.subarray(PAGE - RESERVE + 16, PAGE - RESERVE + 80);
    const pageNo = Buffer.alloc(4);
    pageNo.writeUInt32LE(n);
    if (!createHmac('sha512', hmacKey).update(body).update(iv).update(pageNo).digest().equals(mac)) badPages++;
    const decipher = createDecipheriv('aes-256-cbc', rawKey, iv);
    decipher.setAutoPadding(false);
    pages.push(decipher.update(body), decipher.final());
  }
  return { plaintext: Buffer.concat(pages), badPages };
}
