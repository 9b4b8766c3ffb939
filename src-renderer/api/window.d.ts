/**
 * The preload exposes the typed API as `window.triplicate` (contextBridge). Renderer only: this is the
 * one door to main, so nothing else in the renderer touches IPC.
 */
import type { TriplicateApi } from '../../src-main/contract/ipc';

declare global {
  interface Window {
    triplicate: TriplicateApi;
  }
}

export {};
