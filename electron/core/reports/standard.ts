/**
 * Standar pelayanan per service, generated from the office's data, for the front desk to print for
 * a visitor (Pekalongan's standar pelayanan is the model): persyaratan, biaya and produk as the
 * office writes them (migration 6, service_standards); the prosedur as the steps of the SOP that
 * serves the service, in order; the waktu as the SOP's service standard, or the sum of its steps'
 * standards when the SOP gives none; the service hours from the office calendar; and the
 * complaint channels with the Pejabat Pengaduan from the complaint settings.
 */
import { ApiError } from '../../../shared/api/errors';
import type { PaperSize, ServiceKind, User } from '../../../shared/api/schemas';
import { SERVICE_LABELS } from '../../../shared/api/schemas';
import type { ServiceStandard, ServiceStandardInput } from '../../../shared/api/report-schemas';
import { DAYS_ID, formatInstantDateId } from '../../../shared/domain/dates';
import type { SopTemplate } from '../../../shared/domain/sop/model';
import { describeStandard, standardMinutes, type TimeStandard } from '../../../shared/domain/timing';
import type { TimeRange } from '../../../shared/domain/calendar';
import type { CoreContext } from '../context';
import type { Db } from '../db/register';
import { appendAudit } from '../services/audit';
import { getWeek } from '../services/calendar';
import { officeComplaintContacts } from '../services/complaints';
import { findOfficial, getOffice } from '../services/office';
import { getTemplate, latestTemplateId } from '../services/sop';
import { FONT } from '../pdf/fonts';
import { drawText, lineHeight, textHeight, type TextStyle } from '../pdf/layout';
import { drawLetterhead, letterheadData } from '../pdf/letterhead';
import { drawSignature, signerFor } from '../pdf/signature';
import { createReportPdf, Flow, numberPages, reportFrame, type RenderedFile } from './pdf';
import { fileBase, formatNumberId } from './format';

function minutesText(total: number): string {
  const hours = Math.floor(total / 60);
  const minutes = Math.round(total - hours * 60);
  if (hours === 0) return `${minutes} menit`;
  return minutes === 0 ? `${formatNumberId(hours)} jam` : `${formatNumberId(hours)} jam ${minutes} menit`;
}

/**
 * The sum of the steps' standards: working days and minutes kept apart (a day is not a fixed
 * number of minutes), ranges summed at both ends. Pontianak: "21–49 jam"; Tarakan: "2 hari kerja dan 46 menit".
 */
export function sumOfStandards(standards: readonly TimeStandard[]): string | null {
  let days = 0;
  let min = 0;
  let max = 0;
  let any = false;
  for (const s of standards) {
    if (s.kind === 'none') continue;
    any = true;
    if (s.kind === 'days') days += s.value;
    else if (s.kind === 'range') {
      const unit = s.unit === 'hours' ? 60 : 1;
      min += s.min * unit;
      max += s.max * unit;
    } else {
      const m = standardMinutes(s) ?? 0;
      min += m;
      max += m;
    }
  }
  if (!any) return null;
  const minutes = min === max ? (min > 0 ? minutesText(min) : '') : min % 60 === 0 && max % 60 === 0 ? `${formatNumberId(min / 60)}–${formatNumberId(max / 60)} jam` : `${minutesText(min)} – ${minutesText(max)}`;
  const dayText = days > 0 ? `${days} hari kerja` : '';
  return [dayText, minutes].filter(Boolean).join(' dan ');
}

/** "Senin–Kamis: 08.00–15.45 (istirahat 12.00–13.00)", weekdays with the same hours grouped. */
export function serviceHours(week: TimeRange[][]): string[] {
  const order = [1, 2, 3, 4, 5, 6, 0];
  const key = (d: number) => JSON.stringify(week[d] ?? []);
  const groups: Array<{ days: number[]; ranges: TimeRange[] }> = [];
  for (const d of order) {
    const ranges = week[d] ?? [];
    if (ranges.length === 0) continue;
    const last = groups[groups.length - 1];
    const prevDay = last?.days[last.days.length - 1];
    if (last && prevDay !== undefined && order.indexOf(prevDay) === order.indexOf(d) - 1 && key(prevDay) === key(d)) last.days.push(d);
    else groups.push({ days: [d], ranges });
  }
  const dot = (t: string) => t.replace(':', '.');
  return groups.map((g) => {
    const first = DAYS_ID[g.days[0] ?? 1];
    const lastDay = DAYS_ID[g.days[g.days.length - 1] ?? 1];
    const days = g.days.length === 1 ? first : `${first}–${lastDay}`;
    const start = g.ranges[0]?.start ?? '';
    const end = g.ranges[g.ranges.length - 1]?.end ?? '';
    const breaks = g.ranges.slice(1).map((r, i) => `${dot(g.ranges[i]?.end ?? '')}–${dot(r.start)}`);
    return `${days}: ${dot(start)}–${dot(end)}${breaks.length > 0 ? ` (istirahat ${breaks.join(', ')})` : ''}`;
  });
}

