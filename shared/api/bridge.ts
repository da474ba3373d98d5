/**
 * What the Electron preload puts on `window.loket`: one method per contract call, and one function
 * to hear about changes made at other desks (issue 8). The browser build implements the same over
 * HTTP (renderer/src/api) and Server-Sent Events (renderer/src/live).
 */
import type { ApiResult } from './errors';
import type { CallInput, CallName, CallOutput } from './contract';
import type { ChangeEvent } from './effects';

/** Sent along with a call: the idempotency key of a save, reused when the save is retried. */
export interface CallMeta {
  idempotencyKey?: string;
}

export type BridgeApi = {
  [N in CallName]: (input: CallInput<N>, token: string | null, meta?: CallMeta) => Promise<ApiResult<CallOutput<N>>>;
};

export interface LoketBridge {
  platform: 'electron';
  api: BridgeApi;
  /** Calls `listener` after every change to the register (from any desk); returns the unsubscribe. */
  onChange: (listener: (event: ChangeEvent) => void) => () => void;
}

/** The single IPC channel; the main process checks the call name against the contract. */
export const IPC_CHANNEL = 'loket:call';
/** Main → window: a change event (ChangeEvent). */
export const CHANGE_CHANNEL = 'loket:changed';
