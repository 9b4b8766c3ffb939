/**
 * Who is calling: only the main frame of the app's own window, showing the app's own page, may
 * use the API. Electron security checklist #17, "Validate the sender of all IPC messages"
 * (https://www.electronjs.org/docs/latest/tutorial/security#17-validate-the-sender-of-all-ipc-messages).
 * Electron-free: the Electron glue and the e2e bridge describe the sender with these fields.
 */
export interface SenderInfo {
  /** URL of the frame that sent the message. */
  url: string;
  isMainFrame: boolean;
  /** Whether the web contents belong to the window this app created. */
  ownWindow: boolean;
}

/** `origins` are full origins such as `app://triplicate` (in the e2e bridge, the loopback server). */
export function isTrustedSender(sender: SenderInfo, origins: readonly string[]): boolean {
  if (!sender.ownWindow || !sender.isMainFrame) return false;
  let url: URL;
  try {
    url = new URL(sender.url);
  } catch {
    return false;
  }
  // A URL with user info (app://user:pw@triplicate/) is not the app's page, whatever its host says.
  if (url.username !== '' || url.password !== '' || /^[^:]+:\/\/[^/?#]*@/.test(sender.url)) return false;
  return origins.includes(`${url.protocol}//${url.host}`);
}
