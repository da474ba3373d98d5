import { describe, expect, it } from 'vitest';
import { BUILTIN_TEMPLATES, builtinTemplate } from '../../shared/domain/sop/builtin';
import {
  isActionStep,
  type ActionStep,
  type DecisionStep,
  type DispositionStep,
  type SopStep,
  type SopTemplate,
  type TaskStep,
} from '../../shared/domain/sop/model';
import {
  SopTemplateSchema,
  assertValidTemplate,
  parseTemplate,
  safeParseTemplate,
  validateTemplate,
  type TemplateProblem,
} from '../../shared/domain/sop/validate';
import type { TimeStandard } from '../../shared/domain/timing';

const none: TimeStandard = { kind: 'none' };
const min = (value: number): TimeStandard => ({ kind: 'minutes', value });
const hrs = (value: number): TimeStandard => ({ kind: 'hours', value });
const days = (value: number): TimeStandard => ({ kind: 'days', value });
const hrsRange = (lo: number, hi: number): TimeStandard => ({ kind: 'range', min: lo, max: hi, unit: 'hours' });

function template(key: string): SopTemplate {
  const t = builtinTemplate(key);
  if (!t) throw new Error(`no built-in template ${key}`);
  return t;
}

/** A deep copy to break. */
function copy(key: string): SopTemplate {
  return structuredClone(template(key));
}

function step(t: SopTemplate, id: string): SopStep {
  const s = t.steps.find((x) => x.id === id);
  if (!s) throw new Error(`no step ${id} in ${t.key}`);
  return s;
}

function task(t: SopTemplate, id: string): TaskStep {
  const s = step(t, id);
  if (s.kind !== 'task') throw new Error(`${id} is a ${s.kind}`);
  return s;
}

function disposition(t: SopTemplate, id: string): DispositionStep {
  const s = step(t, id);
  if (s.kind !== 'disposition') throw new Error(`${id} is a ${s.kind}`);
  return s;
}

function decision(t: SopTemplate, id: string): DecisionStep {
  const s = step(t, id);
  if (s.kind !== 'decision') throw new Error(`${id} is a ${s.kind}`);
  return s;
}

const actions = (t: SopTemplate): ActionStep[] => t.steps.filter(isActionStep);
const messages = (problems: TemplateProblem[]): string[] => problems.map((p) => p.message);

/** The validator finds exactly one kind of problem, about `stepId`, whose message names the step. */
function expectProblem(t: SopTemplate, stepId: string | null, ...patterns: RegExp[]): TemplateProblem {
  const problems = validateTemplate(t);
  const found = problems.find((p) => p.stepId === stepId && patterns.every((re) => re.test(p.message)));
  expect(found, `expected a problem on ${String(stepId)} matching ${patterns.join(', ')}; got:\n${messages(problems).join('\n')}`).toBeDefined();
  return found as TemplateProblem;
}

