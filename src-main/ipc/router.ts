/**
 * The one path every renderer request takes (architecture.md):
 *
 *   sender check → known channel → strict schema → the session held in main → core service
 *   (policy and journal inside `session.perform`) → `{ ok, value } | { ok: false, error }`
 *
 * Electron-free, so the same router serves the app (ipc/electron), the e2e bridge and the tests.
 * A refusal before the core is reached (untrusted sender, unknown channel, malformed or widened
 * request such as an extra `login` naming another person) is journaled as `ipc.refused` when a
 * session is open; core refusals are journaled by the core. The error message is already in the
 * person's language.
 */
import { REQUESTS, type Channel, type EventChannel, type EventPayloads, type Result } from '../contract/ipc';
import type { ErrorCode, ErrorParams } from '../contract/errors';
import { formatError } from '../contract/messages';
import { ArchiveError, toArchiveError } from '../core/errors';
import { recordRefusal } from '../core/journal/refusal';
import { clip, parseInput } from '../core/validate';
import { HANDLERS, type HandlerContext, type Handlers } from './handlers/index';
import { isTrustedSender, type SenderInfo } from './sender';

export type EventSink = <E extends EventChannel>(event: E, payload: EventPayloads[E]) => void;

export interface RouterDeps extends HandlerContext {
  /** Origins the app's page is served from (`app://triplicate`; the loopback server in e2e). */
  trustedOrigins: readonly string[];
  /** Diagnostics for unexpected failures; never given request payloads. */
  log?: (line: string) => void;
}

export interface Router {
  handle(channel: unknown, payload: unknown, sender: SenderInfo): Promise<Result<unknown>>;
}

const MAX_CHANNEL_IN_JOURNAL = 80;
const MAX_KEY_IN_JOURNAL = 64;

function isChannel(value: unknown): value is Channel {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(REQUESTS, value);
}

export function createRouter(deps: RouterDeps, handlers: Handlers = HANDLERS): Router {
  const failure = (code: ErrorCode, params: ErrorParams = {}): Result<never> => ({
    ok: false,
    error: { code, params, message: formatError({ code, params }, deps.state.locale) },
  });

  /** Refused before reaching the core: one `ipc.refused` entry when someone is signed in. */
  const refuse = (channel: unknown, code: ErrorCode, params: ErrorParams, payload: unknown): Result<never> => {
    const session = deps.manager.current;
    if (session) {
      try {
        recordRefusal(session, {
          event: 'ipc.refused',
          reason: code,
          details: {
            channel: String(channel).slice(0, MAX_CHANNEL_IN_JOURNAL),
            // Which keys were sent, never their values (a password may be among them).
            keys:
              payload && typeof payload === 'object'
                ? Object.keys(payload)
                    .slice(0, 20)
                    .map((key) => clip(key, MAX_KEY_IN_JOURNAL))
                : typeof payload,
            ...(params.detail !== undefined ? { detail: params.detail } : {}),
          },
        });
      } catch (error) {
        deps.log?.(`could not journal a refused request: ${toArchiveError(error).code}`);
      }
    }
    return failure(code, params);
  };

  return {
    async handle(channel, payload, sender) {
      if (!isTrustedSender(sender, deps.trustedOrigins)) return refuse(channel, 'input.untrustedSender', {}, payload);
      if (!isChannel(channel)) return refuse(channel, 'input.unknownChannel', { channel: String(channel).slice(0, MAX_CHANNEL_IN_JOURNAL) }, payload);
      let input: unknown;
      try {
        // Requests without arguments arrive as `undefined`; the schema still sees an object.
        input = parseInput(REQUESTS[channel], payload === undefined ? {} : payload);
      } catch (error) {
        const refusal = toArchiveError(error);
        return refuse(channel, refusal.code, refusal.params, payload);
      }
      try {
        const handler = handlers[channel] as (input: unknown, ctx: HandlerContext) => Promise<unknown>;
        return { ok: true, value: await handler(input, deps) };
      } catch (error) {
        const archiveError = toArchiveError(error);
        if (!(error instanceof ArchiveError)) deps.log?.(`${channel} failed: ${(error as Error)?.name ?? 'error'}`);
        return failure(archiveError.code, archiveError.params);
      }
    },
  };
}
