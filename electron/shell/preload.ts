/**
 * The preload of the Loket window (sandboxed, context-isolated). It exposes one method per call of
 * the API contract on `window.loket.api`, and nothing else: no ipcRenderer, no Node.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { CALL_NAMES } from '../../shared/api/contract';
import { IPC_CHANNEL, type BridgeApi, type LoketBridge } from '../../shared/api/bridge';

const api = Object.freeze(
  Object.fromEntries(
    CALL_NAMES.map((name) => [name, (input: unknown, token: string | null) => ipcRenderer.invoke(IPC_CHANNEL, name, input, token)]),
  ),
) as BridgeApi;

const bridge: LoketBridge = { platform: 'electron', api };
contextBridge.exposeInMainWorld('loket', bridge);
