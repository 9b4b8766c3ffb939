/** app:* , archive:* and session:* — preferences, creating, unlocking and locking. */
import { actorView } from '../../app/session-manager';
import type { DomainHandlers } from './context';

export const appHandlers: DomainHandlers<'app'> = {
  'app:info': async (_input, ctx) => ({
    version: ctx.version,
    locale: ctx.state.locale,
    recentArchives: ctx.state.recentArchives,
    unlocked: ctx.manager.current !== null,
  }),
  'app:setLocale': async (input, ctx) => ({ locale: ctx.state.setLocale(input.locale) }),
  'app:chooseFolder': async (input, ctx) => ({ folder: await ctx.chooseFolder(input.purpose) }),
  'app:forgetArchive': async (input, ctx) => ({ recentArchives: ctx.state.forget(input.folder) }),
};

export const archiveHandlers: DomainHandlers<'archive'> = {
  'archive:create': async (input, ctx) => {
    const { session, recoveryKey } = await ctx.manager.create(input);
    ctx.state.remember(input.folder, ctx.now());
    return { recoveryKey, keyFingerprint: session.archive.keyring.signingKey.fingerprint, actor: actorView(session.actor) };
  },
};

export const sessionHandlers: DomainHandlers<'session'> = {
  'session:unlock': async (input, ctx) => {
    const session = await ctx.manager.unlock(input);
    ctx.state.remember(input.folder, ctx.now());
    return session.passwordReset ? { ...actorView(session.actor), passwordReset: session.passwordReset } : actorView(session.actor);
  },
  'session:lock': async (_input, ctx) => {
    await ctx.manager.lock('user');
    return { locked: true };
  },
  'session:current': async (_input, ctx) => {
    const session = ctx.manager.current;
    return session ? actorView(session.actor) : null;
  },
};
