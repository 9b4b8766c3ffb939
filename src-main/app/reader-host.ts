/**
 * The offline reader held in main (issue 15): one package open at a time, no archive. Electron-free
 * like the session manager, so the app, the e2e bridge and the tests drive the same object.
 *
 * It keeps the package key only while the view is open and closes the package by itself — zeroing
 * the key and telling the renderer — at the due time (checked against the reader's clock every
 * second, so a clock moved in a test counts as time passing), after the issuing archive's idle time
 * (carried in the package), on sleep and on screen lock (main calls `close`), and when a
 * revocation list naming it is opened.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Section } from '../contract/dossiers';
import type { KeptRevocationList, OpenedPackageView, PackageDescription, ReaderEnd, ReaderSection } from '../contract/ipc-reader';
import { systemClock, type Clock } from '../core/clock';
import { ArchiveError } from '../core/errors';
import { describePackageFile, OfflineReader, RevocationStore } from '../core/offline';
import { IdleLock, type IdleSource } from './idle-lock';
import { fetchRevocationList, type RevocationFetch } from './revocation-fetch';

/** A package issued before it carried the archive's idle time: the archive's default (settings: idleLockMinutes = 5). */
const DEFAULT_IDLE_MINUTES = 5;
const DUE_POLL_MS = 1000;

export interface ReaderHostOptions {
  stateDir: string;
  clock?: Clock;
  workstation?: string;
  idleSource: IdleSource;
  idleOverrideSeconds?: number | null;
  idlePollMs?: number;
  onClosed: (reason: ReaderEnd) => void;
  /** A package arrived from outside the window (double-click, second instance): the renderer asks for it. */
  onWaiting?: () => void;
}

export class ReaderHost {
  private chosen: string | null = null;
  private waiting: string | null = null;
  private reader: OfflineReader | null = null;
  private duePoll: ReturnType<typeof setInterval> | null = null;
  private readonly idle: IdleLock;
  private readonly store: RevocationStore;
  private readonly clock: Clock;

  constructor(private readonly options: ReaderHostOptions) {
    this.clock = options.clock ?? systemClock;
    this.store = new RevocationStore(options.stateDir);
    this.idle = new IdleLock({
      source: options.idleSource,
      onIdle: () => this.close('idle'),
      overrideSeconds: options.idleOverrideSeconds ?? null,
      ...(options.idlePollMs ? { pollMs: options.idlePollMs } : {}),
    });
  }

  /** A package file picked by main's dialog or dropped on the window; whatever was open closes. */
  choose(file: string): PackageDescription {
    const description = describePackageFile(file);
    this.close('user');
    this.chosen = file;
    return description;
  }

  /**
   * A package handed to the app by the system (double-click, `open-file`, a second instance). It
   * waits here until the renderer takes it — the window may not exist yet, or an archive may be
   * open — and only the newest one waits. Nothing in it is read before it is taken.
   */
  offer(file: string): void {
    this.waiting = file;
    this.options.onWaiting?.();
  }

  /** The waiting package, chosen as a dropped file would be (checked to be a package); null if none. */
  takeWaiting(): PackageDescription | null {
    const file = this.waiting;
    if (file === null) return null;
    this.waiting = null;
    return this.choose(file);
  }

  async open(passphrase: string): Promise<OpenedPackageView> {
    if (!this.chosen) throw new ArchiveError('offline.notOpen');
    this.close('user');
    const file = this.chosen;
    const reader = await OfflineReader.open(
      { file, passphrase, clock: this.clock, workstation: this.options.workstation ?? hostname() },
      (archiveId, fingerprint) => this.store.listsFor(archiveId, fingerprint),
    );
    this.reader = reader;
    // The issuing archive's idle time travels in the package: there is no archive to ask here.
    this.idle.start(reader.opened.idleLockMinutes ?? DEFAULT_IDLE_MINUTES);
    this.duePoll = setInterval(() => {
      if (this.clock.now().toISOString() >= reader.opened.dueAt) this.close('due');
    }, DUE_POLL_MS);
    this.duePoll.unref?.();
    const { idleLockMinutes: _idle, ...opened } = reader.opened;
    return { ...opened, allowCopyOut: false };
  }

  show(section: Section, action: 'view' | 'print'): ReaderSection {
    const reader = this.reader;
    if (!reader) throw new ArchiveError('offline.notOpen');
    try {
      return reader.show(section, action);
    } catch (error) {
      // A refusal at this moment (due time, clock, revocation) has already closed the package.
      if (!reader.isOpen) this.forget(error instanceof ArchiveError && error.code === 'offline.revoked' ? 'revoked' : 'due');
      throw error;
    }
  }

  /** Keeps a signed revocation list; a package open now that it names is closed (and dies at its next open). */
  addRevocations(path: string): { list: KeptRevocationList; closedOpen: boolean } {
    const list = this.store.add(path);
    const reader = this.reader;
    const closedOpen = reader?.refuseIfRevoked() ?? false;
    if (closedOpen) this.forget('revoked');
    return { list, closedOpen };
  }

  /**
   * Fetches the list from the archive server the laptop is connected to and keeps it like a list
   * opened by hand (same checks; a package open now that it names is closed).
   */
  async fetchRevocations(request: RevocationFetch): Promise<{ list: KeptRevocationList; closedOpen: boolean }> {
    const text = await fetchRevocationList({ workstation: this.options.workstation ?? hostname(), ...request });
    // The store reads lists from files; a private folder holds this one for that moment.
    const dir = mkdtempSync(join(tmpdir(), 'triplicate-revocations-'));
    try {
      const file = join(dir, 'revocations.json');
      writeFileSync(file, text, { mode: 0o600 });
      return this.addRevocations(file);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }

  lists(): KeptRevocationList[] {
    return this.store.all();
  }

  get isOpen(): boolean {
    return this.reader?.isOpen ?? false;
  }

  overrideIdleSeconds(seconds: number | null): void {
    this.idle.setOverride(seconds);
  }

  /** Closes the open package (if any), zeroes its key and tells the renderer why. */
  close(reason: ReaderEnd): void {
    if (!this.reader) return;
    this.reader.close();
    this.forget(reason);
  }

  private forget(reason: ReaderEnd): void {
    this.reader = null;
    this.idle.stop();
    if (this.duePoll) clearInterval(this.duePoll);
    this.duePoll = null;
    this.options.onClosed(reason);
  }
}
