/**
 * The preload asks main for app:info before the page's scripts run and hands that answer to the
 * page's first call (src-main/contract/early-answer.ts); every other call must reach main.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { earlyAnswer } from '../../src-main/contract/early-answer';

function fakeMain(answers: unknown[]) {
  const asked: unknown[] = [];
  const invoke = vi.fn(async (channel: string, request?: unknown) => {
    asked.push([channel, request]);
    const next = answers.shift();
    if (next instanceof Error) throw next;
    return next;
  });
  return { invoke, asked };
}

const ok = (value: unknown) => ({ ok: true, value });

describe('earlyAnswer', () => {
  afterEach(() => vi.useRealTimers());

  it('asks at once; the first call gets that answer, the next call asks main again', async () => {
    const main = fakeMain([ok('early'), ok('fresh')]);
    const info = earlyAnswer(main.invoke, 'app:info', 5000);
    expect(main.asked).toEqual([['app:info', undefined]]);
    expect(await info()).toEqual(ok('early'));
    expect(main.asked).toHaveLength(1);
    expect(await info()).toEqual(ok('fresh'));
    expect(main.asked).toHaveLength(2);
  });

  it('a refused or failed early answer is not handed on: the first call asks again', async () => {
    for (const early of [{ ok: false, error: { code: 'ipc.refused', message: 'no' } }, new Error('no handler yet')]) {
      const main = fakeMain([early, ok('fresh')]);
      const info = earlyAnswer(main.invoke, 'app:info', 5000);
      expect(await info()).toEqual(ok('fresh'));
      expect(main.asked).toHaveLength(2);
    }
  });

  it('a first call made after keepMs, or with arguments, asks main again', async () => {
    vi.useFakeTimers();
    const late = fakeMain([ok('early'), ok('fresh')]);
    const info = earlyAnswer(late.invoke, 'app:info', 5000);
    vi.advanceTimersByTime(5001);
    expect(await info()).toEqual(ok('fresh'));

    const withArgs = fakeMain([ok('early'), ok('fresh')]);
    const call = earlyAnswer(withArgs.invoke, 'app:info', 5000);
    expect(await call({ folder: 'x' })).toEqual(ok('fresh'));
    expect(withArgs.asked[1]).toEqual(['app:info', { folder: 'x' }]);
  });
});
