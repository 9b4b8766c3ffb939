/**
 * What one connection and one login may ask of the server. A token bucket refills continuously;
 * a request finding it empty is refused at once (remote.rateLimited), never queued, so one busy
 * workstation cannot starve the others.
 */
export interface ServerLimits {
  /** Requests a connection may make per second, sustained, and in a burst. */
  callsPerSecond: number;
  callBurst: number;
  /** Sign-in attempts per login per minute (beyond the core's back-off), and per connection. */
  signInsPerLoginPerMinute: number;
  signInsPerConnectionPerMinute: number;
  /** A connection that has not signed in by then is closed. */
  signInWithinMs: number;
  /** A request that runs longer is answered `remote.timeout` (its outcome then unknown). */
  requestTimeoutMs: number;
  /** Refusals journaled for a connection nobody has signed in on, before it is closed. */
  anonymousRefusals: number;
  /** Most connections at once. */
  maxConnections: number;
}

export const DEFAULT_LIMITS: ServerLimits = {
  callsPerSecond: 100,
  callBurst: 200,
  signInsPerLoginPerMinute: 10,
  signInsPerConnectionPerMinute: 10,
  signInWithinMs: 60_000,
  requestTimeoutMs: 120_000,
  anonymousRefusals: 3,
  maxConnections: 500,
};

export class TokenBucket {
  private tokens: number;
  private last: number;

  constructor(
    private readonly perSecond: number,
    private readonly burst: number,
    private readonly now: () => number = Date.now,
  ) {
    this.tokens = burst;
    this.last = now();
  }

  take(): boolean {
    const t = this.now();
    this.tokens = Math.min(this.burst, this.tokens + ((t - this.last) / 1000) * this.perSecond);
    this.last = t;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}

/** One bucket per key (a login), forgotten when full again so the map does not grow for ever. */
export class KeyedBuckets {
  private readonly buckets = new Map<string, TokenBucket>();

  constructor(
    private readonly perSecond: number,
    private readonly burst: number,
  ) {}

  take(key: string): boolean {
    let bucket = this.buckets.get(key);
    if (!bucket) {
      if (this.buckets.size > 10_000) this.buckets.clear();
      bucket = new TokenBucket(this.perSecond, this.burst);
      this.buckets.set(key, bucket);
    }
    return bucket.take();
  }
}
