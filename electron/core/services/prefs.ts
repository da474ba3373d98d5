/**
 * Per-desk preferences (paper, printer, copies, idle lock). The Electron app keeps them in
 * electron-store; the browser host and tests keep them in a JSON file. Office data never goes here.
 */
import fs from 'node:fs';
import path from 'node:path';
import { PrefsSchema, type Prefs } from '../../../shared/api/schemas';

export interface PrefsStore {
  get(): Prefs;
  set(values: Partial<Prefs>): Prefs;
}

export class JsonPrefsStore implements PrefsStore {
  constructor(private readonly file: string) {}

  get(): Prefs {
    try {
      const raw: unknown = JSON.parse(fs.readFileSync(this.file, 'utf8'));
      const parsed = PrefsSchema.safeParse(raw);
      return parsed.success ? parsed.data : PrefsSchema.parse({});
    } catch {
      return PrefsSchema.parse({});
    }
  }

  set(values: Partial<Prefs>): Prefs {
    const next = PrefsSchema.parse({ ...this.get(), ...values });
    fs.mkdirSync(path.dirname(this.file), { recursive: true });
    const tmp = `${this.file}.tmp`;
    fs.writeFileSync(tmp, JSON.stringify(next, null, 2));
    fs.renameSync(tmp, this.file);
    return next;
  }
}
