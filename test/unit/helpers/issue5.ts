/** Fixtures for the reports, evaluation, import and complaint tests (issue 5). */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { LetterInputSchema, UserInputSchema, type LetterInput, type User } from '../../../shared/api/schemas';
import { HostedSystemInputSchema, HostingSettingsInputSchema, type HostedSystemInputRaw } from '../../../shared/api/hosting-schemas';
import { registerLetter } from '../../../electron/core/services/letters';
import { listOpd, listUsers, saveUser } from '../../../electron/core/services/office';
import { actOnStep, getRequestView, requestIdForLetter, type StepActionInput } from '../../../electron/core/services/requests';
import { createHostedSystem, saveHostingSettings } from '../../../electron/core/services/hosting';
import { createTestOffice, type TestOffice } from './core';

/** Monday 23 November 2026, 09.00 WIB. */
export const MONDAY_0900 = '2026-11-23T02:00:00.000Z';
/** An office-local (WIB) instant. */
export const wib = (day: string, hhmm: string) => new Date(`${day}T${hhmm}:00+07:00`);

export interface Office5 extends TestOffice {
  users: Record<User['role'], User>;
  opd: { disdik: number; bappeda: number };
  /** Adds a user with a role (a second officer, a second Kabid). */
  addUser(role: User['role'], username: string, fullName: string): User;
}

export async function office5(now = MONDAY_0900): Promise<Office5> {
  const o = await createTestOffice({ now });
  const users = Object.fromEntries(listUsers(o.core.db).map((u) => [u.role, u])) as Record<User['role'], User>;
  const opds = listOpd(o.core.db, '', true);
  return {
    ...o,
    users,
    opd: { disdik: opds.find((x) => x.shortName === 'Disdik')?.id ?? 0, bappeda: opds.find((x) => x.shortName === 'Bappeda')?.id ?? 0 },
    addUser(role, username, fullName) {
      return saveUser(o.core.db, UserInputSchema.parse({ username, fullName, role, password: 'kata-sandi-1' }), o.core.now());
    },
  };
}

export const LETTER: LetterInput = {
  senderName: 'Dinas Pendidikan',
  letterNumber: '005/77/Disdik/2026',
  letterDate: '2026-11-20',
  subject: 'Permohonan hosting aplikasi PPDB',
  nature: 'segera',
  classificationCode: '500.12',
  service: 'hosting',
};

export function registerAt(o: Office5, when: Date, fields: Partial<LetterInput> = {}): { letterId: number; requestId: number | null } {
  o.setClock(when.toISOString());
  const letter = registerLetter(o.core.db, LetterInputSchema.parse({ ...LETTER, ...fields, receivedAt: null }), o.users.front_desk.id, when);
  return { letterId: letter.id, requestId: requestIdForLetter(o.core.db, letter.id) };
}

/** One action on the request's current step by `user` at `when`. */
export function act(o: Office5, user: User, requestId: number, when: Date, action: Omit<StepActionInput, 'requestId' | 'revision' | 'stepId'>) {
  o.setClock(when.toISOString());
  const view = getRequestView(o.core.db, requestId, user, when);
  actOnStep(o.core.db, { requestId, revision: view.revision, stepId: view.currentStep?.id ?? '', ...action }, user, when);
  return getRequestView(o.core.db, requestId, user, when);
}

export function pdftotext(pdf: Buffer): string {
  return execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', '-', '-'], { input: pdf }).toString('utf8');
}

export function pdfPages(pdf: Buffer): number {
  const out = execFileSync('pdfinfo', ['-'], { input: pdf }).toString('utf8');
  return Number(/Pages:\s+(\d+)/.exec(out)?.[1] ?? 0);
}

