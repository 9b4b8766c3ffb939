/** server:* — the desktop app signing in to an archive server; refused where no workstation is wired (the server itself). */
import { ArchiveError } from '../../core/errors';
import type { DomainHandlers, HandlerContext, WorkstationHost } from './context';

function host(ctx: HandlerContext, channel: string): WorkstationHost {
  if (!ctx.workstation) throw new ArchiveError('remote.unsupported', { channel });
  return ctx.workstation;
}

export const serverHandlers: DomainHandlers<'server'> = {
  'server:signIn': async (input, ctx) => {
    const result = await host(ctx, 'server:signIn').signIn(input);
    if (!result.ok) throw new ArchiveError(result.error.code, result.error.params ?? {});
    return result.value;
  },
  'server:recent': async (_input, ctx) => host(ctx, 'server:recent').recentServers,
  'server:forget': async (input, ctx) => host(ctx, 'server:forget').forgetServer(input.address),
};
