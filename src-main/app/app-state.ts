/**
 * What the desktop app remembers between runs: the recent archive folders and the language.
 * Kept in Electron's userData folder (passed in as `stateDir`), never inside an archive, so an
 * archive folder handed to someone else carries no trace of who opened it where.
 * Runs in main, without Electron (tests use a temp folder).
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { RecentArchive } from '../contract/ipc';
import type { RecentServer } from '../contract/ipc-server';
import type { Locale } from '../contract/messages';
import { writeFileAtomic } from '../core/vault/files';

export const APP_STATE_FILE = 'app-state.json';
export const MAX_RECENT = 10;

const stateSchema = z.object({
  locale: z.enum(['zh-CN', 'en']).nullable().default(null),
  recentArchives: z
    .array(z.object({ folder: z.string().min(1), lastOpenedAt: z.string() }))
    .max(MAX_RECENT)
    .default([]),
  /** Archive servers signed in to from here, with the fingerprint pinned then (issue 14). */
  recentServers: z
    .array(z.object({ address: z.string().min(1), fingerprint: z.string(), lastUsedAt: z.string() }))
    .max(MAX_RECENT)
    .default([]),
});
type StoredState = z.infer<typeof stateSchema>;

export class AppState {
  private readonly file: string;
  private state: StoredState;

  /** `systemLocale` is used until the person picks a language. */
  constructor(
    private readonly stateDir: string,
    private readonly systemLocale: Locale,
  ) {
    this.file = join(stateDir, APP_STATE_FILE);
    this.state = this.read();
  }

  get locale(): Locale {
    return this.state.locale ?? this.systemLocale;
  }

  setLocale(locale: Locale): Locale {
    this.save({ ...this.state, locale });
    return locale;
  }

  get recentArchives(): RecentArchive[] {
    return this.state.recentArchives.map((r) => ({ ...r }));
  }

  /** Moves the folder to the top of the list. */
  remember(folder: string, at: Date): RecentArchive[] {
    const rest = this.state.recentArchives.filter((r) => r.folder !== folder);
    this.save({ ...this.state, recentArchives: [{ folder, lastOpenedAt: at.toISOString() }, ...rest].slice(0, MAX_RECENT) });
    return this.recentArchives;
  }

  forget(folder: string): RecentArchive[] {
    this.save({ ...this.state, recentArchives: this.state.recentArchives.filter((r) => r.folder !== folder) });
    return this.recentArchives;
  }

  get recentServers(): RecentServer[] {
    return this.state.recentServers.map((r) => ({ ...r }));
  }

  /** Moves the server to the top, with the fingerprint that was just checked. */
  rememberServer(address: string, fingerprint: string, at: Date): RecentServer[] {
    const rest = this.state.recentServers.filter((r) => r.address !== address);
    this.save({ ...this.state, recentServers: [{ address, fingerprint, lastUsedAt: at.toISOString() }, ...rest].slice(0, MAX_RECENT) });
    return this.recentServers;
  }

  forgetServer(address: string): RecentServer[] {
    this.save({ ...this.state, recentServers: this.state.recentServers.filter((r) => r.address !== address) });
    return this.recentServers;
  }

  private read(): StoredState {
    try {
      if (!existsSync(this.file)) return stateSchema.parse({});
      const parsed = stateSchema.safeParse(JSON.parse(readFileSync(this.file, 'utf8')));
      // A damaged preferences file costs the recent list, never the app's start.
      return parsed.success ? parsed.data : stateSchema.parse({});
    } catch {
      return stateSchema.parse({});
    }
  }

  private save(next: StoredState): void {
    mkdirSync(this.stateDir, { recursive: true, mode: 0o700 });
    writeFileAtomic(this.file, JSON.stringify(next, null, 2));
    this.state = next;
  }
}
