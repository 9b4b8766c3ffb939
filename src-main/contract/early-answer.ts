/**
 * The first screen cannot paint before it knows the language and the recent archives (app:info),
 * and the page asks for them first thing. The preload runs before the page's scripts load, so it
 * asks at once and hands that answer to the page's first call, saving a round trip before the
 * first paint. A later call, a call with arguments, a failed answer or a first call made more than
 * `keepMs` after the early question asks again.
 *
 * Used by the preload (src-main/preload/index.ts) and, as source text, by the e2e bridge that
 * stands in for it in Chromium (tests/e2e/support/bridge.ts): keep it self-contained, with no
 * imports and no names from outside it.
 */
export function earlyAnswer(
  invoke: (channel: string, request?: unknown) => Promise<unknown>,
  channel: string,
  keepMs: number,
): (request?: unknown) => Promise<unknown> {
  const askedAt = Date.now();
  let early: Promise<unknown> | null = invoke(channel, undefined).catch(() => null);
  return (request?: unknown) => {
    const answer = early;
    early = null;
    if (!answer || request !== undefined || Date.now() - askedAt > keepMs) return invoke(channel, request);
    return answer.then((result) => ((result as { ok?: unknown } | null)?.ok === true ? result : invoke(channel, request)));
  };
}

/** How long the early answer stays good. */
export const EARLY_ANSWER_MS = 5000;