function templateFor(db: Db, service: ServiceKind): SopTemplate | null {
  const row = db.prepare('SELECT template_key FROM service_sops WHERE service = ?').get(service) as { template_key: string } | undefined;
  if (!row) return null;
  const id = latestTemplateId(db, row.template_key);
  return id === null ? null : getTemplate(db, id);
}

export function getServiceStandard(db: Db, service: ServiceKind): ServiceStandard {
  const row = db.prepare('SELECT requirements, fee, product FROM service_standards WHERE service = ?').get(service) as
    | { requirements: string; fee: string; product: string }
    | undefined;
  const template = templateFor(db, service);
  const steps = template ? template.steps.filter((s) => s.kind !== 'end') : [];
  let time = '–';
  let timeBasis: ServiceStandard['timeBasis'] = 'none';
  if (template && template.serviceStandard.kind !== 'none') {
    time = describeStandard(template.serviceStandard);
    timeBasis = 'sop';
  } else if (template) {
    const sumText = sumOfStandards(steps.map((s) => s.standard));
    if (sumText) {
      time = sumText;
      timeBasis = 'steps';
    }
  }
  return {
    service,
    serviceLabel: SERVICE_LABELS[service],
    requirements: row ? (JSON.parse(row.requirements) as string[]) : [],
    fee: row?.fee ?? '',
    product: row?.product ?? '',
    template: template ? { key: template.key, name: template.name, source: template.source } : null,
    procedure: steps.map((s) => ({
      number: s.number,
      title: s.kind === 'decision' ? s.question : s.title,
      actor: template?.roles.find((r) => r.key === s.actor)?.label ?? s.actor,
      standard: describeStandard(s.standard),
    })),
    time,
    timeBasis,
    hours: serviceHours(getWeek(db)),
    complaintContacts: officeComplaintContacts(db),
  };
}

export function listServiceStandards(db: Db): ServiceStandard[] {
  return (['hosting', 'subdomain', 'website', 'lainnya'] as const).map((s) => getServiceStandard(db, s));
}

export function saveServiceStandard(db: Db, input: ServiceStandardInput, user: User, now: Date): ServiceStandard {
  const run = db.transaction(() => {
    const before = getServiceStandard(db, input.service);
    const at = now.toISOString();
    db.prepare(
      `INSERT INTO service_standards (service, requirements, fee, product, updated_by, updated_at) VALUES (@service, @requirements, @fee, @product, @userId, @at)
       ON CONFLICT (service) DO UPDATE SET requirements = excluded.requirements, fee = excluded.fee, product = excluded.product,
         updated_by = excluded.updated_by, updated_at = excluded.updated_at`,
    ).run({ service: input.service, requirements: JSON.stringify(input.requirements), fee: input.fee, product: input.product, userId: user.id, at });
    appendAudit(db, {
      at,
      userId: user.id,
      action: 'standar_pelayanan.diubah',
      entity: 'service_standard',
      entityId: input.service,
      before: { requirements: before.requirements, fee: before.fee, product: before.product },
      after: { requirements: input.requirements, fee: input.fee, product: input.product },
    });
  });
  run.immediate();
  return getServiceStandard(db, input.service);
}

