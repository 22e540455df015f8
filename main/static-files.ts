/**
 * Serving the built renderer (out/renderer), shared by the app:// protocol and the browser mode:
 * one Content-Security-Policy, one MIME table, one path check.
 */
import fs from 'node:fs/promises';
import path from 'node:path';

/**
 * Nothing remote, ever: articles are hostile and must not load or send anything.
 * Styles: the renderer's own are files and Lit's adopted stylesheets, which 'self' covers (the
 * end-to-end suite passes with no inline styles allowed at all); imported article HTML keeps the
 * inline style attributes the sanitizer vetted, so `style` attributes are allowed, but not <style>
 * elements. Scripts are 'self' only.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "style-src-attr 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');

/** Headers on every response of both shells. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

const MIME_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
};

export function mimeTypeOf(file: string): string {
  return MIME_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

export type StaticFile = { file: string; body: Buffer; contentType: string };

/**
 * The file a URL path names inside `root`, or null when there is none or the path tries to leave
 * `root` (`..`, encoded slashes or backslashes, NUL bytes, symlinks pointing outside).
 * `/` is index.html.
 */
export async function readStaticFile(root: string, urlPathname: string): Promise<StaticFile | null> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPathname);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const relative = decoded === '/' || decoded === '' ? 'index.html' : decoded.replace(/^\/+/, '');
  const segments = relative.split('/');
  if (segments.some((segment) => segment === '..' || segment === '.')) return null;

  const rootReal = await fs.realpath(root).catch(() => null);
  if (rootReal === null) return null;
  const candidate = path.resolve(rootReal, relative);
  if (!isInside(rootReal, candidate)) return null;
  try {
    const real = await fs.realpath(candidate);
    if (!isInside(rootReal, real)) return null;
    const stat = await fs.stat(real);
    if (!stat.isFile()) return null;
    return { file: real, body: await fs.readFile(real), contentType: mimeTypeOf(real) };
  } catch {
    return null;
  }
}

function isInside(root: string, candidate: string): boolean {
  const relative = path.relative(root, candidate);
  return relative !== '' && relative.split(path.sep)[0] !== '..' && !path.isAbsolute(relative);
}
