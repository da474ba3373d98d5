import { describe, expect, it } from 'vitest';
import { ApiError } from '../../shared/api/errors';
import { LetterInputSchema, LetterSearchSchema, type LetterInput, type User } from '../../shared/api/schemas';
import { registerLetter, searchLetters } from '../../electron/core/services/letters';
import {
  actOnStep,
  dashboard,
  getRequestView,
  markDispositionsRead,
  myQueue,
  requestIdForLetter,
  withdrawDisposition,
  type StepActionInput,
} from '../../electron/core/services/requests';
import { setServiceSop } from '../../electron/core/services/sop';
import { saveClosure } from '../../electron/core/services/calendar';
import { verifyAudit } from '../../electron/core/services/audit';
import { listUsers } from '../../electron/core/services/office';
import { createTestOffice, type TestOffice } from './helpers/core';

const letter: LetterInput = {
  senderName: 'Dinas Pendidikan',
  letterNumber: '005/77/Disdik/2026',
  letterDate: '2026-11-20',
  subject: 'Permohonan hosting dan subdomain ppdb',
  nature: 'segera',
  classificationCode: '500.12',
  service: 'hosting',
};

/** Monday 23 November 2026, 09.00 WIB. */
const MONDAY_0900 = '2026-11-23T02:00:00.000Z';
const at = (hhmm: string, day = '2026-11-23') => new Date(`${day}T${hhmm}:00+07:00`);

async function office(sop: string) {
  const o = await createTestOffice({ now: MONDAY_0900 });
  setServiceSop(o.core.db, 'hosting', sop);
  const users = Object.fromEntries(listUsers(o.core.db).map((u) => [u.role, u])) as Record<User['role'], User>;
  return { ...o, users };
}

function register(o: TestOffice, when = MONDAY_0900): { letterId: number; requestId: number } {
  o.setClock(when);
  const l = registerLetter(o.core.db, LetterInputSchema.parse({ ...letter, receivedAt: null }), o.userIds.front_desk, o.core.now());
  const requestId = requestIdForLetter(o.core.db, l.id);
  if (requestId === null) throw new Error('no request started');
  return { letterId: l.id, requestId };
}

function act(o: TestOffice, user: User, requestId: number, when: Date, action: Omit<StepActionInput, 'requestId' | 'revision' | 'stepId'> & { stepId?: string }) {
  const view = getRequestView(o.core.db, requestId, user, when);
  actOnStep(o.core.db, { requestId, revision: view.revision, stepId: action.stepId ?? view.currentStep?.id ?? '', ...action }, user, when);
  return getRequestView(o.core.db, requestId, user, when);
}

