import { createHmac, timingSafeEqual } from 'node:crypto';

/** QR token: `<payload>.<hmac>`, both base64url; payload = survey id `s`, target section id `t`, period end `p` (inclusive date). */
export interface QrClaims {
  s: string;
  t: string;
  p: string;
}

const b64 = (b: Buffer | string) => Buffer.from(b).toString('base64url');

export function hmac(secret: string, data: string): string {
  return createHmac('sha256', secret).update(data).digest('hex');
}

export function signQr(secret: string, claims: QrClaims): string {
  const payload = b64(JSON.stringify(claims));
  const sig = createHmac('sha256', secret).update(`qr.${payload}`).digest('base64url');
  return `${payload}.${sig}`;
}

/** The claims of a well-signed token, or null for a forged or malformed one (expiry is checked by the caller). */
export function verifyQr(secret: string, token: string): QrClaims | null {
  const m = /^([A-Za-z0-9_-]{8,400})\.([A-Za-z0-9_-]{43})$/.exec(token);
  if (!m) return null;
  const expected = createHmac('sha256', secret).update(`qr.${m[1]}`).digest();
  const given = Buffer.from(m[2]!, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  try {
    const c = JSON.parse(Buffer.from(m[1]!, 'base64url').toString('utf8')) as QrClaims;
    if (typeof c.s !== 'string' || typeof c.t !== 'string' || typeof c.p !== 'string') return null;
    return c;
  } catch {
    return null;
  }
}
