/**
 * The process the crash test kills: it registers letters (some with a scan) and moves requests
 * along through Loket's own services, as fast as it can, until SIGKILL. After each transaction has
 * committed it appends one line to the journal and fsyncs it, so the journal lists only changes
 * the register had already promised to keep.
 *
 *   node crash-worker.cjs DATA_DIR JOURNAL SEED
 *
 * Journal lines: `L id year seq agendaNumber` (letter registered), `A requestId revision` (a step
 * action committed; the request's revision afterwards).
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { openRegister } from '../../../electron/core/db/register';
import { FileStore } from '../../../electron/core/services/files';
import { registerLetter } from '../../../electron/core/services/letters';
import { actOnStep } from '../../../electron/core/services/requests';
import { getTemplate } from '../../../electron/core/services/sop';
import type { Role } from '../../../shared/api/roles';
import { LetterInputSchema, type User } from '../../../shared/api/schemas';
import { makePng } from './png';

function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function main(): Promise<void> {
  const [dataDir, journalFile, seedText] = process.argv.slice(2) as [string, string, string];
  const random = rng(Number(seedText) || crypto.randomInt(1 << 30));
  const db = await openRegister({ dataDir });
  const files = new FileStore(db, path.join(dataDir, 'files'), () => new Date());
  const journal = fs.openSync(journalFile, 'a');
  const record = (line: string) => {
    fs.writeSync(journal, `${line}\n`);
    fs.fsyncSync(journal);
  };
  const users = new Map<Role, User>();
  for (const r of db.prepare('SELECT id, username, full_name, role, official_id, active FROM users WHERE active = 1 ORDER BY id').all() as Array<{
    id: number;
    username: string;
    full_name: string;
    role: Role;
    official_id: number | null;
  }>) {
    if (!users.has(r.role)) users.set(r.role, { id: r.id, username: r.username, fullName: r.full_name, role: r.role, officialId: r.official_id, active: true });
  }
  const desk = users.get('front_desk') as User;
  const services = ['hosting', 'subdomain', 'website', 'lainnya'] as const;
  process.stdout.write('siap\n');

  for (let n = 0; ; n++) {
    if (random() < 0.45) {
      const attachments: Array<{ sha256: string; name: string }> = [];
      if (random() < 0.2) attachments.push({ sha256: files.put(makePng(8 + Math.floor(random() * 24), 8, () => Math.floor(random() * 256))).sha256, name: `pindaian-${n}.png` });
      const letter = registerLetter(
        db,
        LetterInputSchema.parse({
          senderName: 'Dinas Pendidikan',
          letterNumber: `005/${process.pid}/${n}`,
          letterDate: '2026-01-05',
          subject: `Permohonan uji crash ${n}`,
          summary: 'Surat dicatat oleh proses yang dimatikan secara acak.',
          nature: 'biasa',
          classificationCode: '500.12',
          service: services[Math.floor(random() * services.length)],
          attachments,
        }),
        desk.id,
        new Date(),
      );
      record(`L ${letter.id} ${letter.year} ${letter.seq} ${letter.agendaNumber}`);
      continue;
    }
    const open = db
      .prepare("SELECT id, template_id, current_step, state, revision FROM requests WHERE state IN ('berjalan', 'dijeda') ORDER BY random() LIMIT 1")
      .get() as { id: number; template_id: number; current_step: string; state: string; revision: number } | undefined;
    if (!open) continue;
    const template = getTemplate(db, open.template_id);
    const step = template.steps.find((s) => s.id === open.current_step);
    if (!step || step.kind === 'end') continue;
    const role = template.roles.find((r) => r.key === step.actor);
    const user = role ? users.get(role.systemRole) : undefined;
    if (!user) continue;
    const base = { requestId: open.id, stepId: step.id, revision: open.revision, note: 'Dikerjakan oleh proses uji crash.' };
    if (open.state === 'dijeda') actOnStep(db, { ...base, action: 'resume' }, user, new Date());
    else if (step.pause && random() < 0.15) actOnStep(db, { ...base, action: 'pause' }, user, new Date());
    else if (step.kind === 'decision') actOnStep(db, { ...base, action: 'decide', branch: step.branches[random() < 0.85 ? 0 : step.branches.length - 1]?.key ?? null }, user, new Date());
    else if (step.kind === 'disposition') {
      const to = template.roles.find((r) => r.key === step.to);
      const recipient = to ? users.get(to.systemRole) : undefined;
      if (!recipient) continue;
      actOnStep(db, { ...base, action: 'dispose', recipients: [recipient.id], instructions: ['Proses lebih lanjut'] }, user, new Date());
    } else actOnStep(db, { ...base, action: 'complete' }, user, new Date());
    record(`A ${open.id} ${open.revision + 1}`);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(String(error instanceof Error ? error.stack : error));
  process.exit(1);
});
