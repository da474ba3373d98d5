/**
 * The preload of the Loket window (sandboxed, context-isolated). It exposes one method per call of
 * the API contract on `window.loket.api`, and `window.loket.onChange` to hear about changes made at
 * other desks, and nothing else: no ipcRenderer, no Node.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { CALL_NAMES } from '../../shared/api/contract';
import { CHANGE_CHANNEL, IPC_CHANNEL, type BridgeApi, type CallMeta, type LoketBridge } from '../../shared/api/bridge';
import { isChangeEvent, type ChangeEvent } from '../../shared/api/effects';

const api = Object.freeze(
  Object.fromEntries(
    CALL_NAMES.map((name) => [
      name,
      (input: unknown, token: string | null, meta?: CallMeta) =>
        meta === undefined ? ipcRenderer.invoke(IPC_CHANNEL, name, input, token) : ipcRenderer.invoke(IPC_CHANNEL, name, input, token, meta),
    ]),
  ),
) as BridgeApi;

function onChange(listener: (event: ChangeEvent) => void): () => void {
  const handler = (_event: IpcRendererEvent, payload: unknown) => {
    if (isChangeEvent(payload)) listener(payload);
  };
  ipcRenderer.on(CHANGE_CHANNEL, handler);
  return () => {
    ipcRenderer.removeListener(CHANGE_CHANNEL, handler);
  };
}

const bridge: LoketBridge = { platform: 'electron', api, onChange };
contextBridge.exposeInMainWorld('loket', bridge);
