/**
 * Builds `window.triplicate` from the contract's tables: one named function per channel, one
 * subscription per event, nothing else. The page never sees ipcRenderer, a generic invoke, or the
 * IPC event object (whose `sender` would hand it ipcRenderer).
 * Electron security checklist #3 (context isolation) and #20 ("Do not expose Electron APIs to
 * untrusted web content"): https://www.electronjs.org/docs/latest/tutorial/security
 *
 * Runs in the sandboxed preload: imports only `electron` and `contract`, and is bundled into one
 * CommonJS file because a sandboxed preload cannot require other files.
 */
import { contextBridge, ipcRenderer, webUtils, type IpcRendererEvent } from 'electron';
import { EARLY_ANSWER_MS, earlyAnswer } from '../contract/early-answer';
import { API_CHANNELS, API_EVENTS } from '../contract/api-channels';
import type { TriplicateApi } from '../contract/ipc';

type Api = Record<string, Record<string, (arg?: unknown) => unknown>>;

const invokeChannel = (channel: string, request?: unknown) => ipcRenderer.invoke(channel, request);

function buildApi(): TriplicateApi {
  const api: Api = {};
  for (const [domain, functions] of Object.entries(API_CHANNELS)) {
    const group: Record<string, (arg?: unknown) => unknown> = {};
    for (const [name, channel] of Object.entries(functions)) {
      // app:info is asked for as soon as the preload runs (contract/early-answer.ts).
      group[name] =
        channel === API_CHANNELS.app.info ? earlyAnswer(invokeChannel, channel, EARLY_ANSWER_MS) : (request?: unknown) => ipcRenderer.invoke(channel, request);
    }
    api[domain] = group;
  }
  for (const [domain, subscriptions] of Object.entries(API_EVENTS)) {
    const group = api[domain] ?? (api[domain] = {});
    for (const [name, event] of Object.entries(subscriptions)) {
      group[name] = (listener?: unknown) => {
        if (typeof listener !== 'function') throw new TypeError(`${domain}.${name} needs a listener function`);
        const forward = (_event: IpcRendererEvent, payload: unknown) => (listener as (payload: unknown) => void)(payload);
        ipcRenderer.on(event, forward);
        return () => {
          ipcRenderer.removeListener(event, forward);
        };
      };
    }
  }
  // A package dropped on the window: its path, which main accepts only for a package file (reader:drop).
  (api.reader ??= {}).pathOfDropped = (file?: unknown) => {
    try {
      return webUtils.getPathForFile(file as File);
    } catch {
      return '';
    }
  };
  return api as unknown as TriplicateApi;
}

contextBridge.exposeInMainWorld('triplicate', buildApi());
