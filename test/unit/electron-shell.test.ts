// The thin Electron shell, with a test double of the `electron` module (the binary is not here).
import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import { CALL_NAMES } from '../../shared/api/contract';
import { CONTENT_SECURITY_POLICY } from '../../shared/api/security';

const exposed: Record<string, unknown> = {};
const invoke = vi.fn(async (...args: unknown[]) => ({ ok: true, value: args }));
const ipcOn = vi.fn();
const ipcOff = vi.fn();

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, value: unknown) => (exposed[key] = value) },
  ipcRenderer: { invoke, on: ipcOn, removeListener: ipcOff },
}));

describe('the preload', () => {
  it('exposes one method per contract call and nothing else', async () => {
    await import('../../electron/shell/preload');
    expect(Object.keys(exposed)).toEqual(['loket']);
    const bridge = exposed.loket as { platform: string; api: Record<string, (input: unknown, token: string | null, meta?: unknown) => Promise<unknown>> };
    expect(Object.keys(bridge)).toEqual(['platform', 'api', 'onChange']);
    expect(Object.keys(bridge.api).sort()).toEqual([...CALL_NAMES].sort());
    await bridge.api['letters.search']?.({ q: 'ppdb' }, 'token-1');
    expect(invoke).toHaveBeenCalledWith('loket:call', 'letters.search', { q: 'ppdb' }, 'token-1');
    expect(Object.isFrozen(bridge.api)).toBe(true);
    await bridge.api['letters.register']?.({}, 'token-1', { idempotencyKey: 'kunci-12345678' });
    expect(invoke).toHaveBeenCalledWith('loket:call', 'letters.register', {}, 'token-1', { idempotencyKey: 'kunci-12345678' });
  });

  it('passes only change events from the main process to onChange, and unsubscribes', async () => {
    await import('../../electron/shell/preload');
    const bridge = exposed.loket as { onChange: (cb: (e: unknown) => void) => () => void };
    const seen: unknown[] = [];
    const off = bridge.onChange((e) => seen.push(e));
    expect(ipcOn).toHaveBeenCalledWith('loket:changed', expect.any(Function));
    const handler = ipcOn.mock.calls[0]?.[1] as (event: unknown, payload: unknown) => void;
    handler({}, { type: 'changed', entity: 'letter', id: 3, letterId: 3, call: 'letters.register' });
    handler({}, { type: 'lain' });
    expect(seen).toEqual([{ type: 'changed', entity: 'letter', id: 3, letterId: 3, call: 'letters.register' }]);
    off();
    expect(ipcOff).toHaveBeenCalledWith('loket:changed', handler);
  });
});

describe('window security', () => {
  it('blocks navigation away from app://loket and every new window', async () => {
    const { hardenWebContents, isAppUrl } = await import('../../electron/shell/security');
    expect(isAppUrl('app://loket/index.html')).toBe(true);
    expect(isAppUrl('app://other/index.html')).toBe(false);
    expect(isAppUrl('https://example.com/')).toBe(false);
    expect(isAppUrl('file:///etc/passwd')).toBe(false);

    const contents = Object.assign(new EventEmitter(), { setWindowOpenHandler: vi.fn() });
    hardenWebContents(contents as never);
    const openHandler = contents.setWindowOpenHandler.mock.calls[0]?.[0] as () => { action: string };
    expect(openHandler()).toEqual({ action: 'deny' });
    const away = { preventDefault: vi.fn() };
    contents.emit('will-navigate', away, 'https://example.com/');
    expect(away.preventDefault).toHaveBeenCalled();
    const inside = { preventDefault: vi.fn() };
    contents.emit('will-navigate', inside, 'app://loket/index.html#/agenda');
    expect(inside.preventDefault).not.toHaveBeenCalled();
    const file = { preventDefault: vi.fn() };
    contents.emit('will-navigate', file, 'file:///home/user/loket.sqlite');
    expect(file.preventDefault).toHaveBeenCalled();
  });

  it('uses a CSP that allows only Loket\'s own scripts', () => {
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-inline');
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-eval');
    expect(CONTENT_SECURITY_POLICY).toContain("frame-ancestors 'none'");
  });
});

describe('the safeStorage secret box', () => {
  it('seals through safeStorage and refuses a value sealed elsewhere', async () => {
    vi.resetModules();
    vi.doMock('electron', () => ({
      safeStorage: {
        isEncryptionAvailable: () => true,
        encryptString: (plain: string) => Buffer.from([...Buffer.from(plain)].reverse()),
        decryptString: (data: Buffer) => Buffer.from([...data].reverse()).toString(),
      },
    }));
    const { SafeStorageSecretBox } = await import('../../electron/shell/secrets');
    const box = new SafeStorageSecretBox();
    const sealed = box.encrypt('Rahasia-123');
    expect(sealed.startsWith('ss1:')).toBe(true);
    expect(sealed).not.toContain('Rahasia');
    expect(box.decrypt(sealed)).toBe('Rahasia-123');
    expect(() => box.decrypt('v1:AAAA')).toThrow(/disegel di tempat lain/);
  });
});