function apiError(fn: () => unknown): ApiError {
  try {
    fn();
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
  throw new Error('expected an ApiError');
}

describe('SOP C (Tarakan) carried by four users', () => {
  it('runs the approve branch to the end, with dispositions, read receipts and timing', async () => {
    const o = await office('tarakan-hosting-subdomain');
    const { users } = o;
    const { requestId } = register(o);

    // Step 1 (the PD's letter) is done at registration; step 2 waits for the Kasubbag Umum.
    let view = getRequestView(o.core.db, requestId, users.front_desk, at('09:00'));
    expect(view.template.key).toBe('tarakan-hosting-subdomain');
    expect(view.currentStep?.number).toBe('2');
    // Ahead along the approving branch: 3 to 8, each once.
    expect(view.upcoming.map((u) => u.number)).toEqual(['3', '4', '5', '6', '7', '8']);
    expect(myQueue(o.core.db, users.front_desk, at('09:01')).map((q) => q.step.number)).toEqual(['2']);

    // The Kabid does not see the letter before the Kadis disposes it.
    expect(searchLetters(o.core.db, LetterSearchSchema.parse({}), users.kabid).total).toBe(0);
    expect(myQueue(o.core.db, users.kabid, at('09:01'))).toEqual([]);

    // The front desk can neither dispose nor act for the Kadis.
    act(o, users.front_desk, requestId, at('09:03'), { action: 'complete' });
    const refused = apiError(() => act(o, users.front_desk, requestId, at('09:04'), { action: 'dispose', recipients: [users.kabid.id] }));
    expect(refused.code).toBe('FORBIDDEN');

    view = act(o, users.kadis, requestId, at('09:05'), {
      action: 'dispose',
      recipients: [users.kabid.id],
      instructions: ['Proses lebih lanjut', 'Koordinasi/konfirmasikan'],
      note: 'Segera dikaji bersama JFT.',
    });
    expect(view.currentStep?.number).toBe('4');
    expect(view.dispositions).toHaveLength(1);
    expect(view.dispositions[0]?.recipients[0]?.readAt).toBeNull();

    // Now the Kabid sees it, unread, in the queue and on the dashboard.
    expect(searchLetters(o.core.db, LetterSearchSchema.parse({}), users.kabid).total).toBe(1);
    const queue = myQueue(o.core.db, users.kabid, at('09:06'));
    expect(queue.map((q) => [q.step.number, q.unreadDisposition])).toEqual([['4', true]]);
    expect(dashboard(o.core.db, users.kabid, at('09:06'))).toMatchObject({ unreadDispositions: 1, inQueue: 1 });
    markDispositionsRead(o.core.db, requestId, users.kabid.id, at('09:07'));
    expect(dashboard(o.core.db, users.kabid, at('09:07'))).toMatchObject({ unreadDispositions: 0, notActedOn: 1 });

    act(o, users.kabid, requestId, at('09:10'), { action: 'complete', note: 'Server dan IP tersedia.' });
    view = act(o, users.kabid, requestId, at('09:30'), { action: 'decide', branch: 'ya' });
    expect(view.currentStep?.number).toBe('6');

    act(o, users.technical, requestId, at('10:00', '2026-11-24'), { action: 'complete' });
    act(o, users.technical, requestId, at('10:02', '2026-11-24'), { action: 'complete' });
    view = act(o, users.technical, requestId, at('10:04', '2026-11-24'), { action: 'complete' });
    expect(view.state).toBe('selesai');
    expect(searchLetters(o.core.db, LetterSearchSchema.parse({}), users.front_desk).items[0]?.status).toBe('selesai');

    // Each step's working time against its standard: step 2 took 3 minutes of a 3-minute standard,
    // step 4 took 5 minutes (09.05–09.10) of 5, step 5 took 20 of 30, step 6 a working day of 2.
    const byNumber = Object.fromEntries(view.visits.map((v) => [v.number, v]));
    expect(byNumber['2']?.timing).toMatchObject({ elapsedMinutes: 3, status: 'done' });
    expect(byNumber['3']?.timing).toMatchObject({ elapsedMinutes: 2, status: 'done' });
    expect(byNumber['4']?.timing).toMatchObject({ elapsedMinutes: 5, status: 'done' });
    expect(byNumber['5']?.timing).toMatchObject({ elapsedMinutes: 20, status: 'done' });
    expect(byNumber['5']?.branchLabel).toBe('Ya');
    expect(byNumber['6']?.timing.status).toBe('done');
    expect(verifyAudit(o.core.db)).toMatchObject({ ok: true, broken: null });
  });

  it('returns the request to the PD on "Tidak", with the reason required', async () => {
    const o = await office('tarakan-hosting-subdomain');
    const { users } = o;
    const { requestId } = register(o);
    act(o, users.front_desk, requestId, at('09:02'), { action: 'complete' });
    act(o, users.kadis, requestId, at('09:04'), { action: 'dispose', recipients: [users.kabid.id] });
    act(o, users.kabid, requestId, at('09:09'), { action: 'complete' });
    const noReason = apiError(() => act(o, users.kabid, requestId, at('09:20'), { action: 'decide', branch: 'tidak' }));
    expect(noReason.fields).toEqual({ note: 'Tulis alasan pengembalian kepada OPD.' });
    const view = act(o, users.kabid, requestId, at('09:25'), { action: 'decide', branch: 'tidak', note: 'Nama subdomain belum disebutkan dalam surat.' });
    expect(view.state).toBe('dikembalikan');
    expect(view.visits.at(-1)?.branchLabel).toBe('Tidak');
    expect(searchLetters(o.core.db, LetterSearchSchema.parse({}), users.front_desk).items[0]?.status).toBe('dikembalikan');
    expect(apiError(() => act(o, users.technical, requestId, at('09:30'), { action: 'complete', stepId: 'c6' })).code).toBe('CONFLICT');
  });

  it('shows a step past its standard as late in the Kabid queue', async () => {
    const o = await office('tarakan-hosting-subdomain');
    const { users } = o;
    const { requestId } = register(o);
    act(o, users.front_desk, requestId, at('09:02'), { action: 'complete' });
    act(o, users.kadis, requestId, at('09:04'), { action: 'dispose', recipients: [users.kabid.id] });
    // Step 4 has 5 minutes: at-risk from 75 % (09.07.45), late after 09.09.
    expect(myQueue(o.core.db, users.kabid, at('09:06'))[0]?.timing.status).toBe('on_track');
    expect(myQueue(o.core.db, users.kabid, at('09:08'))[0]?.timing.status).toBe('at_risk');
    const late = myQueue(o.core.db, users.kabid, at('09:30'))[0];
    expect(late?.timing.status).toBe('late');
    expect(late?.timing.dueAt).toBe('2026-11-23T02:09:00.000Z');
    expect(dashboard(o.core.db, users.kabid, at('09:30'))).toMatchObject({ late: 1 });

    // The queue keeps each request's deadline between reads; a power cut entered afterwards
    // (09.05–10.00) moves it: 4 of the 5 minutes are left at 10.00, so it is due at 10.04.
    saveClosure(o.core.db, { start: at('09:05').toISOString(), end: at('10:00').toISOString(), reason: 'Listrik padam' });
    const moved = myQueue(o.core.db, users.kabid, at('09:30'))[0];
    expect(moved?.timing).toMatchObject({ status: 'on_track', dueAt: '2026-11-23T03:04:00.000Z', elapsedMinutes: 1 });
    // And the step done (a new revision of the request) is seen at the next read.
    act(o, users.kabid, requestId, at('10:02'), { action: 'complete' });
    expect(myQueue(o.core.db, users.kabid, at('10:03')).map((q) => q.step.number)).toEqual(['5']);
  });

  it('lets the Kadis withdraw a disposition only while it is unread', async () => {
    const o = await office('tarakan-hosting-subdomain');
    const { users } = o;
    const { requestId } = register(o);
    act(o, users.front_desk, requestId, at('09:02'), { action: 'complete' });
    let view = act(o, users.kadis, requestId, at('09:04'), { action: 'dispose', recipients: [users.kabid.id] });
    const first = view.dispositions[0]?.id as number;
    expect(view.actions.withdrawDispositionIds).toEqual([first]);
    withdrawDisposition(o.core.db, first, users.kadis, at('09:05'));
    view = getRequestView(o.core.db, requestId, users.kadis, at('09:05'));
    expect(view.currentStep?.number).toBe('3');
    expect(searchLetters(o.core.db, LetterSearchSchema.parse({}), users.kabid).total).toBe(0);

    view = act(o, users.kadis, requestId, at('09:06'), { action: 'dispose', recipients: [users.kabid.id] });
    const second = view.dispositions[1]?.id as number;
    markDispositionsRead(o.core.db, requestId, users.kabid.id, at('09:07'));
    expect(apiError(() => withdrawDisposition(o.core.db, second, users.kadis, at('09:08'))).message).toMatch(/sudah dibaca/);
  });

  it('refuses an action made on a stale view of the request', async () => {
    const o = await office('tarakan-hosting-subdomain');
    const { users } = o;
    const { requestId } = register(o);
    const stale = getRequestView(o.core.db, requestId, users.front_desk, at('09:01'));
    act(o, users.front_desk, requestId, at('09:02'), { action: 'complete' });
    const error = apiError(() =>
      actOnStep(o.core.db, { requestId, revision: stale.revision, stepId: 'c3', action: 'dispose', recipients: [users.kabid.id] }, users.kadis, at('09:03')),
    );
    expect(error.code).toBe('CONFLICT');
  });
});

describe('SOP D (Pontianak) with its security step and a pause', () => {
  it('stops the clock while waiting for the OPD and times the 12–24 h security evaluation', async () => {
    const o = await office('pontianak-hosting');
    const { users } = o;
    const { requestId } = register(o);
    let view = getRequestView(o.core.db, requestId, users.kadis, at('09:00'));
    expect(view.currentStep?.number).toBe('0');
    act(o, users.kadis, requestId, at('09:05'), { action: 'dispose', recipients: [users.kabid.id] });
    act(o, users.kabid, requestId, at('09:15'), { action: 'dispose', recipients: [users.technical.id], instructions: ['Proses lebih lanjut'] });

    // Step 2 waits for the application files: paused 09.20 → 14.20 Tuesday, the clock stops.
    act(o, users.technical, requestId, at('09:20'), { action: 'pause', note: 'Menunggu file aplikasi dari OPD' });
    view = getRequestView(o.core.db, requestId, users.technical, at('13:00', '2026-11-24'));
    expect(view.state).toBe('dijeda');
    expect(myQueue(o.core.db, users.technical, at('13:00', '2026-11-24'))[0]?.timing.status).toBe('paused');
    act(o, users.technical, requestId, at('14:20', '2026-11-24'), { action: 'resume', note: 'File diterima' });
    view = act(o, users.technical, requestId, at('14:25', '2026-11-24'), { action: 'complete' });
    const step2 = view.visits.find((v) => v.number === '2');
    // 09.15–09.20 Monday and 14.20–14.25 Tuesday: 10 working minutes of 15, on time.
    expect(step2?.timing).toMatchObject({ elapsedMinutes: 10, status: 'done' });

    // The security evaluation belongs to the security officer, not to technical staff.
    expect(view.currentStep?.number).toBe('3');
    expect(apiError(() => act(o, users.technical, requestId, at('14:30', '2026-11-24'), { action: 'complete' })).code).toBe('FORBIDDEN');
    // 12 working hours from Tue 14.25 (Perpres week): Tue 14.25–16.00 = 95, Wed 7.5 h = 450 → 545,
    // Thu 07.30 + 175 min → 07.30–10.25 = 175 → at risk from Thu 10.25.
    const security = myQueue(o.core.db, users.security, at('10:00', '2026-11-26'))[0];
    expect(security?.timing).toMatchObject({ status: 'on_track', warnAt: '2026-11-26T03:25:00.000Z' });
    expect(myQueue(o.core.db, users.security, at('11:00', '2026-11-26'))[0]?.timing.status).toBe('at_risk');
    view = act(o, users.security, requestId, at('11:00', '2026-11-26'), { action: 'complete', note: 'Lulus evaluasi keamanan.' });
    expect(view.currentStep?.number).toBe('4');
  });
});

describe('the audit log', () => {
  it('records each change and detects a row edited afterwards', async () => {
    const o = await office('tarakan-hosting-subdomain');
    const { users } = o;
    const { requestId } = register(o);
    act(o, users.front_desk, requestId, at('09:02'), { action: 'complete' });
    act(o, users.kadis, requestId, at('09:04'), { action: 'dispose', recipients: [users.kabid.id] });
    const result = verifyAudit(o.core.db);
    expect(result.ok).toBe(true);
    expect(result.checked).toBeGreaterThanOrEqual(4);
    const target = o.core.db.prepare("SELECT id FROM audit_log WHERE action = 'disposisi.dikirim'").get() as { id: number };
    o.core.db.prepare("UPDATE audit_log SET after = replace(after, 'recipients', 'penerima') WHERE id = ?").run(target.id);
    expect(verifyAudit(o.core.db)).toMatchObject({ ok: false, broken: { id: target.id } });
  });
});
