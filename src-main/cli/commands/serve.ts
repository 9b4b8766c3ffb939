/**
 * `triplicate serve --archive DIR [--listen HOST:PORT]`: the archive server (issue 14). The
 * administrator unlocks the archive here; the process then holds it (its one opener) and serves
 * workstations over TLS 1.3 until SIGINT or SIGTERM, when it signs the journal head, closes the
 * database and forgets the key. Loopback unless --listen names another address.
 */
import { join, resolve } from 'node:path';
import { interpolate } from '../../contract/messages';
import { recoverWithKey } from '../../core/vault/recover';
import { unlockArchive } from '../../core/vault/unlock';
import type { Session } from '../../core/session';
import { certificateFolder, ensureCertificate } from '../../ipc/remote/certificate';
import { parseAddress } from '../../ipc/remote/client';
import { ArchiveServer } from '../../ipc/remote/server';
import { text } from '../../contract/texts/cli';
import { UsageError } from '../usage';
import { commandSentences } from '../../contract/texts/cli-commands';
import { usageOf } from '../../contract/texts/cli-usage';
import type { Command } from './types';
import { leaveSignalsToCommand } from '../process-guards';

export const DEFAULT_LISTEN = '127.0.0.1:7443';
const VERSION = '0.1.0';

const sentences = commandSentences('serve');

export const serveCommand: Command = {
  name: 'serve',
  options: { listen: { type: 'string' }, recovery: { type: 'boolean' } },
  usage: usageOf('serve'),
  needs: 'none',
  async run(ctx) {
    const t = sentences[ctx.locale];
    const folder = resolve(ctx.need('archive'));
    const login = ctx.need('as');
    const listen = typeof ctx.values.listen === 'string' ? ctx.values.listen : DEFAULT_LISTEN;
    let address: { host: string; port: number };
    try {
      address = parseAddress(listen);
    } catch {
      throw new UsageError(t.badListen);
    }
    let admin: Session;
    if (ctx.values.recovery === true) {
      const recoveryKey = await ctx.passwords.next(text(ctx.locale, 'recoveryPrompt'), 'acting');
      const newPassword = await ctx.passwords.next(text(ctx.locale, 'newPasswordPrompt', { login }), 'new', true);
      admin = await recoverWithKey({ folder, recoveryKey, login, newPassword });
    } else {
      const password = await ctx.passwords.next(text(ctx.locale, 'passwordPrompt', { login }), 'acting');
      admin = await unlockArchive({ folder, login, password });
    }
    let server: ArchiveServer | null = null;
    try {
      const certificate = await ensureCertificate(folder, address.host === '0.0.0.0' || address.host === '::' ? [] : [address.host]);
      // Whether this person may serve is the policy's decision, journaled like any other.
      await admin.perform(
        { action: 'archive.serve', details: { listen: `${address.host}:${address.port}`, fingerprint: certificate.fingerprint } },
        () => undefined,
      );
      const idle = Number(process.env.TRIPLICATE_SERVE_IDLE_SECONDS);
      server = new ArchiveServer({
        admin,
        certificate,
        host: address.host,
        port: address.port,
        throttleDir: join(certificateFolder(folder), 'sign-in-state'),
        version: VERSION,
        ...(idle > 0 ? { idleOverrideSeconds: idle, idleCheckMs: 500 } : {}),
        log: (line) => ctx.err(line),
      });
      const bound = await server.listen();
      ctx.out(interpolate(t.listening, { folder, address: `${bound.address}:${bound.port}` }));
      ctx.out(interpolate(t.fingerprint, { fingerprint: certificate.fingerprint }));
      ctx.out(interpolate(t.certificate, { folder: certificate.folder }));
      await new Promise<void>((done) => {
        const stop = () => {
          process.off('SIGINT', stop);
          process.off('SIGTERM', stop);
          done();
        };
        leaveSignalsToCommand();
        process.on('SIGINT', stop);
        process.on('SIGTERM', stop);
      });
      ctx.out(t.stopping);
      await server.stop();
      ctx.out(t.stopped);
    } finally {
      if (server) await server.stop();
      await admin.lock('quit');
    }
  },
};
