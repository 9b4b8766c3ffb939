/**
 * The server's TLS certificate: made for the archive at its first `serve`, then reused, so the
 * fingerprint workstations pin stays the same across restarts.
 *
 * Kept in `<archive>.server/` beside the archive folder, not inside it: the archive folder holds
 * exactly the database and its keyring (what a backup copies and what the one-opener and
 * output-path rules guard), while the certificate belongs to this server installation. The folder
 * is 0700 and the key 0600. A copied archive served elsewhere gets a new certificate, and its
 * workstations are told the fingerprint changed.
 */
import { X509Certificate } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import selfsigned from 'selfsigned';
import { writeFileAtomic } from '../../core/vault/files';
import { normaliseFingerprint } from './protocol';

export const CERT_FILE = 'tls-cert.pem';
export const KEY_FILE = 'tls-key.pem';
const VALID_YEARS = 10;

export interface ServerCertificate {
  cert: string;
  key: string;
  /** SHA-256 of the certificate, AA:BB:… */
  fingerprint: string;
  folder: string;
}

export function certificateFolder(archiveFolder: string): string {
  const folder = resolve(archiveFolder);
  return join(dirname(folder), `${basename(folder)}.server`);
}

export function fingerprintOf(certPem: string): string {
  return normaliseFingerprint(new X509Certificate(certPem).fingerprint256);
}

export async function ensureCertificate(archiveFolder: string, hostNames: string[] = []): Promise<ServerCertificate> {
  const folder = certificateFolder(archiveFolder);
  const certPath = join(folder, CERT_FILE);
  const keyPath = join(folder, KEY_FILE);
  if (existsSync(certPath) && existsSync(keyPath)) {
    const cert = readFileSync(certPath, 'utf8');
    return { cert, key: readFileSync(keyPath, 'utf8'), fingerprint: fingerprintOf(cert), folder };
  }
  mkdirSync(folder, { recursive: true, mode: 0o700 });
  const now = new Date();
  const until = new Date(now);
  until.setFullYear(until.getFullYear() + VALID_YEARS);
  // The name is informative only: workstations trust the pinned fingerprint, not a CA or a host name.
  const made = await selfsigned.generate([{ name: 'commonName', value: `Triplicate archive server (${basename(resolve(archiveFolder))})` }], {
    keyType: 'ec',
    curve: 'P-256',
    algorithm: 'sha256',
    notBeforeDate: now,
    notAfterDate: until,
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, critical: true },
      { name: 'extKeyUsage', serverAuth: true },
      {
        name: 'subjectAltName',
        altNames: [
          { type: 2, value: 'localhost' },
          { type: 7, ip: '127.0.0.1' },
          { type: 7, ip: '::1' },
          ...hostNames.map((h) => (/^[\d.:]+$/.test(h) ? { type: 7 as const, ip: h } : { type: 2 as const, value: h })),
        ],
      },
    ],
  });
  writeFileAtomic(keyPath, made.private);
  writeFileAtomic(certPath, made.cert);
  return { cert: made.cert, key: made.private, fingerprint: fingerprintOf(made.cert), folder };
}
