/**
 * The archive server's wire protocol: JSON text frames over WebSocket over TLS 1.3.
 *
 *   workstation → server   { id, type: 'signIn', login, password, workstation, locale }
 *                          { id, type: 'call', channel, payload, key?, saveAs? }
 *                          { id, type: 'download', file, offset }
 *                          { id, type: 'signOut', reason? }
 *   server → workstation   { id, ok: true, value } | { id, ok: false, error }      (answers)
 *                          { type: 'event', event, payload }                        (pushes)
 *
 * Channels and payloads are the contract's own (contract/ipc.ts); the server runs them through the
 * same router as the app. No message carries an identity: the acting person is whoever signed in
 * on this connection. Client and server both import this file; it needs zod only.
 */
import { z } from 'zod';
import type { ErrorInfo } from '../../contract/errors';

/** Largest frame the server reads; bigger ones are refused and the connection closed. */
export const MAX_FRAME_BYTES = 1024 * 1024;
/** Bytes of a file sent back in one `download` answer (base64 makes a frame about a third bigger). */
export const DOWNLOAD_CHUNK_BYTES = 512 * 1024;
/** WebSocket subprotocol, so a stray client is told apart from a workstation at once. */
export const SUBPROTOCOL = 'triplicate.v1';

const id = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
/** A write's idempotency key: the workstation makes one per intended write and reuses it on retry. */
export const requestKeySchema = z.string().regex(/^[A-Za-z0-9_-]{16,64}$/);

export const clientMessageSchema = z.discriminatedUnion('type', [
  z
    .object({
      id,
      type: z.literal('signIn'),
      login: z.string().trim().min(1).max(64),
      password: z.string().min(1).max(1024),
      /** The workstation's own name for itself; journaled as reported, beside the address seen. */
      workstation: z.string().max(128).default(''),
      locale: z.enum(['zh-CN', 'en']).default('en'),
    })
    .strict(),
  z
    .object({
      id,
      type: z.literal('call'),
      channel: z.string().min(1).max(100),
      payload: z.unknown().optional(),
      key: requestKeySchema.optional(),
      /** Base name for a file the server writes for this call (exports); sent back with `download`. */
      saveAs: z.string().min(1).max(200).optional(),
    })
    .strict(),
  z.object({ id, type: z.literal('download'), file: z.string().min(1).max(4096), offset: z.number().int().min(0) }).strict(),
  z
    .object({
      id,
      type: z.literal('signOut'),
      /** Why the workstation signs out (idle, sleep, screen lock…), for the journal; the person's own click when absent. */
      reason: z.enum(['user', 'idle', 'suspend', 'screen-lock', 'quit']).optional(),
    })
    .strict(),
]);
export type ClientMessage = z.input<typeof clientMessageSchema>;

export type Answer = { id: number; ok: true; value: unknown } | { id: number; ok: false; error: ErrorInfo };
export interface Push {
  type: 'event';
  event: string;
  payload: unknown;
}
export type ServerMessage = Answer | Push;

export interface DownloadChunk {
  /** base64 of the bytes from `offset`. */
  data: string;
  size: number;
  done: boolean;
}

/** Channels whose answer depends only on what is stored: never keyed, never serialised behind writes. */
export const READ_CHANNELS: ReadonlySet<string> = new Set([
  'app:info',
  'session:current',
  'people:list',
  'departments:list',
  'settings:get',
  'dossiers:search',
  'dossiers:open',
  'dossiers:revision',
  'copies:list',
  'copies:sheet',
  'reviews:list',
  'cards:pending',
  'cards:history',
  'cards:findCopies',
  'loans:list',
  'loans:read',
  'register:search',
  'notifications:list',
  'journal:read',
  'journal:verify',
  'journal:status',
  'journal:export',
  'reports:whoOpened',
  'reports:openedBy',
  'reports:refused',
  'reports:outsideHours',
  'reports:overdueLoans',
  // Visit reports and maintenance plans (issue 17 points 3 and 4)
  'visits:list',
  'visits:open',
  'plans:ofDossier',
  'plans:list',
]);

/** Channels a workstation cannot use through the server: they pick local folders or make archives. */
export const LOCAL_ONLY_CHANNELS: ReadonlySet<string> = new Set([
  'app:chooseFolder',
  'app:forgetArchive',
  'archive:create',
  'session:unlock',
  'offline:return',
  // The desktop app's own sign-in to a server: never relayed to one.
  'server:signIn',
  'server:recent',
  'server:forget',
]);

/** SHA-256 of the certificate's DER bytes, as colon-separated upper-case hex (what `serve` prints). */
export function normaliseFingerprint(text: string): string {
  const hex = text.replace(/[^0-9a-fA-F]/g, '').toUpperCase();
  return hex.match(/.{2}/g)?.join(':') ?? '';
}
