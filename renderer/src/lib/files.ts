/** Files in the browser: base64 for the API, blob URLs for previews, downloads. */
import { MAX_UPLOAD_BYTES } from '../../../shared/api/schemas';

export const ACCEPTED_SCAN_EXTENSIONS = ['.pdf', '.jpg', '.jpeg', '.png'] as const;
export const SCAN_ACCEPT = '.pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png';
export const IMAGE_ACCEPT = '.png,.jpg,.jpeg,image/png,image/jpeg';

export function fileToBase64(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const result = typeof reader.result === 'string' ? reader.result : '';
      const comma = result.indexOf(',');
      resolve(comma >= 0 ? result.slice(comma + 1) : result);
    };
    reader.onerror = () => reject(new Error('Berkas tidak dapat dibaca.'));
    reader.readAsDataURL(file);
  });
}

export function base64ToBlob(data: string, mime: string): Blob {
  const binary = atob(data);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return new Blob([bytes], { type: mime });
}

/** 1536 → "1,5 KB". */
export function formatSize(bytes: number): string {
  const fmt = (n: number) => n.toLocaleString('id-ID', { maximumFractionDigits: 1 });
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${fmt(bytes / 1024)} KB`;
  return `${fmt(bytes / (1024 * 1024))} MB`;
}

/** Why a picked file cannot be a scan, or null when it may be uploaded. */
export function scanProblem(file: File): string | null {
  const lower = file.name.toLowerCase();
  const okType = ['application/pdf', 'image/jpeg', 'image/png'].includes(file.type) || ACCEPTED_SCAN_EXTENSIONS.some((e) => lower.endsWith(e));
  if (!okType) return 'Jenis berkas tidak didukung. Gunakan PDF, JPG, atau PNG.';
  if (file.size === 0) return 'Berkas kosong. Pindai ulang surat tersebut.';
  if (file.size > MAX_UPLOAD_BYTES) return `Berkas terlalu besar (${formatSize(file.size)}). Batasnya ${formatSize(MAX_UPLOAD_BYTES)}.`;
  return null;
}

export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