describe('built-in SOP templates', () => {
  it('are the five seeds, with unique keys', () => {
    expect(BUILTIN_TEMPLATES.map((t) => t.key)).toEqual([
      'pekalongan-hosting',
      'pekalongan-domain',
      'tarakan-hosting-subdomain',
      'pontianak-hosting',
      'pengaduan',
    ]);
    expect(BUILTIN_TEMPLATES.map((t) => t.subject)).toEqual(['request', 'request', 'request', 'request', 'complaint']);
  });

  it.each(BUILTIN_TEMPLATES.map((t) => [t.key, t] as const))('%s validates with no problems', (_key, t) => {
    expect(validateTemplate(t)).toEqual([]);
    expect(() => assertValidTemplate(t)).not.toThrow();
    expect(t.start).toBe(t.steps[0]?.id);
    expect(new Set(t.steps.map((s) => s.id)).size).toBe(t.steps.length);
  });

  it.each(BUILTIN_TEMPLATES.map((t) => [t.key, t] as const))('%s survives a JSON round trip through the editor schema', (_key, t) => {
    const json: unknown = JSON.parse(JSON.stringify(t));
    expect(safeParseTemplate(json)).toEqual({ ok: true, template: t });
    expect(SopTemplateSchema.safeParse(json).success).toBe(true);
  });

  it('A, Pekalongan hosting: 10 steps with their mutu baku, 2 working days', () => {
    const t = template('pekalongan-hosting');
    expect(t.serviceStandard).toEqual(days(2));
    expect(actions(t).map((s) => s.number)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10']);
    expect(actions(t).map((s) => s.standard)).toEqual([none, min(5), min(5), min(5), min(10), hrs(2), hrs(1), min(30), min(5), min(5)]);
    expect(disposition(t, 'a3')).toMatchObject({ actor: 'kadis', to: 'kabid_ins' });
    expect(disposition(t, 'a4')).toMatchObject({ actor: 'kabid_ins', to: 'kasi_pusat_data' });
    expect(t.roles.find((r) => r.key === 'kasi_pusat_data')?.systemRole).toBe('technical');
    expect(t.roles.find((r) => r.key === 'opd')).toEqual({ key: 'opd', label: 'OPD Pemohon', systemRole: 'front_desk', external: true });
    expect(task(t, 'a5').title).toBe('Memverifikasi dan mengecek kelengkapan dokumen permohonan hosting');
    expect(task(t, 'a6')).toMatchObject({ output: 'Laporan pembuatan domain dan hosting', records: ['hosting_record', 'document_report'] });
    expect(task(t, 'a7').output).toBe('Dokumen hosting');
    expect(task(t, 'a8').records).toEqual(['document_hosting_access']);
    expect(task(t, 'a9').actor).toBe('sekretaris_tu');
    expect(t.notes.some((n) => /Langkah 9/.test(n) && /tafsiran/.test(n))).toBe(true);
    expect(step(t, task(t, 'a10').next)).toMatchObject({ kind: 'end', outcome: 'selesai' });
  });

  it('B, Pekalongan domain: the 16 prosedur items (step 2 split), no step times, 7 working days', () => {
    const t = template('pekalongan-domain');
    expect(t.serviceStandard).toEqual(days(7));
    const numbers = ['1', '2a', '2b', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12', '13', '14', '15', '16'];
    expect(actions(t).map((s) => s.number)).toEqual(numbers);
    expect(actions(t).map((s) => s.standard)).toEqual(numbers.map(() => none));
    expect(disposition(t, 'b2b')).toMatchObject({ actor: 'kadis', to: 'kabid_apps' });
    expect(disposition(t, 'b3')).toMatchObject({ actor: 'kabid_apps', to: 'petugas_teknis' });
    expect(disposition(t, 'b7')).toMatchObject({ actor: 'kabid_apps', to: 'programmer' });
    for (const id of ['b10', 'b11', 'b12']) expect(task(t, id).records).toEqual(['hosting_record']);
    expect(task(t, 'b14').records).toEqual(['document_bast']);
    expect(task(t, 'b16').records).toEqual(['document_cover_letter', 'document_bast']);
    expect(t.notes.some((n) => n.includes('5 (lima) hari kerja') && n.includes('7 hari kerja'))).toBe(true);
    expect(t.notes.some((n) => n.includes('Senin–Kamis 08.00–15.45') && n.includes('Jumat 08.00–11.00'))).toBe(true);
    expect(t.notes.some((n) => n.includes('tiga bulan'))).toBe(true);
  });

  it('C, Tarakan: 8 steps, a decision whose "Tidak" returns the letter to the PD', () => {
    const t = template('tarakan-hosting-subdomain');
    expect(t.source).toContain('000.8.3.3.3/23/SOP/DKISP/2024');
    expect(actions(t).map((s) => s.number)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8']);
    expect(actions(t).map((s) => s.standard)).toEqual([min(2), min(3), min(2), min(5), min(30), days(2), min(2), min(2)]);
    expect(disposition(t, 'c3')).toMatchObject({ actor: 'kadis', to: 'kabid_aptika' });
    const d = decision(t, 'c5');
    expect(d.actor).toBe('kabid_aptika');
    expect(d.output).toBe('Laporan untuk ditindak lanjuti, Surat Pemberitahuan');
    const ya = d.branches.find((b) => b.label === 'Ya');
    const tidak = d.branches.find((b) => b.label === 'Tidak');
    expect(ya?.next).toBe('c6');
    expect(tidak?.returnsToOpd).toBe(true);
    expect(step(t, tidak?.next ?? '')).toMatchObject({ kind: 'end', outcome: 'dikembalikan' });
    expect(task(t, 'c6').records).toEqual(['hosting_record']);
    for (const id of ['c6', 'c7', 'c8']) expect(t.roles.find((r) => r.key === task(t, id).actor)?.systemRole).toBe('technical');
    expect(step(t, task(t, 'c8').next)).toMatchObject({ kind: 'end', outcome: 'selesai' });
    expect(t.notes.some((n) => n.includes('keterlambatan pada satu titik proses'))).toBe(true);
    expect(t.notes.some((n) => n.includes('Data konfigurasi hosting') && n.includes('Pemeliharaan hosting'))).toBe(true);
  });

  it('D, Pontianak: an inferred step 0, the security evaluation (12–24 jam) and the pause at step 2', () => {
    const t = template('pontianak-hosting');
    expect(actions(t).map((s) => s.number)).toEqual(['0', '1', '2', '3', '4', '5', '6']);
    expect(actions(t).map((s) => s.standard)).toEqual([none, min(15), min(15), hrsRange(12, 24), hrsRange(8, 24), min(15), min(15)]);
    expect(disposition(t, 'd0')).toMatchObject({ actor: 'kadis', to: 'kabid_tkpbet' });
    expect(t.notes.some((n) => n.startsWith('Langkah 0 tidak ada di tabel SOP'))).toBe(true);
    expect(disposition(t, 'd1')).toMatchObject({ to: 'seksi_pkai', inputs: ['Surat Permohonan Sub Domain dari OPD (memuat nama sub domain)'] });
    expect(task(t, 'd2').pause).toEqual({ reason: 'Menunggu file aplikasi dari OPD pemohon' });
    const security = task(t, 'd3');
    expect(security.standard).toEqual(hrsRange(12, 24));
    expect(t.roles.find((r) => r.key === security.actor)?.systemRole).toBe('security');
    expect(security.records).toEqual(['security_evaluation']);
    expect(task(t, 'd4').records).toEqual(['hosting_record']);
    expect(task(t, 'd5').records).toEqual(['hosting_record']);
    expect(task(t, 'd6').actor).toBe('opd');
    expect(step(t, task(t, 'd6').next)).toMatchObject({ kind: 'end', outcome: 'selesai' });
  });

  it('Pengaduan: staff respond; unsolved complaints go to the Pejabat Pengaduan', () => {
    const t = template('pengaduan');
    expect(t.subject).toBe('complaint');
    expect(actions(t).map((s) => s.standard)).toEqual([none, none, none, none, none]);
    expect(task(t, 'e1').title).toMatch(/telepon, e-mail, website, Twitter atau Instagram/);
    const d = decision(t, 'e3a');
    expect(d.question).toBe('Masalah terselesaikan oleh petugas?');
    expect(step(t, d.branches.find((b) => b.label === 'Ya')?.next ?? '')).toMatchObject({ kind: 'end', outcome: 'selesai' });
    expect(d.branches.find((b) => b.label === 'Tidak')?.next).toBe('e3b');
    expect(disposition(t, 'e3b').to).toBe('pejabat_pengaduan');
    expect(t.roles.find((r) => r.key === 'pejabat_pengaduan')?.systemRole).toBe('kabid');
    expect(task(t, 'e4').actor).toBe('pejabat_pengaduan');
    expect(step(t, task(t, 'e4').next)).toMatchObject({ kind: 'end', outcome: 'selesai' });
  });
});

describe('the template validator', () => {
  it('reports a duplicate step id, naming the step', () => {
    const t = copy('pekalongan-hosting');
    const s6 = task(t, 'a6');
    s6.id = 'a5';
    expectProblem(t, 'a5', /^Langkah 6 "Membuatkan domain/, /ID langkah "a5" dipakai lebih dari sekali/);
  });

  it('reports a missing or unknown start', () => {
    const t = copy('pekalongan-hosting');
    t.start = '';
    expectProblem(t, null, /Langkah awal belum ditentukan/);
    t.start = 'a99';
    expectProblem(t, null, /Langkah awal "a99" tidak ada/);
    t.start = 'a_end';
    expectProblem(t, null, /Langkah akhir "Selesai" tidak boleh menjadi langkah awal/);
  });

  it('reports a next step that does not exist', () => {
    const t = copy('pekalongan-hosting');
    task(t, 'a6').next = 'a66';
    expectProblem(t, 'a6', /^Langkah 6 "/, /langkah berikutnya "a66" tidak ada/);
  });

  it('reports a branch target that does not exist', () => {
    const t = copy('tarakan-hosting-subdomain');
    const d = decision(t, 'c5');
    const ya = d.branches[0];
    if (!ya) throw new Error('no branch');
    ya.next = 'c66';
    expectProblem(t, 'c5', /^Langkah 5 "Permintaan hosting/, /cabang "Ya" menuju langkah "c66" yang tidak ada/);
  });

  it('reports an unreachable step', () => {
    const t = copy('pekalongan-hosting');
    task(t, 'a5').next = 'a7';
    expectProblem(t, 'a6', /^Langkah 6 "Membuatkan domain/, /tidak dapat dicapai dari langkah awal/);
    expect(validateTemplate(t)).toHaveLength(1);
  });

  it('reports a step from which no end can be reached', () => {
    const t = copy('tarakan-hosting-subdomain');
    const d = decision(t, 'c5');
    // Both branches loop back to the review: the decision never lets the request out.
    for (const b of d.branches) b.next = 'c4';
    delete d.branches[1]?.returnsToOpd;
    expectProblem(t, 'c5', /^Langkah 5 /, /tidak ada jalan menuju langkah akhir/);
    expectProblem(t, 'c4', /^Langkah 4 /, /tidak ada jalan menuju langkah akhir/);
  });

  it('reports a decision with fewer than two branches, duplicate keys or a branch without a target', () => {
    const one = copy('tarakan-hosting-subdomain');
    decision(one, 'c5').branches.splice(1, 1);
    expectProblem(one, 'c5', /^Langkah 5 "/, /paling sedikit dua cabang \(sekarang 1\)/);

    const dup = copy('tarakan-hosting-subdomain');
    const [ya, tidak] = decision(dup, 'c5').branches;
    if (!ya || !tidak) throw new Error('no branches');
    tidak.key = ya.key;
    expectProblem(dup, 'c5', /^Langkah 5 "/, /kunci cabang "ya" dipakai lebih dari sekali/);

    const empty = copy('tarakan-hosting-subdomain');
    const emptyTidak = decision(empty, 'c5').branches[1];
    if (!emptyTidak) throw new Error('no branch');
    emptyTidak.next = '';
    expectProblem(empty, 'c5', /^Langkah 5 "/, /cabang "Tidak" belum punya langkah tujuan/);
  });

  it('reports an actor or a disposition recipient that is not a role of the template', () => {
    const t = copy('pekalongan-hosting');
    task(t, 'a6').actor = 'kasi_jaringan';
    disposition(t, 'a4').to = 'kasi_data';
    expectProblem(t, 'a6', /^Langkah 6 "/, /pelaksana "kasi_jaringan" tidak ada di daftar peran/);
    expectProblem(t, 'a4', /^Langkah 4 "Disposisi ke Kasi Pusat Data"/, /tujuan disposisi "kasi_data" tidak ada di daftar peran/);
  });

  it('reports a role whose system role is not a Loket role', () => {
    const t = copy('pekalongan-hosting');
    const role = t.roles.find((r) => r.key === 'kasi_pusat_data');
    if (!role) throw new Error('no role');
    (role as { systemRole: string }).systemRole = 'programmer';
    expectProblem(t, null, /Peran "Kasi Pusat Data"/, /peran sistem "programmer" bukan peran Loket/);
  });

  it('reports a loop without a decision', () => {
    const t = copy('pekalongan-hosting');
    task(t, 'a7').next = 'a5';
    const problem = expectProblem(t, 'a5', /^Langkah 5 "Memverifikasi/, /berputar tanpa keputusan \(5 → 6 → 7 → 5\)/);
    expect(problem.message).toMatch(/tidak pernah berakhir/);
    // A loop through a decision with a way out is allowed.
    const ok = copy('tarakan-hosting-subdomain');
    const tidak = decision(ok, 'c5').branches[1];
    if (!tidak) throw new Error('no branch');
    tidak.next = 'c4';
    delete tidak.returnsToOpd;
    ok.steps = ok.steps.filter((s) => s.id !== 'c_returned');
    expect(validateTemplate(ok)).toEqual([]);
  });

  it('reports a template without an end step', () => {
    const t = copy('pekalongan-hosting');
    t.steps = t.steps.filter((s) => s.kind !== 'end');
    expectProblem(t, null, /tidak punya langkah akhir/);
    expectProblem(t, 'a10', /^Langkah 10 "/, /langkah berikutnya "a_end" tidak ada/);
  });

  it('reports an empty title', () => {
    const t = copy('pekalongan-hosting');
    task(t, 'a6').title = '  ';
    expectProblem(t, 'a6', /^Langkah 6 \(a6\): judul langkah wajib diisi/);
  });

  it('reports a negative or inverted time standard', () => {
    const t = copy('pekalongan-hosting');
    task(t, 'a6').standard = { kind: 'hours', value: -2 };
    task(t, 'a5').standard = { kind: 'range', min: 24, max: 12, unit: 'hours' };
    t.serviceStandard = { kind: 'days', value: 1.5 };
    expectProblem(t, 'a6', /^Langkah 6 "Membuatkan domain/, /tidak boleh negatif/);
    expectProblem(t, 'a5', /^Langkah 5 "Memverifikasi/, /rentang standar waktu terbalik: batas bawah 24 lebih besar dari batas atas 12/);
    expectProblem(t, null, /Waktu penyelesaian layanan: .*bilangan bulat/);
  });

  it('names the step by number and shortened title', () => {
    const t = copy('pontianak-hosting');
    task(t, 'd2').actor = 'nobody';
    const problem = expectProblem(t, 'd2', /pelaksana "nobody"/);
    expect(problem.message).toMatch(/^Langkah 2 "Menerima dan menelaah surat permohonan[^"]* …": /);
  });

  it('assertValidTemplate throws an Error listing every problem', () => {
    const t = copy('pekalongan-hosting');
    task(t, 'a6').next = 'a66';
    task(t, 'a8').title = '';
    expect(() => assertValidTemplate(t)).toThrow(/Templat SOP "Pelayanan Hosting" tidak sah:\n- Langkah 6 .*a66[\s\S]*- Langkah 8 \(a8\): judul/);
  });
});

describe('templates from the editor (JSON)', () => {
  it('refuses a wrong shape with messages that name the step', () => {
    const raw = JSON.parse(JSON.stringify(template('pekalongan-hosting'))) as Record<string, unknown> & { steps: Array<Record<string, unknown>> };
    const s5 = raw.steps[4];
    const s7 = raw.steps[6];
    if (!s5 || !s7) throw new Error('no steps');
    s5.kind = 'langkah';
    s7.standard = { kind: 'range', min: 'dua belas', max: 24, unit: 'hours' };
    delete raw.start;
    const result = safeParseTemplate(raw);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toContainEqual({ stepId: null, message: 'Templat (langkah awal): wajib diisi.' });
    expect(result.problems.find((p) => p.stepId === 'a5')?.message).toMatch(/^Langkah 5 "Memverifikasi .*\(jenis\): jenis langkah harus/);
    expect(result.problems.find((p) => p.stepId === 'a7')?.message).toMatch(/^Langkah 7 ".*\(standar waktu batas bawah\): harus berupa angka/);
    expect(safeParseTemplate('bukan templat')).toEqual({ ok: false, problems: [{ stepId: null, message: 'Templat harus berupa objek JSON.' }] });
  });

  it('runs the validator after the shape, on save', () => {
    const raw = JSON.parse(JSON.stringify(template('tarakan-hosting-subdomain'))) as SopTemplate;
    const tidak = decision(raw, 'c5').branches[1];
    if (!tidak) throw new Error('no branch');
    tidak.next = 'c55';
    const result = safeParseTemplate(raw);
    expect(result).toEqual({
      ok: false,
      problems: [
        {
          stepId: 'c5',
          message: 'Langkah 5 "Permintaan hosting dan subdomain disetujui/dapat …": cabang "Tidak" menuju langkah "c55" yang tidak ada di daftar langkah.',
        },
        { stepId: 'c_returned', message: 'Langkah akhir "Surat permohonan dikembalikan kepada PD untuk …": tidak dapat dicapai dari langkah awal.' },
      ],
    });
    expect(() => parseTemplate(raw)).toThrow(/cabang "Tidak" menuju langkah "c55"/);
    const zodResult = SopTemplateSchema.safeParse(raw);
    expect(zodResult.success).toBe(false);
    expect(zodResult.error?.issues[0]).toMatchObject({ path: ['steps', 4], message: expect.stringContaining('Langkah 5') });
  });
});

describe('built-in templates are shared', () => {
  it('cannot be changed in place', () => {
    const t = template('pekalongan-hosting');
    expect(() => {
      (t.steps[0] as TaskStep).title = 'diubah';
    }).toThrow(TypeError);
    expect(task(t, 'a1').title).toBe('Mengirim surat permohonan hosting ke Diskominfo Kota Pekalongan');
  });
});
