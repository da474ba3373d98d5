/**
 * What the Electron preload puts on `window.loket`: one method per contract call and nothing else.
 * The browser build implements the same shape over HTTP (renderer/src/api).
 */
import type { ApiResult } from './errors';
import type { CallInput, CallName, CallOutput } from './contract';

export type BridgeApi = {
  [N in CallName]: (input: CallInput<N>, token: string | null) => Promise<ApiResult<CallOutput<N>>>;
};

export interface LoketBridge {
  platform: 'electron';
  api: BridgeApi;
}

/** The single IPC channel; the main process checks the call name against the contract. */
export const IPC_CHANNEL = 'loket:call';
