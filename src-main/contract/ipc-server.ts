/**
 * IPC channels of the desktop app as a workstation of an archive server (issue 14, point 4).
 * contract/ipc.ts merges these into REQUESTS, Responses and the generated API. Main handles them
 * itself (src-main/app/server-link.ts): it connects over TLS 1.3, checks the pinned fingerprint and
 * signs in; from then on it relays every archive channel to the server. The renderer never talks
 * to the network and never learns more than it would from a local archive.
 */
import { z } from 'zod';
import { text } from './text';
import { passwordSchema } from './people';
import type { ActorView } from './people';

const empty = z.object({}).strict();
/** HOST:PORT, IPv6 in brackets; checked again by main when it connects. */
const addressSchema = text().trim().min(3).max(300);

export const SERVER_REQUESTS = {
  /** Connects to the server at `address`, refuses any certificate but the pinned one, signs in. */
  'server:signIn': z
    .object({
      address: addressSchema,
      /** The fingerprint the administrator gave (shown by `triplicate serve`); '' only learns it (refused, naming it). */
      fingerprint: text().trim().max(200),
      login: text().trim().min(1).max(64),
      password: passwordSchema,
    })
    .strict(),
  /** The servers this workstation remembers (address and pinned fingerprint, never a password). */
  'server:recent': empty,
  'server:forget': z.object({ address: addressSchema }).strict(),
} as const satisfies Record<string, z.ZodType>;

export interface RecentServer {
  address: string;
  fingerprint: string;
  lastUsedAt: string;
}

export interface ServerSignedIn extends ActorView {
  address: string;
  /** Writes whose answer was lost with an earlier connection, finished or confirmed once at this sign-in. */
  settled: number;
}

export interface ServerResponses {
  'server:signIn': ServerSignedIn;
  'server:recent': RecentServer[];
  'server:forget': RecentServer[];
}

/** Why main dropped the server connection by itself (main → renderer); what was shown is cleared. */
export type ServerLostReason = 'disconnected' | 'stopped';
