/**
 * What a handler gets: the session manager, the app's preferences and the Electron services main
 * injects (folder dialog, events). Handlers only translate a validated request into a core call;
 * the core decides (policy) and records (journal) inside `session.perform`, and identity is always
 * the session's actor, never anything from the request.
 */
import type { z } from 'zod';
import type { Channel, REQUESTS, Responses, Result } from '../../contract/ipc';
import type { RecentServer, ServerSignedIn } from '../../contract/ipc-server';
import { ArchiveError } from '../../core/errors';
import type { Session } from '../../core/session';
import type { AppState } from '../../app/app-state';
import type { SessionManager } from '../../app/session-manager';
import type { ReaderHost } from '../../app/reader-host';
import type { RenderPdf } from '../../core/print/save-pdf';
import type { EventSink } from '../router';

/**
 * Who holds the sessions: the desktop app's one SessionManager, or one archive-server connection
 * (ipc/remote). Handlers see only this, so neither knows which it is.
 */
export type SessionHolder = Pick<SessionManager, 'current' | 'create' | 'unlock' | 'lock' | 'applyIdleMinutes'>;
/** The preferences handlers read and change (the app's AppState, or a connection's language). */
export type PreferenceState = Pick<AppState, 'locale' | 'setLocale' | 'recentArchives' | 'remember' | 'forget'>;

export interface HandlerContext {
  manager: SessionHolder;
  state: PreferenceState;
  version: string;
  now: () => Date;
  chooseFolder: (purpose: 'create' | 'open') => Promise<string | null>;
  /** A save dialog (journal exports); null when the person cancels. Main picks the path, never the renderer. */
  chooseSaveFile: (defaultName: string, filters: SaveFileFilter[]) => Promise<string | null>;
  /** An open dialog for one file (an offline package coming back); null when cancelled or not offered. */
  chooseOpenFile?: (filters: SaveFileFilter[]) => Promise<string | null>;
  emit: EventSink;
  /** The offline reader (issue 15): works with no archive unlocked. Absent where no reader is wired. */
  reader?: ReaderHost;
  /** The page on screen as PDF (Electron's printToPDF); absent where there is no window (the server). */
  printToPdf?: RenderPdf;
  /** The desktop app as a workstation of an archive server (issue 14). Absent on the server itself. */
  workstation?: WorkstationHost;
}

/** Main's connection to an archive server (app/server-link.ts), as the server:* handlers see it. */
export interface WorkstationHost {
  signIn(input: { address: string; fingerprint: string; login: string; password: string }): Promise<Result<ServerSignedIn>>;
  readonly recentServers: RecentServer[];
  forgetServer(address: string): RecentServer[];
}

export interface SaveFileFilter {
  name: string;
  extensions: string[];
}

type Input<C extends Channel> = z.output<(typeof REQUESTS)[C]>;
export type Handler<C extends Channel> = (input: Input<C>, ctx: HandlerContext) => Promise<Responses[C]>;
/** Handlers for the channels whose names start with `prefix` (one file per domain). */
export type DomainHandlers<Prefix extends string> = { [C in Channel as C extends `${Prefix}:${string}` ? C : never]: Handler<C> };

/** The open session, or `vault.locked`. */
export function open(ctx: HandlerContext): Session {
  const session = ctx.manager.current;
  if (!session) throw new ArchiveError('vault.locked');
  return session;
}
