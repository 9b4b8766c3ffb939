/** The archive server's small pieces: addresses, fingerprints, frames and rate limits. */
import { describe, expect, it } from 'vitest';
import { newRequestKey, parseAddress } from '../../src-main/ipc/remote/client';
import { TokenBucket } from '../../src-main/ipc/remote/limits';
import { clientMessageSchema, normaliseFingerprint, requestKeySchema } from '../../src-main/ipc/remote/protocol';

describe('remote protocol', () => {
  it('reads HOST:PORT, IPv6 in brackets, and refuses anything else', () => {
    expect(parseAddress('127.0.0.1:7443')).toEqual({ host: '127.0.0.1', port: 7443 });
    expect(parseAddress('[::1]:7443')).toEqual({ host: '::1', port: 7443 });
    expect(parseAddress('archive.example.cn:443')).toEqual({ host: 'archive.example.cn', port: 443 });
    for (const bad of ['127.0.0.1', ':7443', '127.0.0.1:70000', 'host:port']) expect(() => parseAddress(bad)).toThrow();
  });

  it('compares fingerprints however they were typed', () => {
    const fp = 'ab:cd:' + 'ef:'.repeat(29) + '01';
    expect(normaliseFingerprint(fp)).toBe(normaliseFingerprint(fp.toUpperCase().replace(/:/g, ' ')));
    expect(normaliseFingerprint(fp)).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
  });

  it('accepts only the frames it knows, strictly: no identity can ride along', () => {
    expect(clientMessageSchema.safeParse({ id: 1, type: 'call', channel: 'people:list' }).success).toBe(true);
    expect(clientMessageSchema.safeParse({ id: 1, type: 'call', channel: 'people:list', actor: 'admin' }).success).toBe(false);
    expect(clientMessageSchema.safeParse({ id: 1, type: 'signIn', login: 'a', password: 'p', as: 'admin' }).success).toBe(false);
    expect(clientMessageSchema.safeParse({ id: -1, type: 'signOut' }).success).toBe(false);
    expect(clientMessageSchema.safeParse({ id: 1, type: 'eval', code: '1' }).success).toBe(false);
  });

  it('request keys are random and of the accepted shape', () => {
    const a = newRequestKey();
    expect(requestKeySchema.safeParse(a).success).toBe(true);
    expect(newRequestKey()).not.toBe(a);
    expect(requestKeySchema.safeParse('short').success).toBe(false);
  });

  it('a token bucket allows its burst, then refills at its rate', () => {
    let now = 0;
    const bucket = new TokenBucket(10, 3, () => now);
    expect([bucket.take(), bucket.take(), bucket.take(), bucket.take()]).toEqual([true, true, true, false]);
    now += 100;
    expect(bucket.take()).toBe(true);
    expect(bucket.take()).toBe(false);
  });
});
