/**
 * What each channel does, given its already validated request. Handlers only translate: the core
 * service decides (policy) and records (journal) inside `session.perform`; identity is always the
 * session's actor, never anything from the request.
 */
import type { z } from 'zod';
import type { Channel, REQUESTS, Responses } from '../contract/ipc';
import { ArchiveError } from '../core/errors';
import * as people from '../core/people/service';
import type { Session } from '../core/session';
import { getSettings, updateSettings } from '../core/settings/service';
import { rekey } from '../core/vault/rekey';
import type { AppState } from '../app/app-state';
import { actorView, type SessionManager } from '../app/session-manager';
import type { EventSink } from './router';

export interface HandlerContext {
  manager: SessionManager;
  state: AppState;
  version: string;
  now: () => Date;
  chooseFolder: (purpose: 'create' | 'open') => Promise<string | null>;
  emit: EventSink;
}

type Input<C extends Channel> = z.output<(typeof REQUESTS)[C]>;
type Handler<C extends Channel> = (input: Input<C>, ctx: HandlerContext) => Promise<Responses[C]>;
export type Handlers = { [C in Channel]: Handler<C> };

function open(ctx: HandlerContext): Session {
  const session = ctx.manager.current;
  if (!session) throw new ArchiveError('vault.locked');
  return session;
}

export const HANDLERS: Handlers = {
  'app:info': async (_input, ctx) => ({
    version: ctx.version,
    locale: ctx.state.locale,
    recentArchives: ctx.state.recentArchives,
    unlocked: ctx.manager.current !== null,
  }),
  'app:setLocale': async (input, ctx) => ({ locale: ctx.state.setLocale(input.locale) }),
  'app:chooseFolder': async (input, ctx) => ({ folder: await ctx.chooseFolder(input.purpose) }),
  'app:forgetArchive': async (input, ctx) => ({ recentArchives: ctx.state.forget(input.folder) }),
  'archive:create': async (input, ctx) => {
    const { session, recoveryKey } = await ctx.manager.create(input);
    ctx.state.remember(input.folder, ctx.now());
    return { recoveryKey, keyFingerprint: session.archive.keyring.signingKey.fingerprint, actor: actorView(session.actor) };
  },
  'session:unlock': async (input, ctx) => {
    const session = await ctx.manager.unlock(input);
    ctx.state.remember(input.folder, ctx.now());
    return actorView(session.actor);
  },
  'session:lock': async (_input, ctx) => {
    await ctx.manager.lock('user');
    return { locked: true };
  },
  'session:current': async (_input, ctx) => {
    const session = ctx.manager.current;
    return session ? actorView(session.actor) : null;
  },
  'people:list': async (_input, ctx) => people.listPeople(open(ctx)),
  'people:add': async (input, ctx) => people.addPerson(open(ctx), input),
  'people:disable': async (input, ctx) => people.disablePerson(open(ctx), input.login),
  'people:setDuties': async (input, ctx) => people.setDuties(open(ctx), input),
  'people:resetPassword': async (input, ctx) => {
    await people.resetPassword(open(ctx), input.login, input.password);
    return { done: true };
  },
  'people:changeOwnPassword': async (input, ctx) => {
    await people.changeOwnPassword(open(ctx), input.password);
    return { done: true };
  },
  'departments:list': async (_input, ctx) => people.listDepartments(open(ctx)),
  'departments:add': async (input, ctx) => people.addDepartment(open(ctx), input),
  'vault:rekey': async (_input, ctx) => rekey(open(ctx), (step) => ctx.emit('event:rekeyProgress', { step })),
  'settings:get': async (_input, ctx) => getSettings(open(ctx)),
  'settings:update': async (input, ctx) => {
    const settings = await updateSettings(open(ctx), input);
    ctx.manager.applyIdleMinutes(settings.idleLockMinutes);
    return settings;
  },
};