/** Saves the PDF's pages as PNG under /tmp/pdfcheck5/ to look at (`pdftoppm -png -r 50`). */
export function snapshot(pdf: Buffer, name: string): void {
  const dir = '/tmp/pdfcheck5';
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${name}.pdf`);
  fs.writeFileSync(file, pdf);
  try {
    execFileSync('pdftoppm', ['-png', '-r', '50', file, path.join(dir, name)]);
  } catch {
    // Looking at the pages is a help for people, not part of the test.
  }
}

export async function readXlsx(data: Buffer): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  // exceljs types its input as an ArrayBuffer: a copy of exactly the file's bytes.
  await book.xlsx.load(new Uint8Array(data).buffer);
  return book;
}

/** Parent domain, an IP pool and a server, then a hosted system for an OPD. */
export function hostingSetup(o: Office5, when: Date): void {
  saveHostingSettings(
    o.core.db,
    HostingSettingsInputSchema.parse({
      parentDomains: [{ domain: 'pekalongankota.go.id' }],
      pools: [{ label: 'DMZ Pusat Data', cidr: '10.10.1.0/24', reserved: ['10.10.1.1'] }],
      servers: [{ name: 'srv-web-01', notes: 'Rak 2' }, { name: 'srv-web-02', notes: '' }],
    }),
    o.users.admin,
    when,
  );
}

export function addSystem(o: Office5, when: Date, fields: Partial<HostedSystemInputRaw>): number {
  o.setClock(when.toISOString());
  const settings = o.core.db.prepare('SELECT id FROM hosting_servers ORDER BY id').all() as Array<{ id: number }>;
  const system = createHostedSystem(
    o.core.db,
    HostedSystemInputSchema.parse({
      opdId: o.opd.disdik,
      applicationName: 'PPDB Online',
      subdomain: 'ppdb',
      parentDomain: 'pekalongankota.go.id',
      addresses: ['10.10.1.5'],
      serverId: settings[0]?.id ?? null,
      stack: 'PHP 8.2 / Laravel',
      database: 'MySQL 8',
      technicalContact: { name: 'Rina', phone: '0812 2700 1234', email: '' },
      administrativeContact: { name: 'Slamet', phone: '', email: '' },
      ...fields,
    }),
    o.users.technical,
    when,
  );
  return system.id;
}

/**
 * Walks a request step by step, `minutes` apart, each step done by whichever user may do it (the
 * first decision branch unless `branch` names another), until it closes or `maxSteps` are done.
 * Returns the time after the last step.
 */
export function walk(o: Office5, requestId: number, from: Date, options: { minutes?: number; branch?: string; maxSteps?: number; extraUsers?: User[] } = {}): Date {
  let when = from;
  const people = [...Object.values(o.users), ...(options.extraUsers ?? [])];
  for (let i = 0; i < (options.maxSteps ?? 50); i += 1) {
    const state = getRequestView(o.core.db, requestId, o.users.admin, when).state;
    if (state === 'selesai' || state === 'dikembalikan') break;
    when = new Date(when.getTime() + (options.minutes ?? 5) * 60_000);
    let acted = false;
    for (const user of people) {
      const view = getRequestView(o.core.db, requestId, user, when);
      const a = view.actions;
      if (a.complete) act(o, user, requestId, when, { action: 'complete' });
      else if (a.decide.length > 0) {
        const branch = a.decide.find((d) => d.key === options.branch) ?? a.decide[0];
        act(o, user, requestId, when, { action: 'decide', branch: branch?.key ?? null, note: branch?.returnsToOpd ? 'Data subdomain belum lengkap.' : '' });
      } else if (a.dispose) act(o, user, requestId, when, { action: 'dispose', recipients: a.dispose.candidates.map((c) => c.id) });
      else continue;
      acted = true;
      break;
    }
    if (!acted) throw new Error(`Nobody can act on request ${requestId}`);
  }
  return when;
}

export function pdftextPage(pdf: Buffer, page: number): string {
  return execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', '-f', String(page), '-l', String(page), '-', '-'], { input: pdf }).toString('utf8');
}
