import helmet from 'helmet';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Env } from '../../config/env.js';

/**
 * CSP source expressions (`'sha256-…'`) for the inline scripts of an HTML page. Taro's H5 page carries one: it sets
 * the root font size from the screen width (the rem base of every size in the app), before the bundle loads.
 */
export function inlineScriptHashes(html: string): string[] {
  const out: string[] = [];
  for (const m of html.matchAll(/<script(\s[^>]*)?>([\s\S]*?)<\/script>/gi)) {
    if (/\ssrc\s*=/i.test(m[1] ?? '') || !m[2]) continue;
    out.push(`'sha256-${createHash('sha256').update(m[2], 'utf8').digest('base64')}'`);
  }
  return out;
}

/**
 * Security headers on every response, the H5 app's included (helmet): a Content-Security-Policy that lets the page
 * load only its own scripts and talk only to its own origin, no framing by other sites, no MIME sniffing, no
 * Referer to other sites. Taro's H5 build needs `'self'` scripts plus its one inline script (allowed by its hash,
 * read from the served index.html at start-up) and inline styles (style attributes set by React); images also come
 * as `data:` (the radar chart's SVG) and `blob:` (camera previews).
 * `upgrade-insecure-requests` only when the app is published over HTTPS (a plain-HTTP LAN demo would break).
 */
export function securityHeaders(env: Env) {
  const https = env.PUBLIC_BASE_URL.startsWith('https://');
  const page = env.h5Dir ? join(env.h5Dir, 'index.html') : null;
  const pageScripts = page && existsSync(page) ? inlineScriptHashes(readFileSync(page, 'utf8')) : [];
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        baseUri: ["'self'"],
        scriptSrc: ["'self'", ...pageScripts],
        scriptSrcAttr: ["'none'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        mediaSrc: ["'self'", 'blob:'],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
        ...(https ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
    strictTransportSecurity: https ? { maxAge: 180 * 24 * 3600, includeSubDomains: false } : false,
    crossOriginEmbedderPolicy: false,
  });
}
