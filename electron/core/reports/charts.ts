/**
 * Vector charts drawn with pdfkit paths (no raster): grouped bars and lines, with a value axis,
 * grid lines, category labels, a legend when there is more than one series, and the value over
 * each bar or point. Percentages run 0–100 %; counts and minutes from 0 to a round maximum.
 */
import type { Chart } from '../../../shared/api/report-schemas';
import { FONT } from '../pdf/fonts';
import { drawFittedText, drawText, GREY, hLine, lineHeight, textWidth, type Box, type Doc, type TextStyle } from '../pdf/layout';
import { chartAxisText as axisText, chartScale as ticks, chartValueText as valueText, seriesColor } from '../../../shared/domain/report-format';

const GRID = '#D0D0D0';

/** Draws the chart inside `box`. */
export function drawChart(doc: Doc, chart: Chart, box: Box): void {
  const titleStyle: TextStyle = { font: FONT.bold, size: 8.5 };
  const small: TextStyle = { font: FONT.regular, size: 6.5 };
  const label: TextStyle = { font: FONT.regular, size: 6.5, align: 'center' };
  let y = box.y;
  y += drawFittedText(doc, chart.title, box.x, y, box.w, 2 * lineHeight(doc, titleStyle), titleStyle, 7);
  y += 3;

  if (chart.series.length > 1) {
    let lx = box.x;
    const lh = lineHeight(doc, small);
    chart.series.forEach((s, i) => {
      const w = textWidth(doc, s.label, small) + 14;
      if (lx + w > box.x + box.w && lx > box.x) {
        lx = box.x;
        y += lh + 2;
      }
      doc.save().rect(lx, y + 1, 7, 7).fill(seriesColor(i)).restore();
      drawText(doc, s.label, lx + 9, y + 0.5, w - 9, small);
      lx += w;
    });
    y += lh + 4;
  }

  const n = chart.categories.length;
  if (n === 0) {
    drawText(doc, 'Tidak ada data.', box.x, y + 10, box.w, { font: FONT.italic, size: 8, color: GREY, align: 'center' });
    return;
  }
  const scale = ticks(chart);
  const axisW = Math.max(...scale.values.map((v) => textWidth(doc, axisText(chart, v), small))) + 5;
  const plotX = box.x + axisW;
  const plotW = box.w - axisW - 2;
  const slot = plotW / n;
  const labelLines = slot < 40 ? 3 : 2;
  const labelH = labelLines * lineHeight(doc, label) + 3;
  const plotTop = y + 8; // room for the value over the highest bar
  const plotBottom = box.y + box.h - labelH;
  const plotH = Math.max(20, plotBottom - plotTop);
  const yOf = (v: number) => plotBottom - (Math.max(0, Math.min(v, scale.max)) / scale.max) * plotH;

  // Grid and value axis.
  for (const v of scale.values) {
    const gy = yOf(v);
    hLine(doc, plotX, plotX + plotW, gy, 0.4, v === 0 ? '#000000' : GRID);
    const t = axisText(chart, v);
    drawText(doc, t, box.x, gy - small.size * 0.55, axisW - 3, { ...small, align: 'right' });
  }
  doc.save().lineWidth(0.6).strokeColor('#000000').moveTo(plotX, plotTop - 2).lineTo(plotX, plotBottom).stroke().restore();

  // Category labels.
  chart.categories.forEach((c, i) => {
    drawFittedText(doc, c, plotX + i * slot + 1, plotBottom + 2, slot - 2, labelLines * lineHeight(doc, label), label, 5);
  });

  const valueStyle: TextStyle = { font: FONT.regular, size: 6, align: 'center' };
  if (chart.kind === 'bar') {
    // Bars no wider than 40 pt, so one category does not fill the whole plot.
    const barW = Math.min((slot * 0.72) / Math.max(1, chart.series.length), 40);
    const groupW = barW * chart.series.length;
    const showValues = barW >= 9;
    chart.series.forEach((s, si) => {
      const color = seriesColor(si);
      s.values.forEach((v, i) => {
        const bx = plotX + i * slot + (slot - groupW) / 2 + si * barW;
        if (v !== null && v > 0) {
          const top = yOf(v);
          doc.save().rect(bx + 0.5, top, Math.max(0.8, barW - 1), plotBottom - top).fill(color).restore();
        }
        if (showValues) {
          const top = v === null ? plotBottom : yOf(v);
          drawText(doc, valueText(chart, v), bx - 6, top - 8, barW + 12, valueStyle);
        }
      });
    });
  } else {
    chart.series.forEach((s, si) => {
      const color = seriesColor(si);
      const points = s.values.map((v, i) => (v === null ? null : { x: plotX + (i + 0.5) * slot, y: yOf(v), v }));
      doc.save().lineWidth(1.5).strokeColor(color);
      let drawing = false;
      for (const p of points) {
        if (p === null) {
          drawing = false;
          continue;
        }
        if (!drawing) doc.moveTo(p.x, p.y);
        else doc.lineTo(p.x, p.y);
        drawing = true;
      }
      doc.stroke().restore();
      points.forEach((p, i) => {
        if (p === null) {
          drawText(doc, '–', plotX + i * slot, plotBottom - 9, slot, valueStyle);
          return;
        }
        doc.save().circle(p.x, p.y, 2.2).fill(color).restore();
        drawText(doc, valueText(chart, p.v), p.x - slot / 2, p.y - 9, slot, valueStyle);
      });
    });
  }
}
