/**
 * Idle auto-lock (domain.md, Keys and the vault: "the app locks after idle time, default 5 minutes").
 * Electron-free: it asks an idle-time source how long the person has been away — Electron's
 * `powerMonitor.getSystemIdleTime()` in the app, "seconds since the last call" in the e2e bridge —
 * and polls it, the way Bitwarden desktop does. A test override may only shorten the timeout.
 */
export interface IdleSource {
  /** Seconds since the person last touched keyboard or mouse. */
  idleSeconds(): number;
}

export interface IdleLockOptions {
  source: IdleSource;
  onIdle: () => void;
  /** Upper bound from tests (seconds); the archive's setting wins when it is shorter. */
  overrideSeconds?: number | null;
  pollMs?: number;
  /** The clock's timers; tests pass their own to poll on demand instead of waiting in real time. */
  timers?: IdleTimers;
}

export interface IdleTimers {
  setInterval: (callback: () => void, ms: number) => unknown;
  clearInterval: (timer: never) => void;
}

export class IdleLock {
  private timer: unknown = null;
  private timeoutSeconds: number | null = null;
  private configuredMinutes: number | null = null;
  private overrideSeconds: number | null;

  constructor(private readonly options: IdleLockOptions) {
    this.overrideSeconds = options.overrideSeconds ?? null;
  }

  /** Starts (or restarts) watching with the archive's `idleLockMinutes`. */
  start(idleLockMinutes: number): void {
    this.stop();
    this.setMinutes(idleLockMinutes);
    const timers: IdleTimers = this.options.timers ?? { setInterval, clearInterval };
    const pollMs = this.options.pollMs ?? Math.min(5_000, Math.max(250, (this.timeoutSeconds! * 1000) / 4));
    this.timer = timers.setInterval(() => this.check(), pollMs);
    // Never keep a process alive only to poll the idle time.
    (this.timer as { unref?: () => void }).unref?.();
  }

  /** The administrator changed the setting while someone is signed in. */
  setMinutes(idleLockMinutes: number): void {
    this.configuredMinutes = idleLockMinutes;
    const configured = Math.max(1, idleLockMinutes) * 60;
    const override = this.overrideSeconds;
    this.timeoutSeconds = override && override > 0 ? Math.min(configured, override) : configured;
  }

  /** Tests shorten the timeout mid-flow; like the constructor option it can never lengthen it. */
  setOverride(seconds: number | null): void {
    this.overrideSeconds = seconds;
    if (this.configuredMinutes !== null) this.setMinutes(this.configuredMinutes);
  }

  get effectiveSeconds(): number | null {
    return this.timeoutSeconds;
  }

  get running(): boolean {
    return this.timer !== null;
  }

  /** Fires `onIdle` once and stops when the source has been idle long enough. */
  check(): boolean {
    if (this.timeoutSeconds === null || this.timer === null) return false;
    if (this.options.source.idleSeconds() < this.timeoutSeconds) return false;
    this.stop();
    this.options.onIdle();
    return true;
  }

  stop(): void {
    if (this.timer !== null) (this.options.timers ?? { setInterval, clearInterval }).clearInterval(this.timer as never);
    this.timer = null;
  }
}
