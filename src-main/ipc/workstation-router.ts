/**
 * The router of the desktop app when it may be a workstation of an archive server (issue 14).
 * While no one is signed in on a server it is the local router, unchanged. Once someone is, every
 * archive channel goes to the server through main's one connection (app/server-link.ts), where the
 * server's copy of the same router, policy and core decides and journals; only what belongs to this
 * machine stays here: the app's preferences, the offline reader and the server sign-in itself.
 *
 * The renderer does not change and never talks to the network. The sender check is done here
 * first, exactly as locally, so a request the local router would refuse is never relayed.
 * Files the server writes for a person (exports) come back over the connection and are saved
 * where main's own save dialog says, never where the renderer says.
 */
import { fileTypeFilter } from '../contract/texts/file-types';
import { basename } from 'node:path';
import type { Result } from '../contract/ipc';
import type { Locale } from '../contract/messages';
import type { ServerLink } from '../app/server-link';
import { writeFileAtomic } from '../core/vault/files';
import type { SaveFileFilter } from './handlers/context';
import type { Router } from './router';
import { isTrustedSender } from './sender';

/** Channels this machine answers even while signed in on a server. */
const LOCAL_PREFIXES = ['app:', 'reader:', 'server:'];
/** Answers naming a file the server wrote for this connection; main fetches it and saves it here. */
const FILE_CHANNELS: ReadonlySet<string> = new Set([
  'journal:export',
  'register:export',
  'offline:issue',
  'offline:revocations',
  'destruction:exportRecord',
  // A backup is made by the server (it holds the archive) and saved here like an export.
  'backup:run',
]);
/** What main's save dialog offers for a file a channel brings back. */
const saveFilters = (channel: string, locale: Locale): SaveFileFilter[] => (channel === 'backup:run' ? [fileTypeFilter('backup', locale)] : []);

export interface WorkstationRouterDeps {
  local: Router;
  link: ServerLink;
  trustedOrigins: readonly string[];
  chooseSaveFile: (defaultName: string, filters: SaveFileFilter[]) => Promise<string | null>;
  /** The language the dialog's file types are named in (the app's); English when not given. */
  locale?: () => Locale;
}

export function createWorkstationRouter(deps: WorkstationRouterDeps): Router {
  const { local, link } = deps;

  const relayFile = async (channel: string, payload: unknown): Promise<Result<unknown>> => {
    const result = await link.call(channel, payload);
    if (!result.ok || !result.value || typeof result.value !== 'object') return result;
    const value = result.value as { file?: unknown; manifestFile?: unknown };
    if (typeof value.file !== 'string') return result;
    const out = await deps.chooseSaveFile(basename(value.file), saveFilters(channel, deps.locale?.() ?? 'en'));
    if (!out) return { ok: true, value: { ...value, file: null, ...('cancelled' in value ? { cancelled: true } : {}) } };
    const entries = await link.download(value.file);
    if (!entries.ok) return entries;
    writeFileAtomic(out, entries.value);
    const saved: Record<string, unknown> = { ...value, file: out };
    if (typeof value.manifestFile === 'string') {
      const manifest = await link.download(value.manifestFile);
      if (!manifest.ok) return manifest;
      saved.manifestFile = `${out}.manifest.json`;
      writeFileAtomic(saved.manifestFile as string, manifest.value);
    }
    return { ok: true, value: saved };
  };

  return {
    async handle(channel, payload, sender) {
      const isLocal = typeof channel !== 'string' || LOCAL_PREFIXES.some((prefix) => channel.startsWith(prefix));
      if (!link.actor || isLocal || !isTrustedSender(sender, deps.trustedOrigins)) {
        const result = await local.handle(channel, payload, sender);
        if (!link.actor || !result.ok) return result;
        // After a reload of the window the renderer resumes the server session like a local one.
        // It learns the session is a server's, so a later lock or a lost connection leads to the server's sign-in.
        if (channel === 'app:info') return { ok: true, value: { ...(result.value as object), unlocked: true, server: link.address ?? undefined } };
        // The server writes its messages in the person's language too.
        if (channel === 'app:setLocale') await link.call('app:setLocale', payload);
        return result;
      }
      switch (channel) {
        case 'session:lock':
          await link.signOut('user');
          return { ok: true, value: { locked: true } };
        case 'session:unlock':
        case 'archive:create':
          // A local archive replaces the server session, as opening another archive replaces a local one.
          await link.signOut('user');
          return local.handle(channel, payload, sender);
        case 'settings:update': {
          const result = await link.call(channel, payload);
          if (result.ok) link.applyIdleMinutes((result.value as { idleLockMinutes: number }).idleLockMinutes);
          return result;
        }
        default:
          if (!FILE_CHANNELS.has(channel)) return link.call(channel, payload);
          try {
            return await relayFile(channel, payload);
          } catch (error) {
            return { ok: false, error: { code: 'internal', params: { detail: (error as Error)?.message ?? 'error' } } };
          }
      }
    },
  };
}
