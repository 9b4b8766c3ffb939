/**
 * Unlocking from the command line. When the password typed is a one-time reset code, the core asks
 * for the owner's new password (`vault.newPasswordRequired`): it is asked for (or read as the next
 * line of standard input), the unlock is retried with it, and the owner is told who reset the
 * password and when.
 */
import type { Locale } from '../contract/messages';
import type { ResetNotice } from '../contract/people';
import { ArchiveError } from '../core/errors';
import type { Session } from '../core/session';
import { unlockArchive } from '../core/vault/unlock';
import type { PasswordSource } from './passwords';
import { text } from '../contract/texts/cli';

export function resetNoticeText(locale: Locale, notice: ResetNotice): string {
  return text(locale, 'resetNotice', { ...notice });
}

export async function unlockForCli(folder: string, login: string, passwords: PasswordSource, locale: Locale, err: (line: string) => void): Promise<Session> {
  const password = await passwords.next(text(locale, 'passwordPrompt', { login }), 'acting');
  let session: Session;
  try {
    session = await unlockArchive({ folder, login, password });
  } catch (error) {
    if (!(error instanceof ArchiveError) || error.code !== 'vault.newPasswordRequired') throw error;
    const newPassword = await passwords.next(text(locale, 'newPasswordPrompt', { login }), 'new', true);
    session = await unlockArchive({ folder, login, password, newPassword });
  }
  if (session.passwordReset) err(resetNoticeText(locale, session.passwordReset));
  return session;
}