/** The standar pelayanan as a document: numbered components, each with its text, flowing over pages. */
export async function renderServiceStandardPdf(ctx: CoreContext, service: ServiceKind, paper: PaperSize, now: Date): Promise<RenderedFile> {
  const s = getServiceStandard(ctx.db, service);
  if (s.template === null && s.requirements.length === 0) throw new ApiError('NOT_FOUND', `Layanan ${s.serviceLabel} belum dilayani SOP dan belum punya persyaratan.`);
  const office = getOffice(ctx.db);
  const frame = reportFrame(paper === 'HALF_FOLIO' ? 'A4' : paper, 'portrait');
  const pdf = createReportPdf(ctx.resourcesDir, frame, { title: `Standar Pelayanan ${s.serviceLabel}`, subject: 'Standar Pelayanan', author: office.agencyName, createdAt: now });
  const doc = pdf.doc;
  const flow = new Flow(doc, frame, `Standar Pelayanan ${s.serviceLabel} — ${office.agencyName}`);
  const W = frame.contentWidth;
  const x = frame.x;
  flow.y += drawLetterhead(doc, letterheadData(ctx, office), x, flow.y, W, 0.9);
  flow.y += 12;
  flow.y += drawText(doc, 'STANDAR PELAYANAN', x, flow.y, W, { font: FONT.bold, size: 13, align: 'center' });
  flow.y += drawText(doc, s.serviceLabel.toLocaleUpperCase('id-ID'), x, flow.y, W, { font: FONT.bold, size: 12, align: 'center' });
  if (s.template) {
    flow.y += 2;
    flow.y += drawText(doc, `Menurut SOP: ${s.template.name}`, x, flow.y, W, { font: FONT.italic, size: 8.5, align: 'center' });
  }
  flow.y += 12;

  const signer = signerFor(findOfficial(ctx.db, 'kadis'), 'kadis', [`${office.city}, ${formatInstantDateId(now, office.timeZone)}`]);

  /**
   * The components, then the Kadis's signature, at type scale k. Dry: only measures (as if on one
   * endless page) and returns the height; otherwise draws through the page flow.
   */
  const components = (k: number, dry: boolean): number => {
    const top = flow.y;
    let y = flow.y;
    const ensure = (h: number) => {
      if (dry) return;
      flow.y = y;
      flow.ensure(h);
      y = flow.y;
    };
    const body: TextStyle = { font: FONT.regular, size: 10 * k, lineGap: 1 * k };
    const heading: TextStyle = { font: FONT.bold, size: 10.5 * k };
    const indent = 22;
    const para = (text: string, marker = '') => {
      const w = W - indent - (marker ? 16 : 0);
      ensure(textHeight(doc, text, w, body));
      if (marker) drawText(doc, marker, x + indent, y, 16, body, Infinity, dry);
      y += drawText(doc, text, x + indent + (marker ? 16 : 0), y, w, body, Infinity, dry) + 2 * k;
    };
    let n = 0;
    const component = (title: string, fill: () => void) => {
      n += 1;
      ensure(lineHeight(doc, heading) + 2 * lineHeight(doc, body));
      drawText(doc, `${n}.`, x, y, indent, heading, Infinity, dry);
      y += drawText(doc, title, x + indent, y, W - indent, heading, Infinity, dry) + 3 * k;
      fill();
      y += 8 * k;
    };
    component('Persyaratan', () => {
      if (s.requirements.length === 0) para('–');
      s.requirements.forEach((r, i) => para(r, `${String.fromCharCode(97 + (i % 26))}.`));
    });
    component('Sistem, mekanisme, dan prosedur', () => {
      if (s.procedure.length === 0) para('Belum ada SOP yang melayani layanan ini.');
      s.procedure.forEach((p) => para(`${p.title} (${p.actor}${p.standard !== '–' ? `; ${p.standard}` : ''}).`, `${p.number}.`));
    });
    component('Jangka waktu penyelesaian', () =>
      para(s.timeBasis === 'steps' ? `${s.time} (jumlah mutu baku waktu langkah-langkah SOP), dalam jam kerja.` : s.timeBasis === 'sop' ? `${s.time}.` : 'Tidak ditetapkan dalam SOP.'),
    );
    component('Biaya/tarif', () => para(s.fee || '–'));
    component('Produk pelayanan', () => para(s.product || '–'));
    component('Waktu pelayanan', () => (s.hours.length > 0 ? s.hours.forEach((h) => para(h)) : para('–')));
    component('Penanganan pengaduan, saran, dan masukan', () => {
      para('Pengaduan dapat disampaikan langsung ke kantor atau tidak langsung melalui:');
      if (s.complaintContacts.length === 0) para('(kontak pengaduan belum diisi di Pengaturan)');
      s.complaintContacts.forEach((c) => para(c, '–'));
      para('Petugas menanggapi pengaduan sampai mendapatkan solusi; bila petugas tidak dapat menyelesaikannya, pengaduan diteruskan kepada Pejabat Pengaduan.');
    });
    const style = { text: { font: FONT.regular, size: 10 * k } as TextStyle, space: 46 * k };
    const half = W / 2;
    const h = drawSignature(doc, signer, x + half, y, half, style, true);
    ensure(h + 6);
    y += 4 * k;
    y += drawSignature(doc, signer, x + half, y, half, style, dry);
    if (!dry) flow.y = y;
    return y - top;
  };
  // One page when the type may shrink a little for it; otherwise full size over several pages.
  const full = components(1, true);
  const k = full <= flow.room || full * 0.85 > flow.room ? 1 : ([0.95, 0.9, 0.85].find((scale) => components(scale, true) <= flow.room) ?? 1);
  components(k, false);
  numberPages(doc, frame, `Standar Pelayanan ${s.serviceLabel} — dicetak dari Loket`);
  const { data, pages } = await pdf.finish();
  return { data, pages, fileName: `${fileBase('standar-pelayanan', service)}.pdf` };
}
