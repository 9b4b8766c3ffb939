/** What the archive server and its password-check process (password-check-child.ts) say to each other. */
import type { KdfParams } from '../../core/vault/kdf';

export type PasswordCheckRequest =
  { id: number; kind: 'derive'; secret: Uint8Array; params: KdfParams } | { id: number; kind: 'locator'; login: string; salt: string };

export type PasswordCheckAnswer = { id: number; key: Uint8Array } | { id: number; locator: string } | { id: number; error: string };
