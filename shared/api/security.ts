/**
 * The Content-Security-Policy of every Loket page, in the app (app:// protocol) and from the HTTP
 * host: only Loket's own scripts; scans and PDFs are shown from blob: URLs made by the renderer.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' blob: data:",
  "frame-src 'self' blob:",
  "object-src 'self' blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
