/** Per-desk preferences in electron-store (ESM-only, so loaded with import()). */
import { PrefsSchema, type Prefs } from '../../shared/api/schemas';
import type { PrefsStore } from '../core/services/prefs';

export async function createElectronPrefs(): Promise<PrefsStore> {
  const { default: Store } = await import('electron-store');
  const store = new Store<{ prefs: Prefs }>({ name: 'meja-ini', defaults: { prefs: PrefsSchema.parse({}) } });
  return {
    get: () => {
      const parsed = PrefsSchema.safeParse(store.get('prefs'));
      return parsed.success ? parsed.data : PrefsSchema.parse({});
    },
    set: (values) => {
      const next = PrefsSchema.parse({ ...store.get('prefs'), ...values });
      store.set('prefs', next);
      return next;
    },
  };
}
