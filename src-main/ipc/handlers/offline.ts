/**
 * offline:* — offline packages from the loans screen. The core decides (policy/offline.ts) and
 * journals; these handlers only ask main's dialogs for the path, so the renderer never names a
 * file. The package passphrase passes through once, into the core, and is never kept.
 */
import { fileTypeFilter } from '../../contract/texts/file-types';
import { exportRevocations, issuePackage, returnPackage, revocationListText, revokePackage } from '../../core/offline';
import { open, type DomainHandlers } from './context';

export const offlineHandlers: DomainHandlers<'offline'> = {
  'offline:issue': async (input, ctx) => {
    const session = open(ctx);
    const out = await ctx.chooseSaveFile(`${input.card}.tpkg`, [fileTypeFilter('offlinePackage', ctx.state.locale)]);
    if (out === null) return null;
    // The save dialog already asked before replacing a file.
    return issuePackage(session, { ...input, out, force: true });
  },
  'offline:return': async (input, ctx) => {
    const session = open(ctx);
    const file = ctx.chooseOpenFile ? await ctx.chooseOpenFile([fileTypeFilter('offlinePackage', ctx.state.locale)]) : null;
    if (file === null) return null;
    // The core refuses (and journals) a file that is not the package of the loan clicked.
    return returnPackage(session, { file, card: input.card });
  },
  'offline:revocations': async (_input, ctx) => {
    const session = open(ctx);
    const stamp = ctx.now().toISOString().slice(0, 10).replace(/-/g, '');
    const out = await ctx.chooseSaveFile(`revocations-${stamp}.json`, [{ name: 'JSON', extensions: ['json'] }]);
    if (out === null) return { file: null, count: 0 };
    return exportRevocations(session, { out, force: true });
  },
  // The core decides who may (the borrower, the copy's custodian) and journals it.
  'offline:revoke': async (input, ctx) => revokePackage(open(ctx), input),
  // A laptop's reader (or `offline revocations --server`) fetching the list from the archive server.
  'offline:revocationList': async (_input, ctx) => revocationListText(open(ctx)),
};
