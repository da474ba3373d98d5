/**
 * The LAN host's certificate: self-signed, made on first start with the `selfsigned` package
 * (X.509 via @peculiar/x509 and WebCrypto; no OpenSSL binary needed), kept in `<data>/tls/` with
 * the key readable by the owner only. Desks pin its SHA-256 fingerprint (trust on first use): the
 * administrator compares the fingerprint shown at the desk with the one on the host's screen.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { generate } from 'selfsigned';

export const TLS_DIR = 'tls';
const CERT_FILE = 'host.crt';
const KEY_FILE = 'host.key';

export interface HostCertificate {
  cert: string;
  key: string;
  /** SHA-256 of the certificate (DER), as AB:CD:… */
  fingerprint: string;
}

export function fingerprintOfPem(pem: string): string {
  return new crypto.X509Certificate(pem).fingerprint256;
}

export function fingerprintOfDer(der: Buffer): string {
  return new crypto.X509Certificate(der).fingerprint256;
}

export function derToPem(der: Buffer): string {
  const body = der.toString('base64').replace(/(.{64})/g, '$1\n').replace(/\n$/, '');
  return `-----BEGIN CERTIFICATE-----\n${body}\n-----END CERTIFICATE-----\n`;
}

/** The same fingerprint written any way (lower case, no colons) → AB:CD:… or null. */
export function normalizeFingerprint(text: string): string | null {
  const hex = text.replace(/[^0-9a-fA-F]/g, '').toUpperCase();
  if (hex.length !== 64) return null;
  return hex.match(/../g)?.join(':') ?? null;
}

function files(dataDir: string): { dir: string; cert: string; key: string } {
  const dir = path.join(dataDir, TLS_DIR);
  return { dir, cert: path.join(dir, CERT_FILE), key: path.join(dir, KEY_FILE) };
}

export function readHostCertificate(dataDir: string): HostCertificate | null {
  const f = files(dataDir);
  if (!fs.existsSync(f.cert) || !fs.existsSync(f.key)) return null;
  const cert = fs.readFileSync(f.cert, 'utf8');
  const key = fs.readFileSync(f.key, 'utf8');
  try {
    return { cert, key, fingerprint: fingerprintOfPem(cert) };
  } catch {
    return null;
  }
}

/** The host's certificate, made now if there is none yet (ten years; EC P-256; SHA-256). */
export async function ensureHostCertificate(dataDir: string, organization = 'Loket'): Promise<HostCertificate> {
  const existing = readHostCertificate(dataDir);
  if (existing) return existing;
  const f = files(dataDir);
  fs.mkdirSync(f.dir, { recursive: true, mode: 0o700 });
  const notBeforeDate = new Date(Date.now() - 60 * 60_000);
  const notAfterDate = new Date(notBeforeDate.getTime() + 10 * 365 * 86_400_000);
  const pems = await generate(
    [
      { name: 'commonName', value: 'Loket host' },
      { name: 'organizationName', value: organization.slice(0, 64) || 'Loket' },
    ],
    {
      keyType: 'ec',
      curve: 'P-256',
      algorithm: 'sha256',
      notBeforeDate,
      notAfterDate,
      extensions: [
        { name: 'basicConstraints', cA: true, critical: true },
        { name: 'keyUsage', digitalSignature: true, keyCertSign: true, critical: true },
        { name: 'extKeyUsage', serverAuth: true },
        { name: 'subjectAltName', altNames: [{ type: 2, value: 'loket.local' }, { type: 7, ip: '127.0.0.1' }] },
      ],
    },
  );
  // The key first, owner-only; then the certificate (its presence marks a complete pair).
  fs.writeFileSync(f.key, pems.private, { mode: 0o600 });
  fs.chmodSync(f.key, 0o600);
  fs.writeFileSync(f.cert, pems.cert, { mode: 0o600 });
  fs.chmodSync(f.cert, 0o600);
  return { cert: pems.cert, key: pems.private, fingerprint: fingerprintOfPem(pems.cert) };
}
