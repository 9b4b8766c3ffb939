/**
 * The Electron glue for the router: one `ipcMain.handle` per contract channel, adapting Electron's
 * event to the router's SenderInfo. No decisions here; they are all in the router and the core.
 */
import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { CHANNELS } from '../../contract/ipc';
import type { Router } from '../router';
import type { SenderInfo } from '../sender';

function senderInfo(event: IpcMainInvokeEvent, isOwnContents: (contents: WebContents) => boolean): SenderInfo {
  const frame = event.senderFrame;
  return {
    url: frame?.url ?? '',
    // Checklist #17: only the top frame of our own window, never an iframe or another window.
    isMainFrame: frame !== null && frame === event.sender.mainFrame,
    ownWindow: isOwnContents(event.sender),
  };
}

export function registerIpc(router: Router, isOwnContents: (contents: WebContents) => boolean): void {
  for (const channel of CHANNELS) {
    ipcMain.handle(channel, (event, payload: unknown) => router.handle(channel, payload, senderInfo(event, isOwnContents)));
  }
}
