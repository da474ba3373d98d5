import { describe, expect, it } from 'vitest';
import { dispatch, type Handlers } from '../../electron/core/api/dispatch';
import { handlers } from '../../electron/core/api/handlers';
import { login } from '../../electron/core/services/auth';
import { saveCode } from '../../electron/core/services/office';
import { createTestOffice } from './helpers/core';

describe('the dispatcher with an idempotency key', () => {
  it('runs a handler that returns a promise without being declared async, once, and replays it', async () => {
    const { core } = await createTestOffice();
    const { token } = login(core.db, 'admin', 'rahasia-admin-1', core.now());
    let runs = 0;
    const promising: Handlers = {
      ...handlers,
      'codes.save': (ctx, input) => {
        runs++;
        return Promise.resolve(saveCode(ctx.db, input));
      },
    };
    const input = { code: '500.12.1', description: 'Hosting', active: true };
    const first = await dispatch(core, promising, 'codes.save', input, token, { idempotencyKey: 'kunci-1' });
    expect(first).toEqual({ ok: true, value: input });
    const again = await dispatch(core, promising, 'codes.save', input, token, { idempotencyKey: 'kunci-1' });
    expect(again.ok).toBe(true);
    expect(again).toMatchObject({ replayed: true });
    const codes = core.db.prepare("SELECT code FROM classification_codes WHERE code = '500.12.1'").all();
    expect(codes).toHaveLength(1);
    // The rolled-back first attempt inside the transaction counts, the replay does not run it.
    expect(runs).toBe(2);
  });
});
