/**
 * reader:* — the offline reader on a laptop (issue 15). No session, no archive: these handlers
 * talk to the reader held in main (app/reader-host.ts), which checks and logs every open, section
 * view and print in the package's own reading log (core/offline/read.ts). Files come from main's
 * open dialog, or from a drop on the window, and must be package files (or revocation lists).
 */
import { fileTypeFilter } from '../../contract/texts/file-types';
import { ArchiveError } from '../../core/errors';
import type { ReaderHost } from '../../app/reader-host';
import type { DomainHandlers, HandlerContext } from './context';

function host(ctx: HandlerContext): ReaderHost {
  if (!ctx.reader) throw new ArchiveError('offline.notOpen');
  return ctx.reader;
}

export const readerHandlers: DomainHandlers<'reader'> = {
  'reader:choose': async (_input, ctx) => {
    const reader = host(ctx);
    const file = ctx.chooseOpenFile ? await ctx.chooseOpenFile([fileTypeFilter('offlinePackage', ctx.state.locale)]) : null;
    return file === null ? null : reader.choose(file);
  },
  'reader:drop': async (input, ctx) => host(ctx).choose(input.file),
  'reader:open': async (input, ctx) => host(ctx).open(input.passphrase),
  'reader:show': async (input, ctx) => host(ctx).show(input.section, 'view'),
  'reader:print': async (input, ctx) => host(ctx).show(input.section, 'print'),
  'reader:close': async (_input, ctx) => {
    host(ctx).close('user');
    return { closed: true };
  },
  'reader:revocations': async (_input, ctx) => {
    const reader = host(ctx);
    const file = ctx.chooseOpenFile ? await ctx.chooseOpenFile([fileTypeFilter('revocationList', ctx.state.locale)]) : null;
    return file === null ? null : reader.addRevocations(file);
  },
  'reader:status': async (_input, ctx) => ({ lists: host(ctx).lists() }),
  // Asked on every welcome screen: where no reader is wired, nothing waits.
  'reader:waiting': async (_input, ctx) => ctx.reader?.takeWaiting() ?? null,
  // The laptop signs in to the server only for this fetch; the server journals it as that person.
  'reader:fetchRevocations': async (input, ctx) =>
    host(ctx).fetchRevocations({
      server: input.server,
      fingerprint: input.fingerprint,
      login: input.login,
      password: input.password,
      locale: ctx.state.locale,
    }),
};
