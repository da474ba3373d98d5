/** Size and resolution of PNG and JPEG files, read from their headers (no image library needed). */

export interface ImageInfo {
  mime: 'image/png' | 'image/jpeg';
  width: number;
  height: number;
  /** Dots per inch recorded in the file (PNG pHYs, JPEG JFIF), or null. */
  dpiX: number | null;
  dpiY: number | null;
}

function pngInfo(data: Buffer): ImageInfo | null {
  if (data.length < 33 || data.readUInt32BE(12) !== 0x49484452) return null; // IHDR
  const info: ImageInfo = { mime: 'image/png', width: data.readUInt32BE(16), height: data.readUInt32BE(20), dpiX: null, dpiY: null };
  let offset = 8;
  while (offset + 8 <= data.length) {
    const length = data.readUInt32BE(offset);
    const type = data.toString('latin1', offset + 4, offset + 8);
    if (type === 'pHYs' && offset + 17 <= data.length && data[offset + 16] === 1) {
      info.dpiX = Math.round(data.readUInt32BE(offset + 8) * 0.0254);
      info.dpiY = Math.round(data.readUInt32BE(offset + 12) * 0.0254);
    }
    if (type === 'IDAT' || type === 'IEND') break;
    offset += 12 + length;
  }
  return info;
}

function jpegInfo(data: Buffer): ImageInfo | null {
  const info: ImageInfo = { mime: 'image/jpeg', width: 0, height: 0, dpiX: null, dpiY: null };
  let offset = 2;
  while (offset + 4 <= data.length) {
    if (data[offset] !== 0xff) {
      offset++;
      continue;
    }
    const marker = data[offset + 1] ?? 0;
    if (marker === 0xff) {
      offset++;
      continue;
    }
    if (marker === 0xd8 || (marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) {
      offset += 2;
      continue;
    }
    const length = data.readUInt16BE(offset + 2);
    const body = offset + 4;
    if (marker === 0xe0 && data.toString('latin1', body, body + 5) === 'JFIF\0' && body + 12 <= data.length) {
      const units = data[body + 7];
      const x = data.readUInt16BE(body + 8);
      const y = data.readUInt16BE(body + 10);
      if (units === 1 && x > 1) [info.dpiX, info.dpiY] = [x, y];
      if (units === 2 && x > 1) [info.dpiX, info.dpiY] = [Math.round(x * 2.54), Math.round(y * 2.54)];
    }
    const isSof = marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
    if (isSof && body + 5 <= data.length) {
      info.height = data.readUInt16BE(body + 1);
      info.width = data.readUInt16BE(body + 3);
      return info.width > 0 && info.height > 0 ? info : null;
    }
    if (marker === 0xda) break;
    offset += 2 + length;
  }
  return null;
}

export function imageInfo(data: Buffer): ImageInfo | null {
  if (data.length >= 8 && data.readUInt32BE(0) === 0x89504e47) return pngInfo(data);
  if (data.length >= 3 && data[0] === 0xff && data[1] === 0xd8 && data[2] === 0xff) return jpegInfo(data);
  return null;
}

/** A4 width in inches: an image without a recorded resolution is laid out as an A4-wide page. */
const A4_WIDTH_IN = 210 / 25.4;

/** Page size in PDF points for an image, from its resolution (so a 200-dpi A4 scan is an A4 page). */
export function pageSizeFor(info: ImageInfo, dpi?: number | null): { width: number; height: number } {
  const x = dpi ?? info.dpiX ?? Math.max(72, info.width / A4_WIDTH_IN);
  const y = dpi ?? info.dpiY ?? x;
  return { width: (info.width / x) * 72, height: (info.height / y) * 72 };
}
